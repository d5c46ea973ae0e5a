import type { DraftProposal } from './item-effects.contract';
import type { ReadItem } from './agenda-items';
import type { ProtocolHeader } from './protocol-header';
import type { SourceLine } from './intake-result';
import { commandId, sourceOf, type ProtocolContext } from './meeting-proposals';
import { resolvePerson } from './resolve-names';
import { sourceLine } from './source-lines';
import type { Welcomer } from './welcome';

function itemData(item: ReadItem): Record<string, unknown> {
  const isList = (t: string) => /^[-–•]\s/.test(t);
  const paras = item.text.map((p) => p.text).filter((t) => t !== '');
  const text = paras.map((t, i) => (i === 0 ? '' : isList(t) && isList(paras[i - 1]!) ? '\n' : '\n\n') + t).join('');
  const d = item.decision;
  const decision =
    d === null
      ? undefined
      : d.outcome === 'deferred'
        ? { outcome: 'deferred', ...(d.procedure ? { procedure: d.procedure } : {}), ...(d.subject ? { subject: d.subject } : {}) }
        : { text: d.text, outcome: d.outcome, ...(d.ratifiers ? { ratifiers: d.ratifiers } : {}) };
  return {
    number: item.number,
    kind: item.kind,
    title: item.title,
    ...(item.presenters.length > 0 ? { presenters: item.presenters.map((p) => ({ person: { name: p.name }, ...(p.as ? { as: p.as } : {}) })) } : {}),
    ...(text !== '' ? { text } : {}),
    ...(decision ? { decision } : {}),
    ...(item.afterDecision.length > 0 ? { afterDecision: item.afterDecision.map((p) => p.text).join('\n\n') } : {}),
  };
}

/** Who chaired: the one the opening item calls "Ordförande" (stated), else the first who opened the meeting (inferred). */
function chairOf(welcomers: readonly Welcomer[]): { name: string; basis: 'stated' | 'inferred'; reasoning: string } | null {
  const chair = welcomers.find((w) => w.role === 'chair');
  if (chair) return { name: chair.name, basis: 'stated', reasoning: `Item 1: "Ordförande ${chair.name}".` };
  const first = welcomers[0];
  if (!first) return null;
  const as = first.role === 'vice-chair' ? `"Vice ordförande ${first.name}" opened the meeting` : `${first.name} was the first named of those who welcomed the members`;
  return { name: first.name, basis: 'inferred', reasoning: `Item 1: ${as}; the protocol names no chair of the meeting, so the one who opened it is read as chairing it.` };
}

/** RecordMeeting: date, place, registry number, title, chair and every item with its kind, text, decision and presenters. */
export function meetingProposal(ctx: ProtocolContext & { readonly body: string; readonly bodyInferred: string | null }, header: ProtocolHeader, items: readonly ReadItem[], welcomers: readonly Welcomer[]): DraftProposal {
  const chair = chairOf(welcomers);
  const fieldBasis = [
    ...(chair?.basis === 'inferred' ? [{ field: 'chair', kind: 'inferred', reasoning: chair.reasoning }] : []),
    ...(ctx.bodyInferred ? [{ field: 'body', kind: 'inferred', reasoning: ctx.bodyInferred }] : []),
  ];
  const lines: SourceLine[] = [...header.lines, ...items.flatMap((i) => i.usedLines)];
  const unique = [...new Map(lines.map((l) => [l.line, sourceLine(l)])).values()].sort((a, b) => a.line - b.line);
  const names = [...(chair ? [resolvePerson(chair.name, ctx.directory.people)] : []), ...items.flatMap((i) => i.presenters.map((p) => resolvePerson(p.name, ctx.directory.people)))];
  const decisions = items.filter((i) => i.kind === 'decision').length;
  return {
    command: {
      type: 'RecordMeeting',
      data: {
        body: ctx.body,
        date: ctx.date,
        ...(header.place ? { place: header.place } : {}),
        ...(header.registryNumber ? { registryNumber: header.registryNumber } : {}),
        ...(chair ? { chair: { name: chair.name } } : {}),
        title: ctx.document,
        items: items.map(itemData),
      },
      metadata: {
        commandId: commandId(ctx, 'meeting'),
        decidedOn: ctx.date,
        source: sourceOf(ctx),
        basis: { kind: 'stated' },
        ...(fieldBasis.length > 0 ? { fieldBasis } : {}),
      },
    },
    summary: `Mötet ${ctx.date} (${ctx.document}): ${items.length} punkter, varav ${decisions} beslut.`,
    item: null,
    lines: unique,
    confidence: 'stated',
    names,
    notes: [
      ...(chair?.basis === 'inferred' ? [`Ordförande för mötet är tolkad: ${chair.name} öppnade mötet, men protokollet säger inte vem som var ordförande.`] : []),
      ...(header.place === null ? ['Protokollet anger ingen plats för mötet.'] : []),
      ...(ctx.bodyInferred ? [ctx.bodyInferred] : []),
      ...items.flatMap((i) => i.notes),
    ],
  };
}

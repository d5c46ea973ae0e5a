import { findTopHeadings, readItem, type ReadItem } from './agenda-items';
import { PRESENT_HEADING, readAttendance } from './attendance';
import { boilerplateReason } from './boilerplate';
import { effectsOfItem } from './effects/effects-of-item';
import type { DraftProposal, EffectContext, IntakeItem } from './item-effects.contract';
import type { IntakeDirectory, IntakeResult, NotUnderstood, Proposal, SourceLine, StatedAmount } from './intake-result';
import { UnreadableProtocol } from './intake-result';
import { attendanceAffiliations, attendanceProposal, itemAffiliations, type ProtocolContext } from './meeting-proposals';
import { listNotUnderstood } from './not-understood';
import { readHeader, resolveBody } from './protocol-header';
import { meetingProposal } from './record-meeting-proposal';
import { cleanInline, sourceLine, toRawLines } from './source-lines';
import { readWelcomers, type Welcomer } from './welcome';
import { slugify } from '../domain/slug';

function intakeItem(item: ReadItem): IntakeItem {
  return { number: item.number, title: item.title, kind: item.kind, lines: item.lines.map(sourceLine), decisionText: item.decision?.text ?? null };
}

/** Proposals that are the same command (same commandId) are one fact: the first keeps the lines of both. */
function mergeSameCommand(drafts: readonly DraftProposal[]): DraftProposal[] {
  const byId = new Map<string, DraftProposal>();
  const out: DraftProposal[] = [];
  for (const d of drafts) {
    const id = d.command.metadata['commandId'];
    const kept = typeof id === 'string' ? byId.get(id) : undefined;
    if (!kept) {
      if (typeof id === 'string') byId.set(id, d);
      out.push(d);
      continue;
    }
    const lines = [...new Map([...kept.lines, ...d.lines].map((l) => [l.line, l])).values()].sort((a, b) => a.line - b.line);
    const merged = { ...kept, lines };
    byId.set(id as string, merged);
    out[out.indexOf(kept)] = merged;
  }
  return out;
}

/**
 * Reads the plain text of a protocol into proposed commands. Pure and deterministic: the same
 * text and directory give the same result; no network, no model.
 */
export function intakeProtocol(text: string, directory: IntakeDirectory): IntakeResult {
  if (text.trim() === '') throw new UnreadableProtocol('Texten är tom.', 'text');
  const lines = toRawLines(text);
  const attendanceAt = lines.findIndex((l) => PRESENT_HEADING.test(cleanInline(l.text)));
  const end = attendanceAt >= 0 ? attendanceAt : lines.length;
  const headings = findTopHeadings(lines.slice(0, end));
  const headerEnd = headings[0]?.index ?? end;
  const header = readHeader(lines.slice(0, headerEnd));
  if (headings.length === 0 && (header.title === null || attendanceAt < 0)) throw new UnreadableProtocol('Texten är inget protokoll: den har inga numrerade punkter ("1. Välkomna") och ingen rubrik "Protokoll …" med närvarolista.', 'text');
  if (header.date === null) throw new UnreadableProtocol('Protokollet anger inget mötesdatum (t.ex. "Protokoll … 2024-12-13" eller "13 december 2024").', 'text');
  const date = header.date;

  const furniture = new Map<number, string>();
  for (const l of lines.slice(headerEnd)) {
    const reason = boilerplateReason(l, directory.parties, header.registryNumber);
    if (reason) furniture.set(l.line, reason);
  }
  const furnitureLines = new Set(furniture.keys());

  const items: ReadItem[] = headings.flatMap((h, k) => readItem(h, lines[h.index]!, lines.slice(h.index + 1, headings[k + 1]?.index ?? end), furnitureLines, directory.parties));
  const attendance = attendanceAt >= 0 ? readAttendance(lines.slice(attendanceAt), furnitureLines, directory.parties) : null;

  const body = resolveBody(header.bodyPrinted, directory.groups);
  const bodySlug = body?.slug ?? slugify(header.bodyPrinted ?? 'okant-organ');
  const bodyInferred =
    body === null
      ? `Organet "${header.bodyPrinted ?? ''}" i rubriken finns inte i registret; det har fått id "${bodySlug}".`
      : body.confidence === 'inferred'
        ? `Rubriken skriver "${header.bodyPrinted}", läst som ${directory.groups.find((g) => g.slug === body.slug)?.name ?? body.slug}.`
        : null;
  const document = header.title ?? `Protokoll ${date}`;
  const ctx: ProtocolContext & { body: string; bodyInferred: string | null } = {
    date,
    document,
    registryNumber: header.registryNumber,
    meetingRef: `${bodySlug}-${date}`,
    directory,
    body: bodySlug,
    bodyInferred,
  };
  const effectCtx: EffectContext = { body: bodySlug, meetingRef: ctx.meetingRef, meetingDate: date, documentTitle: document, registryNumber: header.registryNumber, directory };

  const welcomeItem = items.find((i) => i.text.some((p) => /\bhälsade\b/u.test(p.text)));
  const welcomers: Welcomer[] = welcomeItem ? readWelcomers(welcomeItem.text.map((p) => p.text).join(' ')) : [];

  const drafts: DraftProposal[] = [meetingProposal(ctx, header, items, welcomers)];
  const amounts: StatedAmount[] = [];
  const effectsNotUnderstood: NotUnderstood[] = [];
  const stated = new Set<string>();
  for (const item of items) {
    const itemStart = drafts.length;
    // The same person, organisation and title stated again in a later item is no new fact.
    for (const d of itemAffiliations(ctx, item, item === welcomeItem ? welcomers : [])) {
      const key = JSON.stringify({ ...d.command.data, effectiveFrom: undefined });
      if (stated.has(key)) continue;
      stated.add(key);
      drafts.push(d);
    }
    const effects = effectsOfItem(intakeItem(item), effectCtx);
    // Within an item, document order: the line each proposal was first read from (a stable sort keeps ties as listed).
    const mine = drafts.splice(itemStart);
    drafts.push(...[...mine, ...effects.proposals].sort((a, b) => (a.lines[0]?.line ?? 0) - (b.lines[0]?.line ?? 0)));
    amounts.push(...effects.amounts);
    effectsNotUnderstood.push(...effects.notUnderstood);
  }
  if (attendance) {
    const placed = new Set(
      drafts.flatMap((d) => {
        const id = d.command.metadata['commandId'];
        return d.command.type === 'RecordAffiliation' && typeof id === 'string' ? [id.split(':').pop()!] : [];
      }),
    );
    drafts.push(...attendanceAffiliations(ctx, attendance, placed));
    if (attendance.present.length + attendance.others.length > 0) drafts.push(attendanceProposal(ctx, attendance));
  }
  const proposals: Proposal[] = mergeSameCommand(drafts).map((d, i) => ({ id: `p${i + 1}`, ...d }));

  // Nothing is dropped silently: every non-blank line no proposal, amount or item text uses is listed.
  const used = new Set<number>([...proposals.flatMap((p) => p.lines), ...amounts.flatMap((a) => a.lines)].map((l: SourceLine) => l.line));
  const unread = new Set(attendance?.unread.map((l) => l.line) ?? []);
  const setAside = new Map(items.flatMap((i) => i.setAside.flatMap((s) => s.lines.map((l) => [l.line, s.reason] as const))));
  const firstItemLine = lines[headerEnd]?.line ?? Infinity;
  const endLine = lines[end]?.line ?? Infinity;
  const owners = new Map<number, string>();
  for (const i of items) for (const l of [...i.headingLines, ...i.lines]) if (!owners.has(l.line)) owners.set(l.line, i.number);
  const itemOf = (line: number): string | null => {
    const owner = owners.get(line);
    if (owner !== undefined) return owner;
    if (line >= endLine) return null;
    const before = headings.filter((h) => lines[h.index]!.line < line);
    return before[before.length - 1]?.number ?? null;
  };
  const reasonOf = (line: number): string =>
    furniture.get(line) ?? setAside.get(line) ?? (unread.has(line) ? 'rad i närvarolistan som inte är "Namn, Organisation"' : line < firstItemLine ? 'rad före första punkten som inte lästes' : 'inte läst');
  const notUnderstood = [...listNotUnderstood({ lines, used, reasonOf, itemOf }), ...effectsNotUnderstood];

  const byType: Record<string, number> = {};
  for (const p of proposals) byType[p.command.type] = (byType[p.command.type] ?? 0) + 1;
  return {
    meeting: { ref: ctx.meetingRef, body: bodySlug, date, title: document, place: header.place, registryNumber: header.registryNumber },
    proposals,
    amounts,
    notUnderstood,
    counts: { proposals: byType, ambiguous: proposals.reduce((n, p) => n + p.names.filter((r) => r.kind === 'ambiguous').length, 0), notUnderstood: notUnderstood.length },
  };
}

import type { Basis } from '../domain/basis';
import type { AttendeeView, DecisionView, ItemView, MeetingDetail } from './meeting.reader';

/** A line the ledger prints, marked when what it says is inferred rather than stated by a source. */
export interface Marked {
  readonly text: string;
  /** The reasoning, when the fact is inferred; absent when a source states it. */
  readonly inferred?: string;
}

export const INFERRED_MARK = 'antaget';

const marked = (text: string, basis: Basis | null | undefined): Marked => (basis?.kind === 'inferred' ? { text, inferred: basis.reasoning } : { text });

/**
 * The protocol rebuilt from the log, in the layout of the source protocols: registry number
 * at the top, "Protokoll <body> <date>", numbered items with their presenters and text,
 * decisions in bold, the attendance lists at the end. What the ledger adds (status of a
 * decision, its recorded effects, sources) is marked as such. Rendered as Markdown or HTML.
 */
export type Block =
  | { readonly kind: 'registry'; readonly text: string }
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'meta'; readonly rows: readonly (readonly [string, Marked])[] }
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: string; readonly id: string }
  | { readonly kind: 'para'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly (string | Marked)[] }
  | { readonly kind: 'decision'; readonly lines: readonly { readonly bullet: boolean; readonly text: string }[] }
  | { readonly kind: 'note'; readonly label: string; readonly items: readonly string[] };

const FORMS: Record<string, string> = { 'in-person': 'fysiskt möte', digital: 'digitalt möte', hybrid: 'hybridmöte', 'per-capsulam': 'per capsulam (mejl)' };

export function protocolBlocks(m: MeetingDetail): Block[] {
  const blocks: Block[] = [];
  if (m.registryNumber) blocks.push({ kind: 'registry', text: m.registryNumber });
  blocks.push({ kind: 'title', text: `Protokoll ${m.body?.name ?? ''} ${m.date}`.replace(/\s+/g, ' ') });
  const meta: [string, Marked][] = [['Datum', marked(m.date, m.basis.date)]];
  if (m.place) meta.push(['Plats', marked(m.place, m.basis.place)]);
  if (m.form) meta.push(['Mötesform', marked(FORMS[m.form] ?? m.form, m.basis.form)]);
  if (m.chair) meta.push(['Ordförande', marked(m.chair.name, m.basis.chair)]);
  meta.push(['Justering', marked(signOffText(m), m.signOff ? m.basis.signOff : null)]);
  if (m.knownAt) meta.push(['Som registret visade', { text: m.knownAt }]);
  blocks.push({ kind: 'meta', rows: meta });

  for (const item of m.items) blocks.push(...itemBlocks(item));

  blocks.push({ kind: 'heading', level: 2, text: 'Närvarande ledamöter', id: 'narvarande' });
  blocks.push({ kind: 'list', items: m.attendance.present.map(attendeeLine) });
  blocks.push({ kind: 'heading', level: 2, text: 'Övriga medverkande', id: 'ovriga' });
  blocks.push({ kind: 'list', items: m.attendance.others.map(attendeeLine) });
  if (m.sources.length > 0) {
    blocks.push({
      kind: 'note',
      label: 'Källor',
      items: m.sources.map((s) => [s.document, s.registryNumber, s.items ? `punkt ${s.items.join(', ')}` : null, s.url].filter(Boolean).join(' · ')),
    });
  }
  return blocks;
}

function signOffText(m: MeetingDetail): string {
  if (!m.signOff) return 'ej justerat';
  // No source says it was signed off: the ledger does not print "justerat" as if one did.
  if (m.basis.signOff?.kind === 'inferred') return 'uppgift saknas i källan';
  const when = m.signOff.signedOn ?? 'datum okänt';
  const who = m.signOff.signers.map((s) => s.name).join(', ');
  return `justerat (${when}${who ? `; ${who}` : ''})`;
}

function itemBlocks(item: ItemView): Block[] {
  const sub = item.number.includes('.');
  const blocks: Block[] = [{ kind: 'heading', level: sub ? 3 : 2, text: sub ? `${item.number} ${item.title}` : `${item.number}. ${item.title}`, id: `punkt-${item.number}` }];
  if (item.presenters.length > 0) blocks.push({ kind: 'list', items: item.presenters.map((p) => (p.as ? `${p.person.name}, ${p.as}` : p.person.name)) });
  blocks.push(...textBlocks(item.text));
  if (item.decision) blocks.push(...decisionBlocks(item.decision));
  blocks.push(...textBlocks(item.afterDecision));
  if (item.effects.length > 0) blocks.push({ kind: 'note', label: 'Registrerat till följd av punkten', items: item.effects.map((e) => `${e.summary} (${e.type} ${e.event})`) });
  return blocks;
}

/** Paragraphs separated by blank lines; runs of lines beginning "- " are lists. */
function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const paragraph of text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)) {
    const runs: { list: boolean; lines: string[] }[] = [];
    for (const line of paragraph.split('\n').map((l) => l.trim())) {
      const list = line.startsWith('- ');
      const last = runs.at(-1);
      if (last && last.list === list) last.lines.push(list ? line.slice(2) : line);
      else runs.push({ list, lines: [list ? line.slice(2) : line] });
    }
    for (const run of runs) blocks.push(run.list ? { kind: 'list', items: run.lines } : { kind: 'para', text: run.lines.join(' ') });
  }
  return blocks;
}

function decisionBlocks(d: DecisionView): Block[] {
  const blocks: Block[] = [];
  if (d.text) {
    const lines = d.text.split('\n').map((l) => l.trim()).filter(Boolean);
    blocks.push({ kind: 'decision', lines: lines.map((l, i) => (l.startsWith('- ') ? { bullet: true, text: l.slice(2) } : { bullet: false, text: i === 0 ? `Beslut: ${l}` : l })) });
  }
  const status: string[] = [];
  if (d.outcome === 'deferred') {
    status.push(d.laterDecision ? `Beslutat ${d.laterDecision.decidedOn} (${[d.laterDecision.procedure, d.laterDecision.forum].filter(Boolean).join(', ')}): ${d.laterDecision.text}` : `Väntar: ${[d.deferral?.subject, d.deferral?.procedure].filter(Boolean).join(' ')}`);
  }
  if (d.outcome === 'needs-ratification') {
    for (const r of d.ratifications) status.push(`Ställt sig bakom: ${r.ratifier.name} ${r.ratifiedOn}${r.forum ? ` (${r.forum})` : ''}`);
    const waiting = d.waitingFor.flatMap((w) => (w.kind === 'ratification' ? [typeof w.ratifier === 'string' ? w.ratifier : w.ratifier.name] : []));
    status.push(waiting.length > 0 ? `Väntar på beslut av: ${waiting.join(', ')}` : 'Alla parter har ställt sig bakom beslutet.');
  }
  if (status.length > 0) blocks.push({ kind: 'note', label: `Beslutets status: ${STATUS[d.status] ?? d.status}`, items: status });
  return blocks;
}

const STATUS: Record<string, string> = { decided: 'fattat', ratified: 'fattat av alla parter', pending: 'väntar' };

function attendeeLine(a: AttendeeView): Marked {
  const what = a.capacity ?? a.party?.name ?? null;
  return marked(`${a.name}${what ? `, ${what}` : ''}${a.acting ? ' (tf.)' : ''}`, a.basis);
}

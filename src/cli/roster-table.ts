import type { Basis } from '../domain/basis';
import type { Roster } from '../queries/group-roster.reader';

/** "~" before what is inferred, so a reader of the terminal table tells it from what a source states. */
export const INFERRED_MARKER = '~';

const mark = (basis: Basis | undefined) => (basis?.kind === 'inferred' ? `${INFERRED_MARKER} ` : '');

/** The roster as a plain-text table for a terminal; inferred rows are marked and their reasoning listed below. */
export function formatRosterTable(roster: Roster): string {
  const header = `${roster.group.name} (${roster.group.slug}) on ${roster.at}${roster.knownAt ? `, as known at ${roster.knownAt}` : ''}`;
  const attested = formatAttested(roster);
  if (roster.members.length === 0) return `${header}\n(no appointed members recorded for that date)\n${attested}`;
  const rows = roster.members.map((m) => [
    `${mark(m.roleBasis ?? m.basis)}${m.role}`,
    m.person.name,
    `${mark(m.affiliationBasis)}${[m.title, m.organisation?.name].filter(Boolean).join(', ')}`,
    [m.field, m.representing?.name].filter(Boolean).join(', '),
    `${mark(m.basis)}${m.from ?? 'unknown'} – ${m.to ?? ''}${m.uncertain ? ' (?)' : ''}`,
    m.sources.map((s) => [s.document, s.item && `item ${s.item}`].filter(Boolean).join(' ')).join('; '),
  ]);
  const head = ['Role', 'Name', 'Title, organisation', 'Seat for', 'Sits from – to', 'Source'];
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const notes: string[] = [];
  if (roster.members.some((m) => m.uncertain)) notes.push('(?) an imprecise date leaves open whether the person sat on that day');
  const reasons = roster.members.flatMap((m) =>
    [m.basis, m.roleBasis].flatMap((b) => (b?.kind === 'inferred' ? [`${INFERRED_MARKER} ${m.person.name}: inferred (antaget): ${b.reasoning}`] : [])),
  );
  notes.push(...new Set(reasons));
  return [header, '', line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + notes.map((n) => `\n${n}`).join('') + '\n' + attested;
}

function formatAttested(roster: Roster): string {
  if (roster.attested.length === 0) return '';
  const lines = roster.attested.map(
    (a) =>
      `  ${a.person.name}, ${a.representing?.name ?? a.capacity ?? '(no organisation)'}: attended ${a.meetings.map((m) => `${m.date}${m.acting ? ' (tf.)' : ''}`).join(', ')}${a.attendedOn ? '' : ` (between meetings: read from ${a.from} to ${a.to})`}`,
  );
  return `\nAttested by attendance lists (Närvarande ledamöter), not appointments:\n${lines.join('\n')}\n`;
}

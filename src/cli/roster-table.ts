import type { Roster } from '../queries/group-roster.reader';

/** The roster as a plain-text table for a terminal. */
export function formatRosterTable(roster: Roster): string {
  const header = `${roster.group.name} (${roster.group.slug}) on ${roster.at}${roster.knownAt ? `, as known at ${roster.knownAt}` : ''}`;
  if (roster.members.length === 0) return `${header}\n(no members recorded for that date)\n`;
  const rows = roster.members.map((m) => [
    m.role,
    m.person.name,
    [m.title, m.organisation?.name].filter(Boolean).join(', '),
    [m.field, m.representing?.name].filter(Boolean).join(', '),
    `${m.from ?? 'unknown'} – ${m.to ?? ''}${m.uncertain ? ' (?)' : ''}`,
    m.sources.map((s) => [s.document, s.item && `item ${s.item}`].filter(Boolean).join(' ')).join('; '),
  ]);
  const head = ['Role', 'Name', 'Title, organisation', 'Seat for', 'Sits from – to', 'Source'];
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const notes = roster.members.some((m) => m.uncertain) ? '\n(?) an imprecise date leaves open whether the person sat on that day' : '';
  return [header, '', line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + notes + '\n';
}

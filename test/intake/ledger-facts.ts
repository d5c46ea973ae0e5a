import { intakeDirectoryOf } from '../../src/intake/intake-directory';
import type { IntakeDirectory } from '../../src/intake/intake-result';
import type { Ledger } from '../../src/ledger';

/** What the product's intake resolves names against (the read models, as POST /intake/protocol uses them). */
export function ledgerDirectory(ledger: Ledger): IntakeDirectory {
  return intakeDirectoryOf(ledger);
}

/** One fact as a line of text, so two ledgers compare as two sorted lists. */
export type Fact = string;

/** The meeting on `date`: its date, place, registry number, chair, and each item's number, kind and title. */
export function meetingFacts(ledger: Ledger, ref: string): Fact[] {
  const m = ledger.meetings.detail(ref, null);
  if (!m) return [`${ref}: no meeting`];
  return [
    `${m.date} meeting: place ${m.place ?? '(none)'}`,
    `${m.date} meeting: registry number ${m.registryNumber ?? '(none)'}`,
    `${m.date} meeting: chair ${m.chair?.slug ?? '(none)'}`,
    ...m.items.map((i) => `${m.date} item ${i.number}: ${i.kind}: ${i.title}`),
    ...m.decisions.map((d) => `${m.date} decision ${d.item}: ${d.outcome}`),
  ];
}

/** Who attended: person, list, acting, party or capacity. */
export function attendanceFacts(ledger: Ledger, ref: string): Fact[] {
  const m = ledger.meetings.detail(ref, null);
  if (!m) return [];
  const entry = (list: string) => (a: (typeof m.attendance.present)[number]) =>
    `${m.date} ${list}: ${a.person.slug}${a.acting ? ' (tf.)' : ''} for ${a.party?.slug ?? a.capacity ?? '(nothing)'}`;
  return [...m.attendance.present.map(entry('present')), ...m.attendance.others.map(entry('other'))];
}

/** Every group's roster on `date`: member, role, whom they represent, field. */
export function rosterFacts(ledger: Ledger, date: string): Fact[] {
  return ledger.directory.listGroups(null).flatMap((group) =>
    ledger.rosters
      .roster(group, { at: date, knownAt: null })
      .members.map((m) => `${date} roster ${group.slug}: ${m.person.slug} as ${m.role}${m.representing ? ` for ${m.representing.slug}` : ''}${m.field ? ` (${m.field})` : ''}`),
  );
}

/** Facts one ledger has that the other lacks, each prefixed "missing" (only in the dataset) or "extra" (only in the import). */
export function differences(dataset: readonly Fact[], imported: readonly Fact[]): string[] {
  const inImport = new Set(imported);
  const inDataset = new Set(dataset);
  return [...dataset.filter((f) => !inImport.has(f)).map((f) => `missing: ${f}`), ...imported.filter((f) => !inDataset.has(f)).map((f) => `extra: ${f}`)].sort();
}

import Database from 'better-sqlite3';
import { Prng } from '../generator/prng';
import type { ImportedHistory } from '../measurements/measurement';

export interface RosterSample {
  readonly group: string;
  /** Valid time: a day within the generated history. */
  readonly at: string;
  /** Transaction time: now (null) half the time, otherwise a moment within the import. */
  readonly knownAt: string | null;
}

/** Roster questions an auditor might ask, the same for every run with the same seed. */
export function rosterSamples(dbPath: string, history: ImportedHistory, seed: number, count: number): RosterSample[] {
  const db = new Database(dbPath, { readonly: true });
  const groups = db.prepare<[], { slug: string; known_from: string }>('SELECT slug, known_from FROM rm_groups ORDER BY slug').all();
  db.close();
  const rng = new Prng(seed ^ 0x5eed);
  const firstDay = Date.parse(`${history.firstRecordedAt.slice(0, 4)}-01-01T00:00:00Z`);
  const lastDay = Date.parse(`${history.world.lastDay}T00:00:00Z`);
  const lastKnown = Date.parse(history.lastRecordedAt);
  return Array.from({ length: count }, () => {
    const group = rng.pick(groups);
    // A moment after the group became known: before it, the answer is a 404.
    const knownFrom = Date.parse(group.known_from);
    return {
      group: group.slug,
      at: new Date(firstDay + rng.next() * (lastDay - firstDay)).toISOString().slice(0, 10),
      knownAt: rng.chance(0.5) ? null : new Date(knownFrom + rng.next() * (lastKnown - knownFrom)).toISOString(),
    };
  });
}

export function rosterPath(sample: RosterSample): string {
  return `/groups/${sample.group}/roster?at=${sample.at}${sample.knownAt ? `&knownAt=${encodeURIComponent(sample.knownAt)}` : ''}`;
}

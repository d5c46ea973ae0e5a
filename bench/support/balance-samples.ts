import Database from 'better-sqlite3';
import { Prng } from '../generator/prng';
import type { ImportedHistory } from '../measurements/measurement';

export interface BalanceSample {
  readonly grant: string;
  /** Valid time: a day from the start of the grant's year to the end of the generated history. */
  readonly at: string;
  /** Transaction time: now (null) half the time, otherwise a moment after the grant became known. */
  readonly knownAt: string | null;
}

/**
 * Balance questions a controller or auditor might ask, the same for every run with the
 * same seed; none when the log holds no grant yet (a history too short to reach a meeting).
 */
export function balanceSamples(dbPath: string, history: ImportedHistory, seed: number, count: number): BalanceSample[] {
  const db = new Database(dbPath, { readonly: true });
  const grants = db.prepare<[], { slug: string; year: number; known_from: string }>('SELECT slug, year, known_from FROM rm_grants WHERE known_until IS NULL ORDER BY slug').all();
  db.close();
  if (grants.length === 0) return [];
  const rng = new Prng(seed ^ 0xba1a);
  const lastDay = Date.parse(`${history.world.lastDay}T00:00:00Z`);
  const lastKnown = Date.parse(history.lastRecordedAt);
  return Array.from({ length: count }, () => {
    const grant = rng.pick(grants);
    const yearStart = Date.parse(`${grant.year}-01-01T00:00:00Z`);
    // A moment after the grant became known: before it, the answer is a 404.
    const knownFrom = Date.parse(grant.known_from);
    return {
      grant: grant.slug,
      at: new Date(yearStart + rng.next() * Math.max(0, lastDay - yearStart)).toISOString().slice(0, 10),
      knownAt: rng.chance(0.5) ? null : new Date(knownFrom + rng.next() * (lastKnown - knownFrom)).toISOString(),
    };
  });
}

export function balancePath(sample: BalanceSample): string {
  return `/grants/${sample.grant}/balance?at=${sample.at}${sample.knownAt ? `&knownAt=${encodeURIComponent(sample.knownAt)}` : ''}`;
}

import type { Basis } from '../domain/basis';
import { earliestDay, END_OF_TIME, lastDayBefore, latestDay, UNKNOWN_DATE, type DatePrecision, type EffectiveDate } from '../domain/effective-date';
import type { SourceRef } from '../events/event-envelope';
import type { LedgerEvent } from '../events/ledger-event';
import { KNOWN_COLUMNS } from './projection';
import type { Row } from './versioned-rows';

/**
 * Shared shape of the bitemporal interval read models (memberships, chair terms): valid
 * time as [from, to] with the earliest and latest day each end can stand for, and
 * transaction time as [known_from, known_until). A change never overwrites a row: it
 * closes the row's known_until and inserts the next version.
 */
export const INTERVAL_COLUMNS = `
  from_date TEXT, from_precision TEXT NOT NULL, from_lo TEXT NOT NULL, from_hi TEXT NOT NULL,
  to_date TEXT, to_precision TEXT, to_lo TEXT NOT NULL, to_hi TEXT NOT NULL,
  events TEXT NOT NULL, sources TEXT NOT NULL, basis TEXT NOT NULL, attested TEXT NOT NULL,
  ${KNOWN_COLUMNS}`;

export interface IntervalRow {
  from_date: string | null;
  from_precision: string;
  to_date: string | null;
  to_precision: string | null;
  events: string;
  sources: string;
  basis: string;
  attested: string;
  known_from: string;
  known_until: string | null;
}

/** An interval as the projections fold it: valid time, and the events and sources behind it. */
export interface Interval {
  readonly from: EffectiveDate;
  readonly to: EffectiveDate | null;
  readonly events: readonly string[];
  readonly sources: readonly SourceRef[];
  /** Why the ledger holds the interval: the basis of the event that opened it. */
  readonly basis: Basis;
  /** Days a source shows it holding: the interval certainly covers them, whatever its imprecise ends say. */
  readonly attested: readonly string[];
}

/** The valid-time and evidence columns of an interval row, without transaction time (see versioned-rows.ts). */
export function intervalColumns({ from, to, events: eventIds, sources, basis, attested }: Interval) {
  const firstAttested = attested[0];
  const lastAttested = attested[attested.length - 1];
  const fromHi = latestDay(from);
  const toLo = to ? earliestDay(to) : END_OF_TIME;
  return {
    from_date: from.date,
    from_precision: from.precision,
    from_lo: earliestDay(from),
    // An attested day bounds an imprecise start or end: whatever "2025" or "unknown" may mean, it held then.
    from_hi: firstAttested !== undefined && firstAttested < fromHi ? firstAttested : fromHi,
    to_date: to?.date ?? null,
    to_precision: to?.precision ?? null,
    to_lo: lastAttested !== undefined && lastAttested > toLo ? lastAttested : toLo,
    to_hi: to ? latestDay(to) : END_OF_TIME,
    events: JSON.stringify(eventIds),
    sources: JSON.stringify(sources),
    basis: JSON.stringify(basis),
    attested: JSON.stringify(attested),
  };
}

/** The interval a stored row holds: the inverse of `intervalColumns` (lo/hi follow from date and precision). */
export function intervalOf(row: Row): Interval {
  const r = row as unknown as IntervalRow;
  return {
    from: { date: r.from_date, precision: r.from_precision as DatePrecision },
    to: r.to_precision === null ? null : { date: r.to_date, precision: r.to_precision as DatePrecision },
    events: JSON.parse(r.events) as string[],
    sources: JSON.parse(r.sources) as SourceRef[],
    basis: JSON.parse(r.basis) as Basis,
    attested: JSON.parse(r.attested) as string[],
  };
}

export function sourcesWith(existing: readonly SourceRef[], event: Pick<LedgerEvent, 'metadata'>): SourceRef[] {
  const source = event.metadata.source;
  if (!source) return [...existing];
  const key = JSON.stringify(source);
  return existing.some((s) => JSON.stringify(s) === key) ? [...existing] : [...existing, source];
}

export const effectiveFromOf = (event: Pick<LedgerEvent, 'metadata'>): EffectiveDate => event.metadata.effectiveFrom ?? UNKNOWN_DATE;

/** The end of an interval that a change on the event's effective date closes. */
export const endBy = (event: Pick<LedgerEvent, 'metadata'>): EffectiveDate => lastDayBefore(effectiveFromOf(event));

import type Database from 'better-sqlite3';
import { earliestDay, END_OF_TIME, lastDayBefore, latestDay, UNKNOWN_DATE, type EffectiveDate } from '../domain/effective-date';
import type { SourceRef } from '../events/event-envelope';
import type { LedgerEvent } from '../events/ledger-event';
import { KNOWN_COLUMNS, statement } from './projection';

/**
 * Shared shape of the bitemporal interval read models (memberships, chair terms): valid
 * time as [from, to] with the earliest and latest day each end can stand for, and
 * transaction time as [known_from, known_until). A change never overwrites a row: it
 * closes the row's known_until and inserts the next version.
 */
export const INTERVAL_COLUMNS = `
  from_date TEXT, from_precision TEXT NOT NULL, from_lo TEXT NOT NULL, from_hi TEXT NOT NULL,
  to_date TEXT, to_precision TEXT, to_lo TEXT NOT NULL, to_hi TEXT NOT NULL,
  events TEXT NOT NULL, sources TEXT NOT NULL,
  ${KNOWN_COLUMNS}`;

export interface IntervalRow {
  from_date: string | null;
  from_precision: string;
  to_date: string | null;
  to_precision: string | null;
  events: string;
  sources: string;
  known_from: string;
  known_until: string | null;
}

export function intervalValues(from: EffectiveDate, to: EffectiveDate | null, eventIds: readonly string[], sources: readonly SourceRef[], event: LedgerEvent) {
  return {
    from_date: from.date,
    from_precision: from.precision,
    from_lo: earliestDay(from),
    from_hi: latestDay(from),
    to_date: to?.date ?? null,
    to_precision: to?.precision ?? null,
    to_lo: to ? earliestDay(to) : END_OF_TIME,
    to_hi: to ? latestDay(to) : END_OF_TIME,
    events: JSON.stringify(eventIds),
    sources: JSON.stringify(sources),
    known_from: event.metadata.recordedAt,
    known_until: null,
    known_from_position: event.position,
  };
}

/** The valid-time and evidence columns of an interval row, without transaction time (see versioned-rows.ts). */
export function intervalColumns(from: EffectiveDate, to: EffectiveDate | null, eventIds: readonly string[], sources: readonly SourceRef[]) {
  return {
    from_date: from.date,
    from_precision: from.precision,
    from_lo: earliestDay(from),
    from_hi: latestDay(from),
    to_date: to?.date ?? null,
    to_precision: to?.precision ?? null,
    to_lo: to ? earliestDay(to) : END_OF_TIME,
    to_hi: to ? latestDay(to) : END_OF_TIME,
    events: JSON.stringify(eventIds),
    sources: JSON.stringify(sources),
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

/**
 * Closes the current version of the row `idColumn = id` in `table` and inserts its
 * successor with a new end, the event appended to its evidence.
 */
export function closeInterval(db: Database.Database, table: string, idColumn: string, id: string, event: LedgerEvent, columns: readonly string[]): void {
  const current = statement(db, `SELECT * FROM ${table} WHERE ${idColumn} = ? AND known_until IS NULL`).get(id) as (IntervalRow & Record<string, unknown>) | undefined;
  if (!current) return;
  statement(db, `UPDATE ${table} SET known_until = ? WHERE ${idColumn} = ? AND known_until IS NULL`).run(event.metadata.recordedAt, id);
  const from: EffectiveDate = { date: current.from_date, precision: current.from_precision as EffectiveDate['precision'] };
  const next = {
    ...Object.fromEntries(columns.map((c) => [c, current[c]])),
    ...intervalValues(from, endBy(event), [...(JSON.parse(current.events) as string[]), event.id], sourcesWith(JSON.parse(current.sources) as SourceRef[], event), event),
  };
  insertRow(db, table, next);
}

export function insertRow(db: Database.Database, table: string, row: Record<string, unknown>): void {
  const keys = Object.keys(row);
  statement(db, `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`).run(row);
}

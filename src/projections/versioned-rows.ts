import type Database from 'better-sqlite3';
import type { LedgerEvent } from '../events/ledger-event';
import { statement, statementFor } from './projection';

export type Row = Record<string, string | number | null>;

/**
 * Makes the rows believed now for one scope equal `desired`, in transaction time: a row that
 * changed or vanished gets `known_until` = the event's recordedAt (it is never deleted), a
 * changed or new row is inserted with `known_from` = recordedAt. Unchanged rows stay as they
 * are, so a `knownAt` query sees each version exactly while it was believed.
 */
export function syncVersionedRows(db: Database.Database, table: string, scope: { column: string; value: string }, key: readonly string[], desired: readonly Row[], event: LedgerEvent): void {
  const current = statementFor(db, ['scope-rows', table, scope.column], () => `SELECT rowid AS _rowid, * FROM ${table} WHERE ${scope.column} = ? AND known_until IS NULL`).all(scope.value) as CurrentRow[];
  syncCurrentRows(db, table, current, key, desired, event);
}

/**
 * The same for a part of a scope: makes `current` (rows believed now, as read by the caller)
 * equal `desired`, for a projection that knows which rows an event can touch and reads only those.
 */
export function syncCurrentRows(db: Database.Database, table: string, current: readonly CurrentRow[], key: readonly string[], desired: readonly Row[], event: LedgerEvent): void {
  const keyOf = (row: Row) => JSON.stringify(key.map((c) => row[c] ?? null));
  const wanted = new Map(desired.map((r) => [keyOf(r), r]));
  const kept = new Set<string>();
  for (const row of current) {
    const k = keyOf(row);
    const next = wanted.get(k);
    if (next && sameValues(row, next)) {
      kept.add(k);
      continue;
    }
    closeVersion(db, table, row._rowid, event);
  }
  for (const [k, row] of wanted) if (!kept.has(k)) insertVersion(db, table, row, event);
}

/**
 * The same for the rows of some keys of a scope (one key column): the rows believed now with
 * those keys are read and made equal to the desired rows with those keys; the scope's other
 * rows are not read. For a projection that knows which keys an event changed.
 */
export function syncKeyedRows(db: Database.Database, table: string, scope: { column: string; value: string }, key: string, keys: ReadonlySet<string>, desired: readonly Row[], event: LedgerEvent): void {
  if (keys.size === 0) return;
  const read = statementFor(db, ['keyed-rows', table, scope.column, key], () => `SELECT rowid AS _rowid, * FROM ${table} WHERE ${scope.column} = ? AND ${key} = ? AND known_until IS NULL`);
  const current = [...keys].flatMap((k) => read.all(scope.value, k) as CurrentRow[]);
  syncCurrentRows(db, table, current, [key], desired.filter((r) => keys.has(r[key] as string)), event);
}

/** A row believed now, with its rowid. */
export type CurrentRow = Row & { readonly _rowid: number };

/** True when `row` already holds every value of `next` (transaction-time columns aside). */
export function sameValues(row: Row, next: Row): boolean {
  return Object.keys(next).every((c) => (row[c] ?? null) === (next[c] ?? null));
}

/** Stops believing a row from the event on: its `known_until` is the event's recordedAt. */
export function closeVersion(db: Database.Database, table: string, rowid: number, event: LedgerEvent): void {
  statementFor(db, ['close', table], () => `UPDATE ${table} SET known_until = ? WHERE rowid = ?`).run(event.metadata.recordedAt, rowid);
}

/**
 * A new version of a row, believed from the event on. The statement is found by the table
 * and the row's columns and bound by position: building its SQL, looking it up by that text
 * and binding by name for every row was two thirds of the call (8.3 → 2.6 µs a row in a
 * bare table; the largest single cost of a rebuild, bench/README.md). A value left
 * undefined is refused as before, by the statement bound by name.
 */
export function insertVersion(db: Database.Database, table: string, row: Row, event: LedgerEvent): void {
  const columns = Object.keys(row);
  const values: (string | number | null)[] = [];
  for (const column of columns) {
    const value = row[column];
    if (value === undefined) return insertVersionByName(db, table, row, event);
    values.push(value);
  }
  values.push(event.metadata.recordedAt, null, event.position);
  statementFor(db, ['insert', table, columns.join(',')], () => {
    const all = [...columns, 'known_from', 'known_until', 'known_from_position'];
    return `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`;
  }).run(values);
}

function insertVersionByName(db: Database.Database, table: string, row: Row, event: LedgerEvent): void {
  const full: Row = { ...row, known_from: event.metadata.recordedAt, known_until: null, known_from_position: event.position };
  const columns = Object.keys(full);
  statement(db, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(full);
}

export const json = (value: unknown): string => JSON.stringify(value);

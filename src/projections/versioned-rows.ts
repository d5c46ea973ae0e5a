import type Database from 'better-sqlite3';
import type { LedgerEvent } from '../events/ledger-event';
import { statement } from './projection';

export type Row = Record<string, string | number | null>;

/**
 * Makes the rows believed now for one scope equal `desired`, in transaction time: a row that
 * changed or vanished gets `known_until` = the event's recordedAt (it is never deleted), a
 * changed or new row is inserted with `known_from` = recordedAt. Unchanged rows stay as they
 * are, so a `knownAt` query sees each version exactly while it was believed.
 */
export function syncVersionedRows(db: Database.Database, table: string, scope: { column: string; value: string }, key: readonly string[], desired: readonly Row[], event: LedgerEvent): void {
  const keyOf = (row: Row) => JSON.stringify(key.map((c) => row[c] ?? null));
  const current = statement(db, `SELECT rowid AS _rowid, * FROM ${table} WHERE ${scope.column} = ? AND known_until IS NULL`).all(scope.value) as (Row & { _rowid: number })[];
  const wanted = new Map(desired.map((r) => [keyOf(r), r]));
  const close = statement(db, `UPDATE ${table} SET known_until = ? WHERE rowid = ?`);
  const kept = new Set<string>();
  for (const row of current) {
    const k = keyOf(row);
    const next = wanted.get(k);
    if (next && Object.keys(next).every((c) => (row[c] ?? null) === (next[c] ?? null))) {
      kept.add(k);
      continue;
    }
    close.run(event.metadata.recordedAt, row._rowid);
  }
  for (const [k, row] of wanted) {
    if (kept.has(k)) continue;
    const full: Row = { ...row, known_from: event.metadata.recordedAt, known_until: null, known_from_position: event.position };
    const columns = Object.keys(full);
    statement(db, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(full);
  }
}

export const json = (value: unknown): string => JSON.stringify(value);

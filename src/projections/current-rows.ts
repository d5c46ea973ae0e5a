import type Database from 'better-sqlite3';
import type { LedgerEvent } from '../events/ledger-event';
import { statementFor } from './projection';
import { closeVersion, insertVersion, sameValues, type CurrentRow, type Row } from './versioned-rows';

/**
 * The few entities one appended event touches (a seat, a chair term), read from their rows
 * believed now and written back as new versions. An interval projection folds an appended
 * event into these with the same `evolve` its full refold uses, so an append costs the
 * rows it touches, not the history of its scope; only a correction refolds the scope
 * (test/projections/incremental-equals-refold.spec.ts checks both give the same rows).
 */
export class CurrentRows<T> {
  private readonly touched = new Map<string, T>();
  /** The rows `get` read: what `save` compares with and closes. */
  private readonly before = new Map<string, CurrentRow>();

  constructor(
    private readonly db: Database.Database,
    private readonly table: string,
    private readonly idColumn: string,
    private readonly fromRow: (row: Row) => T,
  ) {}

  get(id: string): T | undefined {
    const touched = this.touched.get(id);
    if (touched !== undefined) return touched;
    const row = statementFor(this.db, ['current-row', this.table, this.idColumn], () => `SELECT rowid AS _rowid, * FROM ${this.table} WHERE ${this.idColumn} = ? AND known_until IS NULL`).get(id) as CurrentRow | undefined;
    if (!row) return undefined;
    this.before.set(id, row);
    return this.fromRow(row);
  }

  set(id: string, value: T): void {
    this.touched.set(id, value);
  }

  /**
   * Closes each touched row that changed and inserts its next version, known from the event
   * on. An entity `set` without a `get` is new: its id is the id of the event that opens it.
   */
  save(toRow: (value: T) => Row, event: LedgerEvent): void {
    for (const [id, value] of this.touched) {
      const row = toRow(value);
      const before = this.before.get(id);
      if (before && sameValues(before, row)) continue;
      if (before) closeVersion(this.db, this.table, before._rowid, event);
      insertVersion(this.db, this.table, row, event);
    }
  }
}

/** What an `evolve` over a scope's entities needs: a Map while refolding, `CurrentRows` while appending. */
export interface Entities<T> {
  get(id: string): T | undefined;
  set(id: string, value: T): unknown;
}

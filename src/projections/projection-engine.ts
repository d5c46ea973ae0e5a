import type Database from 'better-sqlite3';
import type { StoredEvent } from '../events/event-envelope';
import { busyError } from '../event-store/sqlite/sqlite-errors';
import { asLedgerEvent } from '../events/ledger-event';
import { statement, type Projection } from './projection';
import { buildAndSwap, type RebuildProgress, type RebuiltModel, type ReadPage } from './shadow-rebuild';

/** Reads a page of the log (upcast) synchronously, from inside a better-sqlite3 transaction. */
export type ReadPageSync = (after: number, limit: number) => StoredEvent[];

const PAGE_SIZE = 10_000;

interface ProjectionRow {
  name: string;
  version: number;
  position: number;
}

/**
 * Feeds the projections and keeps each one's position (the checkpoint) in the same
 * database, updated in the same transaction as the rows it describes.
 */
export class ProjectionEngine {
  private readonly positions = new Map<string, number>();
  /** Projections whose tables are missing or of another version: built by `buildPending`, fed nothing until then. */
  private readonly pending = new Set<string>();
  /** Projections with no checkpoint, or whose tables are gone (new, dropped or lost): built from the log like a version change. */
  readonly damaged: string[] = [];

  constructor(
    readonly db: Database.Database,
    readonly projections: readonly Projection[],
    /** Set when the log is this SQLite file, read with the default upcasters: a rebuild may then use a second thread (shadow-rebuild.ts). */
    private readonly rebuildHelper: { readonly logFile: string } | null = null,
  ) {}

  /**
   * Creates the checkpoint table and the tables of every projection whose version matches.
   * A projection that is new or whose version changed is left pending: its old tables (if
   * any) keep answering until `buildPending` has built the new ones beside them and swapped
   * them in. Returns the names whose version changed.
   */
  prepare(): string[] {
    this.db.exec('CREATE TABLE IF NOT EXISTS projection_checkpoints (name TEXT PRIMARY KEY, version INTEGER NOT NULL, position INTEGER NOT NULL)');
    const rows = new Map(
      this.db
        .prepare<[], ProjectionRow>('SELECT name, version, position FROM projection_checkpoints')
        .all()
        .map((r) => [r.name, r]),
    );
    const changed: string[] = [];
    const tables = new Set(this.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((t) => t.name));
    this.db.transaction(() => {
      for (const p of this.projections) {
        const row = rows.get(p.name);
        const intact = p.tables.every((t) => tables.has(t));
        if (row && row.version === p.version && intact) {
          this.positions.set(p.name, row.position);
          p.setup(this.db);
          continue;
        }
        if (row && row.version !== p.version) changed.push(p.name);
        if (!row || row.version === p.version) this.damaged.push(p.name);
        this.pending.add(p.name);
      }
    })();
    return changed;
  }

  /** Builds the pending projections from the log beside the old tables, then swaps them in (see shadow-rebuild.ts). */
  async buildPending(readPage: ReadPage, head: number, onProgress?: RebuildProgress): Promise<RebuiltModel[]> {
    const pending = this.projections.filter((p) => this.pending.has(p.name));
    if (pending.length === 0) return [];
    if (head === 0) {
      // An empty log: nothing to build, nothing half-built to hide.
      this.db.transaction(() => {
        for (const p of pending) {
          for (const table of p.tables) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
          p.setup(this.db);
          this.markBuilt(p.name, p.version, 0);
        }
      })();
      return [];
    }
    return buildAndSwap(this.db, pending, readPage, { head, compareWith: new Set(), onProgress, onSwap: (name, version, position) => this.markBuilt(name, version, position), helper: this.rebuildHelper });
  }

  /**
   * Rebuilds every read model from the log (build beside, then swap) and compares each
   * rebuilt table with the one it replaces: equal hashes prove the rebuild changed nothing,
   * otherwise the differing rows are listed. Call with the read models caught up.
   */
  async rebuildAll(readPage: ReadPage, head: number, onProgress?: RebuildProgress): Promise<RebuiltModel[]> {
    const current = new Set(this.projections.filter((p) => !this.pending.has(p.name)).map((p) => p.name));
    return buildAndSwap(this.db, this.projections, readPage, { head, compareWith: current, onProgress, onSwap: (name, version, position) => this.markBuilt(name, version, position), helper: this.rebuildHelper });
  }

  private markBuilt(name: string, version: number, position: number): void {
    this.db.prepare('INSERT OR REPLACE INTO projection_checkpoints (name, version, position) VALUES (?, ?, ?)').run(name, version, position);
    this.positions.set(name, position);
    this.pending.delete(name);
  }

  /** The position every projection has reached. */
  position(): number {
    const built = this.projections.filter((p) => !this.pending.has(p.name));
    return built.length === 0 ? 0 : Math.min(...built.map((p) => this.positions.get(p.name) ?? 0));
  }

  /**
   * The inline projector of an append: call inside the append's write transaction, which
   * holds SQLite's write lock. Another process may have appended (and projected) since this
   * one last looked, so the positions are read again from the checkpoints first, and any
   * event between a checkpoint and the new ones is read from the log and applied before
   * them: the read models are caught up to the log head in the same transaction, never
   * applied twice (issue 16: a stale position applied another process's events again and
   * hit `UNIQUE constraint failed: rm_persons.slug`).
   */
  applyAppended(events: readonly StoredEvent[], readPage: ReadPageSync): void {
    if (events.length === 0) return;
    this.reloadPositions();
    const first = events[0]!.position;
    for (let after = this.position(); after < first - 1; ) {
      const page = readPage(after, Math.min(PAGE_SIZE, first - 1 - after));
      if (page.length === 0) break;
      this.apply(page);
      after = page.at(-1)!.position;
    }
    this.apply(events);
  }

  /** Applies events; call inside a transaction (the append's, or `applyInTransaction`). */
  apply(events: readonly StoredEvent[]): void {
    if (events.length === 0) return;
    const save = statement(this.db, 'UPDATE projection_checkpoints SET position = ? WHERE name = ?');
    for (const p of this.projections) {
      if (this.pending.has(p.name)) continue;
      let position = this.positions.get(p.name) ?? 0;
      for (const event of events) {
        if (event.position <= position) continue;
        p.apply(this.db, asLedgerEvent(event));
        position = event.position;
      }
      save.run(position, p.name);
      this.positions.set(p.name, position);
    }
  }

  /**
   * Applies events read outside a transaction (a catch-up page, a subscription). The write
   * lock is taken first (IMMEDIATE) and the positions read again under it, so events another
   * process projected meanwhile are skipped, not applied twice.
   */
  applyInTransaction(events: readonly StoredEvent[]): void {
    const before = new Map(this.positions);
    try {
      this.db
        .transaction(() => {
          this.reloadPositions();
          this.apply(events);
        })
        .immediate();
    } catch (error) {
      // The transaction rolled back; so must the cached positions. A busy file is the ledger's StoreBusy, not a raw SQLite error.
      for (const [k, v] of before) this.positions.set(k, v);
      this.forget();
      throw busyError(error);
    }
  }

  /**
   * Brings every projection up to the head of the log, a page at a time, one transaction
   * per page. Pages of 10 000 events: a full rebuild spends most of its time committing
   * (bench/README.md), and ten times fewer commits made it about 1.5x faster for ~80 MB more RSS.
   */
  async catchUp(readPage: (after: number, limit: number) => Promise<StoredEvent[]>, pageSize = 10_000): Promise<number> {
    if (this.pending.size > 0) throw new Error(`catchUp needs buildPending first: ${[...this.pending].join(', ')} are not built`);
    let applied = 0;
    for (;;) {
      const page = await readPage(this.position(), pageSize);
      if (page.length === 0) return applied;
      this.applyInTransaction(page);
      applied += page.length;
    }
  }

  /** After a rolled-back append that applied events: the positions as committed, and nothing a projection held from the rolled-back events. */
  rolledBack(): void {
    this.forget();
    this.reloadPositions();
  }

  private forget(): void {
    for (const p of this.projections) p.forget?.();
  }

  /**
   * Reads the positions from the checkpoints: after a rolled-back transaction that included
   * `apply`, and before applying, since another process may have moved them on. A checkpoint
   * of another version (a pending projection, or one another process rebuilt) is not this
   * code's position.
   */
  reloadPositions(): void {
    const versions = new Map(this.projections.map((p) => [p.name, p.version]));
    for (const row of statement(this.db, 'SELECT name, version, position FROM projection_checkpoints').all() as ProjectionRow[]) {
      if (versions.get(row.name) === row.version) this.positions.set(row.name, row.position);
    }
  }
}

import type Database from 'better-sqlite3';
import type { StoredEvent } from '../events/event-envelope';
import { asLedgerEvent } from '../events/ledger-event';
import { statement, type Projection } from './projection';
import { buildAndSwap, type RebuildProgress, type RebuiltModel, type ReadPage } from './shadow-rebuild';

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
    return buildAndSwap(this.db, pending, readPage, { head, compareWith: new Set(), onProgress, onSwap: (name, version, position) => this.markBuilt(name, version, position) });
  }

  /**
   * Rebuilds every read model from the log (build beside, then swap) and compares each
   * rebuilt table with the one it replaces: equal hashes prove the rebuild changed nothing,
   * otherwise the differing rows are listed. Call with the read models caught up.
   */
  async rebuildAll(readPage: ReadPage, head: number, onProgress?: RebuildProgress): Promise<RebuiltModel[]> {
    const current = new Set(this.projections.filter((p) => !this.pending.has(p.name)).map((p) => p.name));
    return buildAndSwap(this.db, this.projections, readPage, { head, compareWith: current, onProgress, onSwap: (name, version, position) => this.markBuilt(name, version, position) });
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

  applyInTransaction(events: readonly StoredEvent[]): void {
    const before = new Map(this.positions);
    try {
      this.db.transaction(() => this.apply(events))();
    } catch (error) {
      // The transaction rolled back; so must the cached positions.
      for (const [k, v] of before) this.positions.set(k, v);
      throw error;
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

  /** Forgets cached positions after a transaction that included `apply` was rolled back. */
  reloadPositions(): void {
    for (const row of this.db.prepare<[], ProjectionRow>('SELECT name, version, position FROM projection_checkpoints').all()) {
      this.positions.set(row.name, row.position);
    }
  }
}

import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { StoredEvent } from '../events/event-envelope';
import { asLedgerEvent } from '../events/ledger-event';
import { buildInHelper, splitForHelper } from './parallel-shadow-build';
import type { Projection } from './projection';
import { fingerprintTable, rowsOnlyIn, type TableFingerprint } from './read-model-fingerprint';

/** Events per read and per shadow transaction, and the shadow's page cache: bounded, so a rebuild's memory stays flat in the log's size. */
const SHADOW_PAGE = 5000;
const SHADOW_CACHE_KB = 64 * 1024;

export type ReadPage = (after: number, limit: number) => Promise<StoredEvent[]>;

/** Called after each page: the position reached and the head of the log when the build began. */
export type RebuildProgress = (position: number, head: number) => void;

export interface TableComparison {
  readonly table: string;
  /** The table as it was before the swap; null when there was no comparable one (new, or another version). */
  readonly before: { readonly rows: number; readonly hash: string } | null;
  /** The rebuilt table; its hash only when there was a table to compare it with (hashing costs a tenth of a rebuild). */
  readonly after: { readonly rows: number; readonly hash: string | null };
  readonly equal: boolean;
  /** Rows (canonical JSON) that were there and are not in the rebuilt table, and the reverse. */
  readonly onlyBefore: readonly string[];
  readonly onlyAfter: readonly string[];
}

export interface RebuiltModel {
  readonly name: string;
  readonly version: number;
  readonly position: number;
  readonly tables: readonly TableComparison[];
  /** True when every table was there in the same version and came out the same. */
  readonly equal: boolean;
}

/**
 * Builds read models from the log into a separate database file ("shadow"), while the old
 * tables keep answering; then swaps them in with one transaction: drop the old tables,
 * create the new ones, copy the rows over, set the checkpoint. A reader on another
 * connection sees either the old model or the whole new one, never a half-built one.
 *
 * `compareWith` lists the projections whose current tables hold the same version, so their
 * rows can be compared with the rebuilt ones (the proof that a rebuild changes nothing).
 * `helper` (the ledger's SQLite file) lets a second thread build part of the read models
 * into a shadow of its own at the same time (`parallel-shadow-build.ts`); both stop at `head`,
 * and the swap takes each table from the shadow that built it.
 */
export async function buildAndSwap(
  db: Database.Database,
  projections: readonly Projection[],
  readPage: ReadPage,
  options: {
    head: number;
    compareWith: ReadonlySet<string>;
    onProgress?: RebuildProgress;
    onSwap: (name: string, version: number, position: number) => void;
    helper?: { readonly logFile: string } | null;
  },
): Promise<RebuiltModel[]> {
  if (projections.length === 0) return [];
  const dir = db.memory ? tmpdir() : dirname(db.name);
  const newPath = () => join(dir, `.${process.pid}-${Math.random().toString(36).slice(2)}.read-model-build.db`);
  const split = splitForHelper(projections, options.helper ?? null);
  const parts = (split ? [split.here, split.helper] : [projections]).map((ps) => ({ projections: ps, path: newPath(), position: 0 }));
  const cleanup = () => parts.forEach(({ path }) => ['', '-journal', '-wal', '-shm'].forEach((suffix) => rmSync(path + suffix, { force: true })));
  const progress = () => options.onProgress?.(Math.min(...parts.map((p) => p.position)), options.head);
  try {
    const [here, away] = parts;
    const helper = away ? buildInHelper({ logFile: options.helper!.logFile, shadowPath: away.path, projections: away.projections.map((p) => p.name), head: options.head }, (position) => ((away.position = position), progress())) : null;
    try {
      const builds = [buildShadow(here!.path, here!.projections, readPage, options.head, (position) => ((here!.position = position), progress())), ...(helper ? [helper.done] : [])];
      const settled = await Promise.allSettled(builds);
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      settled.forEach((r, i) => (parts[i]!.position = (r as PromiseFulfilledResult<number>).value));
    } finally {
      await helper?.stop();
    }

    parts.forEach((part, i) => db.prepare(`ATTACH DATABASE ? AS shadow${i}`).run(part.path));
    try {
      const order = (m: RebuiltModel) => projections.findIndex((p) => p.name === m.name);
      return db.transaction(() =>
        parts.flatMap((part, i) =>
          part.projections.map((p) => {
            const shadow = `shadow${i}`;
            const tables = p.tables.map((table) => compare(db, shadow, table, options.compareWith.has(p.name)));
            for (const table of p.tables) db.exec(`DROP TABLE IF EXISTS main.${table}`);
            p.setup(db);
            copyRows(db, shadow, p.tables);
            options.onSwap(p.name, p.version, part.position);
            return { name: p.name, version: p.version, position: part.position, tables, equal: tables.every((t) => t.equal) };
          }),
        ),
      ).immediate().sort((a, b) => order(a) - order(b));
    } finally {
      parts.forEach((_, i) => db.exec(`DETACH DATABASE shadow${i}`));
    }
  } finally {
    cleanup();
  }
}

/**
 * Builds `projections` from the log up to `head` into a new file at `path`, a page of events
 * per transaction; returns the position reached (the head, unless the log holds fewer).
 */
export async function buildShadow(path: string, projections: readonly Projection[], readPage: ReadPage, head: number, onPage?: (position: number) => void): Promise<number> {
  let position = 0;
  const shadow = new Database(path);
  try {
    // A shadow is thrown away if anything fails, so it needs no journal, no fsync and no
    // lock for others; a bounded page cache (64 MB) lets a page of events dirty each hot
    // index page once, not once per spill.
    shadow.pragma('page_size = 16384');
    withoutJournal(shadow);
    shadow.pragma('synchronous = OFF');
    shadow.pragma('locking_mode = EXCLUSIVE');
    shadow.pragma(`cache_size = -${SHADOW_CACHE_KB}`);
    for (const p of projections) p.setup(shadow);
    while (position < head) {
      const page = (await readPage(position, Math.min(SHADOW_PAGE, head - position))).filter((e) => e.position <= head);
      if (page.length === 0) break;
      shadow.transaction(() => {
        for (const event of page) for (const p of projections) p.apply(shadow, asLedgerEvent(event));
      })();
      position = page.at(-1)!.position;
      onPage?.(position);
    }
    return position;
  } finally {
    shadow.close();
  }
}

/**
 * `journal_mode = OFF`. better-sqlite3 opens every connection with SQLite's defensive flag,
 * under which that pragma is refused without an error (the mode stays DELETE, and every page
 * transaction wrote the old content of each page it changed to a rollback journal first:
 * 65 MB per transaction per shadow at 10^6 events). Lifted for that one statement only.
 * Safe here because a shadow is never rolled back: an error ends the build and the file is
 * thrown away.
 */
export function withoutJournal(shadow: Database.Database): void {
  shadow.unsafeMode(true);
  try {
    const mode = shadow.pragma('journal_mode = OFF', { simple: true }) as string;
    if (mode !== 'off') throw new Error(`a read-model shadow must run without a journal, and SQLite kept journal_mode = ${mode}`);
  } finally {
    shadow.unsafeMode(false);
  }
}

/**
 * Copies the shadow's rows into the fresh tables with their indexes dropped, then builds the
 * indexes again (the same SQL): SQLite builds an index from sorted keys much faster than it
 * inserts keys out of order one row at a time.
 */
function copyRows(db: Database.Database, shadow: string, tables: readonly string[]): void {
  const indexes = tables.flatMap((table) =>
    db.prepare<[string], { name: string; sql: string }>("SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table),
  );
  for (const index of indexes) db.exec(`DROP INDEX main.${index.name}`);
  for (const table of tables) db.exec(`INSERT INTO main.${table} SELECT * FROM ${shadow}.${table}`);
  for (const index of indexes) db.exec(index.sql);
}

function compare(db: Database.Database, shadow: string, table: string, comparable: boolean): TableComparison {
  if (!comparable) {
    const rows = (db.prepare(`SELECT COUNT(*) AS n FROM ${shadow}.${table}`).get() as { n: number }).n;
    return { table, before: null, after: { rows, hash: null }, equal: false, onlyBefore: [], onlyAfter: [] };
  }
  const after = fingerprintTable(db, `${shadow}.${table}`);
  const before = fingerprintTable(db, `main.${table}`);
  const summary = (f: TableFingerprint) => ({ rows: f.rows, hash: f.hash });
  return {
    table,
    before: summary(before),
    after: summary(after),
    equal: before.hash === after.hash,
    onlyBefore: rowsOnlyIn(before.lines, after.lines),
    onlyAfter: rowsOnlyIn(after.lines, before.lines),
  };
}

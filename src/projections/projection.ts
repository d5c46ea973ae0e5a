import type Database from 'better-sqlite3';
import type { LedgerEvent } from '../events/ledger-event';

/**
 * A read model answering one question. It owns its tables, is fed every event in log
 * order exactly once (the engine keeps its position), and can be dropped and rebuilt from
 * the log at any time. Every timestamp it stores comes from an event, never from a clock.
 */
export interface Projection {
  readonly name: string;
  /** Bump when the logic or tables change: the engine then rebuilds it from the log. */
  readonly version: number;
  readonly tables: readonly string[];
  setup(db: Database.Database): void;
  apply(db: Database.Database, event: LedgerEvent): void;
  /** Drops what it holds in memory between events (a transaction that applied events rolled back). */
  forget?(): void;
}

/** Transaction-time columns shared by the versioned read models. */
export const KNOWN_COLUMNS = `
  known_from TEXT NOT NULL,
  known_until TEXT,
  known_from_position INTEGER NOT NULL`;

/** Rows believed at transaction time `knownAt` (an ISO timestamp). */
export const KNOWN_AT = `known_from <= @knownAt AND (known_until IS NULL OR known_until > @knownAt)`;

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per connection: projections run once per event, rebuilds included. */
export function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}

type KeyTree = Map<string, KeyTree | Database.Statement>;
const byKeys = new WeakMap<Database.Database, KeyTree>();

/**
 * The same for SQL built from a few names (a table, a column): found by those names, which
 * are constants, instead of by the SQL text built again for every call. Building and
 * looking up that text took as long as running the statement (about 260 ns against 240 on
 * a small table, bench/README.md), and the read models call these for every event.
 */
export function statementFor(db: Database.Database, keys: readonly string[], sql: () => string): Database.Statement {
  let level = byKeys.get(db);
  if (!level) byKeys.set(db, (level = new Map()));
  for (let i = 0; i < keys.length - 1; i++) {
    let next = level.get(keys[i]!) as KeyTree | undefined;
    if (!next) level.set(keys[i]!, (next = new Map()));
    level = next;
  }
  const last = keys[keys.length - 1]!;
  let prepared = level.get(last) as Database.Statement | undefined;
  if (!prepared) level.set(last, (prepared = statement(db, sql())));
  return prepared;
}

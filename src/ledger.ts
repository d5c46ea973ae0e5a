import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SessionStore } from './access/session-store';
import { TokenStore } from './access/token-store';
import { backfillNote, LedgerAudit } from './audit/ledger-audit';
import { LedgerWriter } from './commands/ledger-writer';
import type { LedgerConfig } from './config/ledger-config';
import { systemClock, type Clock, type EventStore, type Subscription } from './event-store/event-store.port';
import type { ChainBackfill } from './event-store/sqlite/sqlite-event-chain';
import { SqliteEventStore } from './event-store/sqlite/sqlite-event-store';
import { UpcastingEventStore } from './event-store/upcasting-event-store';
import { LEDGER_UPCASTERS, UpcasterRegistry } from './events/upcasters';
import { ALL_PROJECTIONS } from './projections/all-projections';
import type { Projection } from './projections/projection';
import { ProjectionEngine } from './projections/projection-engine';
import type { RebuildProgress, RebuiltModel } from './projections/shadow-rebuild';
import { DirectoryReader } from './queries/directory.reader';
import { GroupHistoryReader } from './queries/group-history.reader';
import { SearchReader } from './queries/search.reader';
import { GroupRosterReader } from './queries/group-roster.reader';
import { PersonHistoryReader } from './queries/person-history.reader';
import { DecisionListReader } from './queries/decision-list.reader';
import { EventLocatorReader } from './queries/event-locator.reader';
import { MeetingReader } from './queries/meeting.reader';
import { PersonProfileReader } from './queries/person-profile.reader';
import { popoloExport } from './queries/popolo-export';

/**
 * The composition root: the one place that wires a store, the read models and the
 * writer together. The NestJS app, the CLI and the tests all open the ledger through it.
 */
export interface Ledger {
  readonly store: EventStore;
  readonly engine: ProjectionEngine;
  readonly writer: LedgerWriter;
  readonly directory: DirectoryReader;
  readonly rosters: GroupRosterReader;
  /** Every seat and chair term of a group, and the changes (web group page, GET /groups/:group/history). */
  readonly groupHistory: GroupHistoryReader;
  /** People, groups, meetings and decision texts by name, diacritic-insensitive. */
  readonly search: SearchReader;
  readonly people: PersonHistoryReader;
  readonly meetings: MeetingReader;
  readonly decisions: DecisionListReader;
  readonly profiles: PersonProfileReader;
  readonly popolo: (knownAt: string | null) => ReturnType<typeof popoloExport>;
  readonly clock: Clock;
  /** Access tokens (hashes only), in the same SQLite file but outside the event log. */
  readonly tokens: TokenStore;
  /** Web sign-ins (hashed session ids), in the same file, outside the event log. */
  readonly sessions: SessionStore;
  /** Projections rebuilt on open because their version changed. */
  readonly rebuilt: readonly string[];
  /** Projections rebuilt on open because their tables were missing (dropped or lost) while the log was intact. */
  readonly repaired: readonly string[];
  /** Verify, digest, export, browse and explain the log (src/audit/). */
  readonly audit: LedgerAudit;
  /** Set when this open computed the hash chains of a log written before hashing existed. */
  readonly chainBackfill: ChainBackfill | null;
  /** Drops and rebuilds every read model from the log, proving the result equal to what was there. */
  rebuildReadModels(onProgress?: RebuildProgress): Promise<RebuiltModel[]>;
  /**
   * Resolves when every append made so far is committed (SQLite group commit): a reader
   * that waits for it never reads events of a transaction that might still roll back.
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly clock?: Clock;
  /** The read models (default: ALL_PROJECTIONS); tests pass changed versions. */
  readonly projections?: readonly Projection[];
  /** Upcasters applied on every read (default: LEDGER_UPCASTERS). */
  readonly upcasters?: UpcasterRegistry;
}

export async function openLedger(
  config: Pick<LedgerConfig, 'store' | 'dbPath' | 'eventStoreConnectionString' | 'readModelWaitMs'> & Partial<Pick<LedgerConfig, 'postgresUrl'>>,
  options: OpenOptions = {},
): Promise<Ledger> {
  const clock = options.clock ?? systemClock;
  const db = openSqlite(config.dbPath);
  // A rebuild may read this file's log from a second thread too, when it holds the log and reads it as stored (the default upcasters).
  const rebuildHelper = config.store === 'sqlite' && !db.memory && options.upcasters === undefined ? { logFile: db.name } : null;
  const engine = new ProjectionEngine(db, options.projections ?? ALL_PROJECTIONS, rebuildHelper);
  const rebuilt = engine.prepare();
  const directory = new DirectoryReader(db);
  const upcasters = options.upcasters ?? new UpcasterRegistry(LEDGER_UPCASTERS);
  let subscription: Subscription | null = null;
  let store: EventStore;
  let chainBackfill: ChainBackfill | null = null;
  let backfills = () => [] as string[];
  let settled = () => Promise.resolve();
  // The writer's folded states may include events of a transaction that rolled back: forgotten with it.
  let writerRef: LedgerWriter | null = null;
  let waitForReadModels: (position: number) => Promise<boolean>;
  const readPage = (after: number, limit: number) => store.readAll({ after, limit });

  let headAtOpen = 0;
  if (config.store === 'sqlite') {
    // Inline: read models commit in the append's own transaction, caught up first with what other processes appended.
    const log: SqliteEventStore = new SqliteEventStore(db, {
      clock,
      inline: (events) => engine.applyAppended(events, (after, limit) => log.readAllSync({ after, limit }).map((e) => upcasters.upcast(e))),
      onRollback: () => {
        engine.rolledBack();
        writerRef?.forgetStates();
      },
    });
    settled = () => log.settled();
    chainBackfill = log.chainBackfill;
    backfills = () => log.chainBackfills().map(backfillNote);
    store = new UpcastingEventStore(log, upcasters);
    // A read model whose version changed is built beside the old one and swapped in whole.
    headAtOpen = await store.headPosition();
    await engine.buildPending(readPage, headAtOpen);
    await engine.catchUp(readPage);
    waitForReadModels = async () => true;
  } else {
    // A server holds the log; this node's SQLite file holds its read models, fed by a checkpointed subscription.
    store = new UpcastingEventStore(await connectServerStore(config, clock), upcasters);
    headAtOpen = await store.headPosition();
    await engine.buildPending(readPage, headAtOpen);
    // Caught up to the head before serving (as with SQLite); the subscription then follows what others append.
    await engine.catchUp(readPage);
    const feed = subscribeReadModels(store, engine, config.readModelWaitMs);
    subscription = feed.subscription;
    waitForReadModels = feed.waitFor;
  }

  const writer = new LedgerWriter({ store, aliases: directory, locator: new EventLocatorReader(db), waitForReadModels });
  writerRef = writer;
  const people = new PersonHistoryReader(db, directory);
  const meetings = new MeetingReader(db, directory);
  return {
    store,
    engine,
    writer,
    directory,
    rosters: new GroupRosterReader(db, directory),
    groupHistory: new GroupHistoryReader(db, directory),
    search: new SearchReader(db),
    people,
    meetings,
    decisions: new DecisionListReader(db, directory, meetings),
    profiles: new PersonProfileReader(db, directory, people),
    popolo: (knownAt) => popoloExport(db, knownAt),
    clock,
    tokens: new TokenStore(db, () => clock.now()),
    sessions: new SessionStore(db),
    rebuilt,
    repaired: headAtOpen > 0 ? [...engine.damaged] : [],
    audit: new LedgerAudit(store, clock, backfills),
    chainBackfill,
    settled,
    async rebuildReadModels(onProgress) {
      await settled();
      const result = await engine.rebuildAll(readPage, await store.headPosition(), onProgress);
      // Events appended while it was building (a subscription's included) are applied after the swap.
      await engine.catchUp(readPage);
      return result;
    },
    async close() {
      await subscription?.close();
      await store.close();
      db.close();
    },
  };
}

async function connectServerStore(config: Parameters<typeof openLedger>[0], clock: Clock): Promise<EventStore> {
  if (config.store === 'postgres') {
    const { connectPostgres } = await import('./event-store/postgres/postgres-event-store');
    return connectPostgres(config.postgresUrl as string, clock);
  }
  const { connectEventStoreDb } = await import('./event-store/eventstoredb/eventstoredb-event-store');
  return connectEventStoreDb(config.eventStoreConnectionString as string, clock);
}

function openSqlite(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}

/** Read models fed by a catch-up subscription, checkpointed beside them; writers can wait for a position. */
function subscribeReadModels(store: EventStore, engine: ProjectionEngine, waitMs: number) {
  const waiters = new Set<{ position: number; resolve: (ok: boolean) => void }>();
  const subscription = store.subscribe({
    after: engine.position(),
    onEvent: (event) => {
      engine.applyInTransaction([event]);
      for (const w of waiters) if (engine.position() >= w.position) (waiters.delete(w), w.resolve(true));
    },
    onError: (error) => console.error('read-model subscription stopped:', error),
  });
  const waitFor = (position: number) =>
    new Promise<boolean>((resolve) => {
      if (engine.position() >= position) return resolve(true);
      const waiter = { position, resolve };
      waiters.add(waiter);
      setTimeout(() => waiters.delete(waiter) && resolve(false), waitMs).unref();
    });
  return { subscription, waitFor };
}

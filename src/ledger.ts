import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { LedgerWriter } from './commands/ledger-writer';
import type { LedgerConfig } from './config/ledger-config';
import { systemClock, type Clock, type EventStore, type Subscription } from './event-store/event-store.port';
import { SqliteEventStore } from './event-store/sqlite/sqlite-event-store';
import { ALL_PROJECTIONS } from './projections/all-projections';
import { ProjectionEngine } from './projections/projection-engine';
import { DirectoryReader } from './queries/directory.reader';
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
  readonly people: PersonHistoryReader;
  readonly meetings: MeetingReader;
  readonly decisions: DecisionListReader;
  readonly profiles: PersonProfileReader;
  readonly popolo: (knownAt: string | null) => ReturnType<typeof popoloExport>;
  readonly clock: Clock;
  /** Projections rebuilt on open because their version changed. */
  readonly rebuilt: readonly string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly clock?: Clock;
}

export async function openLedger(config: Pick<LedgerConfig, 'store' | 'dbPath' | 'eventStoreConnectionString' | 'readModelWaitMs'>, options: OpenOptions = {}): Promise<Ledger> {
  const clock = options.clock ?? systemClock;
  const db = openSqlite(config.dbPath);
  const engine = new ProjectionEngine(db, ALL_PROJECTIONS);
  const rebuilt = engine.prepare();
  const directory = new DirectoryReader(db);
  let subscription: Subscription | null = null;
  let store: EventStore;
  let waitForReadModels: (position: number) => Promise<boolean>;

  if (config.store === 'sqlite') {
    // Inline: read models commit in the append's own transaction.
    store = new SqliteEventStore(db, { clock, inline: (events) => engine.apply(events), onRollback: () => engine.reloadPositions() });
    await engine.catchUp((after, limit) => store.readAll({ after, limit }));
    waitForReadModels = async () => true;
  } else {
    const { connectEventStoreDb } = await import('./event-store/eventstoredb/eventstoredb-event-store');
    store = connectEventStoreDb(config.eventStoreConnectionString as string, clock);
    const feed = subscribeReadModels(store, engine, config.readModelWaitMs);
    subscription = feed.subscription;
    waitForReadModels = feed.waitFor;
  }

  const writer = new LedgerWriter({ store, aliases: directory, locator: new EventLocatorReader(db), waitForReadModels });
  const people = new PersonHistoryReader(db, directory);
  const meetings = new MeetingReader(db, directory);
  return {
    store,
    engine,
    writer,
    directory,
    rosters: new GroupRosterReader(db, directory),
    people,
    meetings,
    decisions: new DecisionListReader(db, directory, meetings),
    profiles: new PersonProfileReader(db, directory, people),
    popolo: (knownAt) => popoloExport(db, knownAt),
    clock,
    rebuilt,
    async close() {
      await subscription?.close();
      await store.close();
      db.close();
    },
  };
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

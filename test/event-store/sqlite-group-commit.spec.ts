import Database from 'better-sqlite3';
import { ConcurrencyConflict } from '../../src/domain/ledger-errors';
import type { StoredEvent } from '../../src/events/event-envelope';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { FixedClock, newEvent, tempDir } from '../support/fixtures';

/** Appends asked for together share one transaction (group commit); each stays all or nothing. */
describe('SQLite group commit', () => {
  const tmp = tempDir('group-commit-');
  const clock = new FixedClock();
  let db: Database.Database;
  let store: SqliteEventStore;
  let rollbacks: number;

  beforeEach(() => {
    db = new Database(tmp.file(`log-${Date.now()}-${Math.random()}.db`));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE rm_seen (type TEXT NOT NULL)');
    rollbacks = 0;
    store = new SqliteEventStore(db, {
      clock,
      // An inline read model that refuses one event type: its append must roll back, and only its own.
      inline: (events: readonly StoredEvent[]) => {
        for (const e of events) {
          if (e.type === 'Refused') throw new Error('the read model refuses this');
          db.prepare('INSERT INTO rm_seen (type) VALUES (?)').run(e.type);
        }
      },
      onRollback: () => (rollbacks += 1),
    });
  });
  afterEach(async () => {
    await store.close();
    db.close();
  });
  afterAll(() => tmp.cleanup());

  const types = () => db.prepare<[], { type: string }>('SELECT type FROM events ORDER BY position').all().map((r) => r.type);
  const seen = () => db.prepare<[], { type: string }>('SELECT type FROM rm_seen ORDER BY rowid').all().map((r) => r.type);

  it('given appends asked for at once, when one finds its stream moved on, then the others commit and it alone is refused', async () => {
    const results = await Promise.allSettled([
      store.append([{ stream: 'group-a', expectedVersion: 0, events: [newEvent('A1')] }]),
      store.append([{ stream: 'group-a', expectedVersion: 0, events: [newEvent('A1-again')] }, { stream: 'group-b', expectedVersion: 0, events: [newEvent('B1')] }]),
      store.append([{ stream: 'group-c', expectedVersion: 0, events: [newEvent('C1'), newEvent('C2')] }]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyConflict);
    // Nothing of the refused append, not even its other stream.
    expect(types()).toEqual(['A1', 'C1', 'C2']);
    expect(seen()).toEqual(['A1', 'C1', 'C2']);
    expect((results[2] as PromiseFulfilledResult<StoredEvent[]>).value.map((e) => e.position)).toEqual([2, 3]);
    expect(rollbacks).toBe(1);
  });

  it('given appends asked for at once, when a read model refuses one, then that one rolls back with its read-model rows and the others stand', async () => {
    const results = await Promise.allSettled([
      store.append([{ stream: 'group-a', expectedVersion: 0, events: [newEvent('A1')] }]),
      store.append([{ stream: 'group-b', expectedVersion: 0, events: [newEvent('B1'), newEvent('Refused')] }]),
      store.append([{ stream: 'group-c', expectedVersion: 0, events: [newEvent('C1')] }]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain('the read model refuses this');
    expect(types()).toEqual(['A1', 'C1']);
    expect(seen()).toEqual(['A1', 'C1']);
  });

  it('given an append that waits for the next transaction, when it is answered, then its events are committed: another connection reads them', async () => {
    const events = await store.append([{ stream: 'group-a', expectedVersion: 0, events: [newEvent('A1')] }]);
    const other = new Database(db.name, { readonly: true });
    expect(other.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 1 });
    other.close();
    expect(events[0]!.position).toBe(1);
  });
});

import Database from 'better-sqlite3';
import { ConcurrentWrite, StoreBusy } from '../../src/domain/ledger-errors';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import type { Ledger } from '../../src/ledger';
import { FixedClock, newEvent, tempDir } from '../support/fixtures';
import { batch, dumpReadModels, open, rebuiltFromLog } from './fault-fixtures';

/**
 * Two ledgers (two processes' worth of connections and in-memory positions) on one SQLite
 * file. Whatever one appends, the other's read-model positions may be stale; it must neither
 * apply the other's events twice nor leave a gap.
 */
describe('read models of one file fed by two writers', () => {
  const tmp = tempDir('ledger-shared-');
  const db = tmp.file('ledger.db');
  let a: Ledger;
  let b: Ledger;
  beforeAll(async () => {
    a = await open(db);
    b = await open(db);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    tmp.cleanup();
  });

  it('given events B appended and projected, A applying them again (a catch-up page read before B committed) skips them', async () => {
    await b.writer.execute(batch(1), 'test');
    // A's positions are those it read at open: before B's events. Before issue 16 this hit UNIQUE constraint failed: rm_persons.slug.
    const page = await a.store.readAll({ after: 0 });
    expect(() => a.engine.applyInTransaction(page)).not.toThrow();
    expect(dumpReadModels(a.engine.db)).toEqual(await rebuiltFromLog(a));
  });

  it('given A appends after B did, A projects its own events onto the read models B left, and both agree', async () => {
    await a.writer.execute(batch(2), 'test');
    await b.writer.execute(batch(3), 'test');
    await a.writer.execute(batch(4), 'test');
    expect(dumpReadModels(a.engine.db)).toEqual(await rebuiltFromLog(a));
    expect(a.directory.listGroups(null).map((g) => g.slug)).toEqual(expect.arrayContaining(['fault-group-1', 'fault-group-2', 'fault-group-3', 'fault-group-4']));
  });

  it('given events in the log that no projection saw (appended without inline read models), the next append catches the read models up first', async () => {
    const raw = new Database(db);
    raw.pragma('busy_timeout = 5000');
    const bare = new SqliteEventStore(raw, { clock: new FixedClock() });
    await bare.append([{ stream: 'party-bare', expectedVersion: 0, events: [newEvent('PartyRegistered', { partyId: '00000000-0000-4000-8000-00000000000b', slug: 'bare-kommun', name: 'Bare kommun', kind: 'municipality', aliases: [] })] }]);
    raw.close();
    await a.writer.execute(batch(5), 'test');
    expect(dumpReadModels(a.engine.db)).toEqual(await rebuiltFromLog(a));
    expect(a.engine.db.prepare('SELECT name FROM rm_parties WHERE slug = ?').get('bare-kommun')).toEqual({ name: 'Bare kommun' });
  });
});

describe('a write while another connection holds the write lock past the busy timeout', () => {
  const tmp = tempDir('ledger-busy-');
  afterAll(() => tmp.cleanup());

  it('is refused as StoreBusy (503, retry), not a raw SQLITE_BUSY, and writes nothing', async () => {
    const path = tmp.file('ledger.db');
    const mine = new Database(path);
    mine.pragma('journal_mode = WAL');
    mine.pragma('busy_timeout = 50');
    const store = new SqliteEventStore(mine, { clock: new FixedClock() });
    const other = new Database(path);
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const appending = store.append([{ stream: 'party-x', expectedVersion: 0, events: [newEvent('PartyRegistered', {})] }]);
      await expect(appending).rejects.toBeInstanceOf(StoreBusy);
      await expect(appending).rejects.toMatchObject({ status: 503, headers: { 'Retry-After': '1' } });
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    expect(await store.headPosition()).toBe(0);
    mine.close();
  });

  it('given an event id another writer appended first (same commandId, another stream), is refused as ConcurrentWrite (409, retry), not a raw UNIQUE error', async () => {
    const path = tmp.file('ids.db');
    const conn = new Database(path);
    const store = new SqliteEventStore(conn, { clock: new FixedClock() });
    const event = newEvent('PartyRegistered', {});
    await store.append([{ stream: 'party-a', expectedVersion: 0, events: [event] }]);
    const again = store.append([{ stream: 'party-b', expectedVersion: 0, events: [event] }]);
    await expect(again).rejects.toBeInstanceOf(ConcurrentWrite);
    await expect(again).rejects.toMatchObject({ status: 409, headers: { 'Retry-After': '1' } });
    expect(await store.headPosition()).toBe(1);
    conn.close();
  });
});

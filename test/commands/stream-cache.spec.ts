import Database from 'better-sqlite3';
import { StreamCache } from '../../src/commands/shared/stream-cache';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { FixedClock, newEvent, tempDir } from '../support/fixtures';

/** The writer's stream cache on a real SQLite file, with a second connection appending behind its back. */
describe('StreamCache', () => {
  const tmp = tempDir('stream-cache-');
  const path = tmp.file('ledger.db');
  const open = () => {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    return { db, store: new SqliteEventStore(db, { clock: new FixedClock() }) };
  };
  const mine = open();
  const other = open();
  afterAll(async () => {
    await mine.store.close();
    await other.store.close();
    mine.db.close();
    other.db.close();
    tmp.cleanup();
  });

  it('given a cached stream, when another process appends, then the next read has the new events', async () => {
    const cache = new StreamCache(mine.store);
    await mine.store.append([{ stream: 'group-a', expectedVersion: 0, events: [newEvent('A'), newEvent('B')] }]);
    expect((await cache.readStream('group-a')).map((e) => e.type)).toEqual(['A', 'B']);
    await other.store.append([{ stream: 'group-a', expectedVersion: 2, events: [newEvent('C')] }]);
    expect((await cache.readStream('group-a')).map((e) => [e.type, e.streamVersion])).toEqual([['A', 1], ['B', 2], ['C', 3]]);
    expect(await cache.readStream('group-a')).toEqual(await mine.store.readStream('group-a'));
  });

  it('hands out copies: what a caller stages on its array never reaches the cache', async () => {
    const cache = new StreamCache(mine.store);
    await mine.store.append([{ stream: 'group-b', expectedVersion: 0, events: [newEvent('A')] }]);
    const first = await cache.readStream('group-b');
    first.push({ ...first[0]!, id: 'staged-not-stored', streamVersion: 2 });
    expect((await cache.readStream('group-b')).map((e) => e.id)).toEqual([first[0]!.id]);
  });

  it('keeps at most its bound of events and still reads every stream whole', async () => {
    const cache = new StreamCache(mine.store, 3);
    for (const s of ['c1', 'c2', 'c3']) await mine.store.append([{ stream: s, expectedVersion: 0, events: [newEvent('A'), newEvent('B')] }]);
    for (const s of ['c1', 'c2', 'c3', 'c1']) expect(await cache.readStream(s)).toEqual(await mine.store.readStream(s));
    expect((cache as unknown as { held: number }).held).toBeLessThanOrEqual(3);
  });
});

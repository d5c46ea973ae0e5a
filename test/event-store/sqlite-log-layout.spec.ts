import Database from 'better-sqlite3';
import { verifyChains } from '../../src/audit/chain-verifier';
import { ConcurrentWrite } from '../../src/domain/ledger-errors';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { FixedClock, newEvent, tempDir } from '../support/fixtures';

/** The layout a log was created with before issue 15: a UNIQUE index on `id`, a stream index on `event_hashes`. */
const EARLIER_LAYOUT = `
  CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, stream TEXT NOT NULL, stream_version INTEGER NOT NULL,
    type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, command_id TEXT NOT NULL,
    recorded_at TEXT NOT NULL, UNIQUE (stream, stream_version));
  CREATE INDEX events_by_command ON events (command_id);
  CREATE TABLE event_hashes (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, stream TEXT NOT NULL, stream_version INTEGER NOT NULL,
    hash TEXT NOT NULL, prev_hash TEXT NOT NULL);
  CREATE INDEX event_hashes_by_stream ON event_hashes (stream, stream_version);`;

describe('the SQLite log layout', () => {
  const tmp = tempDir('log-layout-');
  const clock = new FixedClock();
  afterAll(() => tmp.cleanup());

  const open = (name: string, before?: string) => {
    const db = new Database(tmp.file(name));
    db.pragma('journal_mode = WAL');
    if (before) db.exec(before);
    return { db, store: new SqliteEventStore(db, { clock }) };
  };
  const indexes = (db: Database.Database) =>
    db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('events', 'event_hashes') ORDER BY name")
      .all()
      .map((r) => r.name);

  it('given a new log, then its only keys out of position order are the stream index and the command index', () => {
    const { db } = open('new.db');
    // sqlite_autoindex_events_1 is UNIQUE (stream, stream_version).
    expect(indexes(db)).toEqual(['events_by_command', 'sqlite_autoindex_events_1']);
    const unique = db.prepare<[], { name: string; unique: number }>("SELECT name, \"unique\" FROM pragma_index_list('events')").all();
    expect(db.prepare("SELECT name FROM pragma_index_info('sqlite_autoindex_events_1')").all()).toEqual([{ name: 'stream' }, { name: 'stream_version' }]);
    expect(unique.find((i) => i.name === 'sqlite_autoindex_events_1')?.unique).toBe(1);
    db.close();
  });

  it('given a log made with the earlier layout, when events are appended to its streams, then each stream chains on and the log verifies', async () => {
    const { db, store } = open('earlier.db', EARLIER_LAYOUT);
    await store.append([{ stream: 'group-a', expectedVersion: 0, events: [newEvent('A1'), newEvent('A2')] }, { stream: 'group-b', expectedVersion: 0, events: [newEvent('B1')] }]);
    const reopened = new SqliteEventStore(db, { clock });
    await reopened.append([{ stream: 'group-a', expectedVersion: 2, events: [newEvent('A3')] }]);
    await reopened.append([{ stream: 'group-b', expectedVersion: 1, events: [newEvent('B2')] }, { stream: 'group-a', expectedVersion: 3, events: [newEvent('A4')] }]);
    expect(indexes(db)).toContain('event_hashes_by_stream');
    const report = verifyChains(await reopened.readAudit());
    expect(report).toMatchObject({ ok: true, events: 6, streams: 2 });
    const links = await reopened.readAudit();
    // Each link follows the one before it in its stream, not the one before it in the log.
    expect(links.find((r) => r.event?.type === 'A3')!.link!.prevHash).toBe(links.find((r) => r.event?.type === 'A2')!.link!.hash);
    db.close();
  });

  it('given a new log, when an event of its command is appended again (another stream, or twice in one append), then it is refused as ConcurrentWrite and nothing is written', async () => {
    const { db, store } = open('again.db');
    const first = newEvent('A1');
    await store.append([{ stream: 'group-a', expectedVersion: 0, events: [first] }]);
    await expect(store.append([{ stream: 'group-b', expectedVersion: 0, events: [newEvent('B0'), first] }])).rejects.toBeInstanceOf(ConcurrentWrite);
    const twin = newEvent('C1');
    await expect(store.append([{ stream: 'group-c', expectedVersion: 0, events: [twin, twin] }])).rejects.toBeInstanceOf(ConcurrentWrite);
    expect(await store.headPosition()).toBe(1);
    // Another event of the same command is welcome: a command may append in parts.
    await store.append([{ stream: 'group-d', expectedVersion: 0, events: [{ ...newEvent('D1', {}, first.metadata.commandId) }] }]);
    expect(await store.headPosition()).toBe(2);
    db.close();
  });

  it('given a new log, when a writer appends an event under an id another command holds already, then the log no longer verifies', async () => {
    const { db, store } = open('twice.db');
    const first = newEvent('A1');
    await store.append([{ stream: 'group-a', expectedVersion: 0, events: [first] }]);
    await store.append([{ stream: 'group-b', expectedVersion: 'any', events: [{ ...first, type: 'B1', metadata: { ...first.metadata, commandId: 'another' } }] }]);
    const report = verifyChains(await store.readAudit());
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.eventId)).toContain(first.id);
    db.close();
  });
});

import Database from 'better-sqlite3';
import { verifyChains } from '../../src/audit/chain-verifier';
import { ConcurrencyConflict } from '../../src/domain/ledger-errors';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { dumpReadModels, open, rebuiltFromLog } from '../fault/fault-fixtures';
import { FixedClock, newEvent, tempDir } from '../support/fixtures';

/**
 * Group commit (issue 15): the appends of one turn of the event loop share one transaction
 * and one COMMIT; each settles only once that COMMIT is on disk, and a refused one rolls
 * back alone. Watched from a second connection, as another process would see the file.
 */
describe('SQLite group commit', () => {
  const tmp = tempDir('group-commit-');
  const clock = new FixedClock();
  afterAll(() => tmp.cleanup());

  const openStore = (name: string) => {
    const path = tmp.file(name);
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    const store = new SqliteEventStore(db, { clock });
    const watcher = new Database(path, { readonly: true });
    const committed = () => (watcher.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    return { db, store, watcher, committed };
  };

  it('given appends made in one turn, then another connection sees none of them until the turn ends, and all of them once each has settled', async () => {
    const { db, store, watcher, committed } = openStore('one-turn.db');
    const first = store.append([{ stream: 'group-a', expectedVersion: 0, events: [newEvent('A1'), newEvent('A2')] }]);
    const second = store.append([{ stream: 'group-b', expectedVersion: 0, events: [newEvent('B1')] }]);
    const third = store.append([{ stream: 'group-a', expectedVersion: 2, events: [newEvent('A3')] }]);
    // Written, in one open transaction: this connection reads them, the other does not yet.
    expect((await store.readStream('group-a')).map((e) => e.type)).toEqual(['A1', 'A2', 'A3']);
    expect(committed()).toBe(0);
    const settled = store.settled();
    const stored = await Promise.all([first, second, third]);
    expect(committed()).toBe(4);
    await settled;
    expect(stored.flat().map((e) => e.position)).toEqual([1, 2, 3, 4]);
    expect(verifyChains(await store.readAudit())).toMatchObject({ ok: true, events: 4, streams: 2 });
    expect(db.inTransaction).toBe(false);
    watcher.close();
    db.close();
  });

  it('given a refused append among them, then it alone is rolled back and the others are committed', async () => {
    const { db, store, watcher, committed } = openStore('one-refused.db');
    await store.append([{ stream: 'group-a', expectedVersion: 0, events: [newEvent('A1')] }]);
    const before = store.append([{ stream: 'group-a', expectedVersion: 1, events: [newEvent('A2')] }]);
    const stale = store.append([{ stream: 'group-a', expectedVersion: 1, events: [newEvent('A2-stale')] }]).catch((e: unknown) => e);
    const after = store.append([{ stream: 'group-b', expectedVersion: 0, events: [newEvent('B1')] }]);
    await Promise.all([before, after]);
    expect(await stale).toBeInstanceOf(ConcurrencyConflict);
    expect(committed()).toBe(3);
    expect((await store.readAll()).map((e) => e.type)).toEqual(['A1', 'A2', 'B1']);
    expect(verifyChains(await store.readAudit())).toMatchObject({ ok: true, events: 3 });
    watcher.close();
    db.close();
  });

  it('given a refused append alone in its turn, then the write lock is let go at once: another connection may write in the same turn', async () => {
    const { db, store, watcher } = openStore('alone.db');
    await store.append([{ stream: 'group-a', expectedVersion: 0, events: [newEvent('A1')] }]);
    const refused = store.append([{ stream: 'group-a', expectedVersion: 0, events: [newEvent('A1-stale')] }]).catch((e: unknown) => e);
    expect(db.inTransaction).toBe(false);
    const other = new Database(db.name);
    other.pragma('busy_timeout = 0');
    // Would be SQLITE_BUSY while this connection held the lock.
    expect(() => other.exec('BEGIN IMMEDIATE; ROLLBACK')).not.toThrow();
    expect(await refused).toBeInstanceOf(ConcurrencyConflict);
    other.close();
    watcher.close();
    db.close();
  });

  it('given the COMMIT fails (the connection closed under the open group), then every append of the group is refused and none is in the file', async () => {
    const { db, store, watcher, committed } = openStore('commit-fails.db');
    const first = store.append([{ stream: 'group-a', expectedVersion: 0, events: [newEvent('A1')] }]).catch((e: unknown) => e);
    const second = store.append([{ stream: 'group-b', expectedVersion: 0, events: [newEvent('B1')] }]).catch((e: unknown) => e);
    db.close();
    // better-sqlite3's own TypeError (of another realm than the test's, hence matched by message).
    expect(await first).toMatchObject({ message: expect.stringMatching(/not open/) });
    expect(await second).toMatchObject({ message: expect.stringMatching(/not open/) });
    expect(committed()).toBe(0);
    watcher.close();
  });

  it('given commands of one turn through the ledger, the later ones decided on the events of the earlier (no lost race), then read models equal a rebuild from the log', async () => {
    const ledger = await open(tmp.file('ledger.db'));
    await ledger.writer.execute({ type: 'EstablishGroup', data: { name: 'Grupp', slug: 'grupp', kind: 'working-group', effectiveFrom: '2025-01-01' } }, 'test');
    const appoint = (name: string, k: number) =>
      ledger.writer.execute({ type: 'AppointMember', data: { group: 'grupp', person: { name }, effectiveFrom: '2025-02-01' }, metadata: { commandId: `turn-${k}` } }, 'test');
    const appends = jest.spyOn(ledger.store, 'append');
    // Each started in a turn of its own, as HTTP requests are: the second reads the first one's events in the open transaction.
    const results = await new Promise<Awaited<ReturnType<typeof appoint>>[]>((resolve, reject) => {
      const started: ReturnType<typeof appoint>[] = [];
      setImmediate(() => started.push(appoint('Anna Ek', 1)));
      setImmediate(() => started.push(appoint('Bo Berg', 2)));
      setImmediate(() => started.push(appoint('Cilla Ås', 3)));
      setImmediate(() => Promise.all(started).then(resolve, reject));
    });
    expect(results.map((r) => r.commands[0]!.status)).toEqual(['applied', 'applied', 'applied']);
    // One append each: none lost a race and decided again.
    expect(appends).toHaveBeenCalledTimes(3);
    const stream = results[0]!.events.find((e) => e.type === 'MemberAppointed')!.stream;
    const events = await ledger.store.readStream(stream);
    expect(events.filter((e) => e.type === 'MemberAppointed').map((e) => e.metadata.commandId)).toEqual(['turn-1', 'turn-2', 'turn-3']);
    expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i + 1));
    expect(dumpReadModels(ledger.engine.db)).toEqual(await rebuiltFromLog(ledger));
    await ledger.settled();
    await ledger.close();
  });
});

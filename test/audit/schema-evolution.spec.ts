import Database from 'better-sqlite3';
import { openAuditLog } from '../../src/audit/open-audit-log';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { UpcastingEventStore } from '../../src/event-store/upcasting-event-store';
import { UpcasterRegistry } from '../../src/events/upcasters';
import { openLedger } from '../../src/ledger';
import { FixedClock, newEvent, tempDir } from '../support/fixtures';
import { sqliteConfig } from '../support/audit-fixtures';

describe('schema evolution', () => {
  const tmp = tempDir('ledger-upcast-');
  afterAll(() => tmp.cleanup());

  it('a version-1 event is read as version 2 after the code is upgraded, and the chain still verifies', async () => {
    const file = tmp.file('upcast.db');
    // Yesterday's code: a version-1 event whose data names a person in one string.
    const db = new Database(file);
    const v1 = { ...newEvent('PersonNamed', { name: 'Katarina Nilsson Ederam' }), schemaVersion: 1 };
    const store = new SqliteEventStore(db, { clock: new FixedClock() });
    await store.append([{ stream: 'person-x', expectedVersion: 0, events: [v1] }]);

    // Today's code: version 2 splits the name, and an upcaster reads old events in the new shape.
    const upgraded = new UpcastingEventStore(
      store,
      new UpcasterRegistry([
        {
          type: 'PersonNamed',
          fromVersion: 1,
          upcast: (data) => {
            const [given, ...family] = (data as { name: string }).name.split(' ');
            return { givenName: given, familyName: family.join(' ') };
          },
        },
      ]),
    );
    const [read] = await upgraded.readStream('person-x');
    expect(read).toMatchObject({ id: v1.id, schemaVersion: 2, data: { givenName: 'Katarina', familyName: 'Nilsson Ederam' } });
    expect((await upgraded.readAll())[0]).toMatchObject({ schemaVersion: 2 });
    expect((await upgraded.readByCommandId(v1.metadata.commandId))[0]).toMatchObject({ schemaVersion: 2 });

    // The audit path reads the stored form, which is what the hash covers.
    const [record] = await upgraded.readAudit();
    expect(record!.event).toMatchObject({ schemaVersion: 1, data: { name: 'Katarina Nilsson Ederam' } });
    await store.close();
    db.close();
    const log = await openAuditLog(sqliteConfig(file));
    expect(await log.audit.verify()).toMatchObject({ ok: true, events: 1 });
    await log.close();
  });

  it('a log written before hashing existed gets its chains computed on open, by inserts only, and says so', async () => {
    const file = tmp.file('old.db');
    const ledger = await openLedger(sqliteConfig(file), { clock: new FixedClock() });
    await ledger.writer.execute({ type: 'RegisterParty', data: { name: 'Kalmar kommun', kind: 'municipality' }, metadata: { commandId: 'p1' } }, 'test');
    await ledger.writer.execute({ type: 'EstablishGroup', data: { name: 'Samordnande grupp Äldre', kind: 'coordinating-group', effectiveFrom: '2024-01-01' }, metadata: { commandId: 'g1' } }, 'test');
    const head = await ledger.store.headPosition();
    await ledger.close();
    // What an older version left behind: the events, no chain tables.
    const raw = new Database(file);
    raw.exec('DROP TABLE event_hashes; DROP TABLE event_hash_backfills');
    raw.close();

    const reopened = await openLedger(sqliteConfig(file), { clock: new FixedClock(new Date('2026-02-01T00:00:00.000Z')) });
    expect(reopened.chainBackfill).toEqual({ events: head, upToPosition: head, doneAt: '2026-02-01T00:00:00.000Z' });
    const report = await reopened.audit.verify();
    expect(report).toMatchObject({ ok: true, events: head });
    expect(report.notes[0]).toContain(`the chains of the ${head} events up to position ${head} were computed on 2026-02-01T00:00:00.000Z`);
    // Appends after the backfill extend the chains.
    await reopened.writer.execute({ type: 'RegisterParty', data: { name: 'Borgholms kommun', kind: 'municipality' }, metadata: { commandId: 'p2' } }, 'test');
    expect((await reopened.audit.verify()).ok).toBe(true);
    await reopened.close();
    const third = await openLedger(sqliteConfig(file), { clock: new FixedClock() });
    expect(third.chainBackfill).toBeNull();
    await third.close();
  });
});

import { LedgerAudit } from '../../src/audit/ledger-audit';
import { openAuditLog } from '../../src/audit/open-audit-log';
import { StoreUnavailable } from '../../src/domain/ledger-errors';
import { connectPostgres, type PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { FixedClock, newEvent } from '../support/fixtures';
import { createTestDatabase, describePostgresStandby, standbyUrlOf, type TestDatabase } from '../support/postgres-database';

/**
 * A hot standby made with `pg_basebackup -R` (scripts/postgres-test-cluster.sh standby) as a
 * read source: the auditor's commands run on it, and a write sent to it is refused, not lost.
 */
describePostgresStandby('PostgreSQL hot standby as a read source', () => {
  let database: TestDatabase;
  const open: PostgresEventStore[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    await database?.drop();
  });

  it('given events appended on the primary, when the standby has replayed them, then it serves them and its chains verify with the same digest', async () => {
    const clock = new FixedClock();
    const primary = await connectPostgres(database.url, clock);
    open.push(primary);
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      await primary.append([
        { stream: `meeting-${i}`, expectedVersion: 0, events: [newEvent('MeetingScheduled', { n: i }), newEvent('MeetingHeld', { n: i })] },
        { stream: 'group-1', expectedVersion: i, events: [newEvent('MemberAppointed', { n: i })] },
      ]);
    }
    const head = await primary.headPosition();
    expect(head).toBe(15);

    const standby = await waitForStandby(standbyUrlOf(database.url), head);
    open.push(standby);
    expect((await standby.readAll()).map((e) => e.id)).toEqual((await primary.readAll()).map((e) => e.id));

    const onStandby = await openAuditLog({ store: 'postgres', dbPath: ':memory:', eventStoreConnectionString: null, postgresUrl: standbyUrlOf(database.url) });
    try {
      const report = await onStandby.audit.verify();
      expect(report.ok).toBe(true);
      expect(report.events).toBe(15);
      const fromPrimary = await new LedgerAudit(primary, clock).digest();
      const fromStandby = await onStandby.audit.digest();
      expect({ position: fromStandby.position, events: fromStandby.events, root: fromStandby.root }).toEqual({ position: fromPrimary.position, events: fromPrimary.events, root: fromPrimary.root });
    } finally {
      await onStandby.close();
    }
  });

  it('given a store opened on the standby, when it is asked to append, then it refuses with a clear 503 and nothing is written', async () => {
    const standby = await connectPostgres(standbyUrlOf(database.url), new FixedClock());
    open.push(standby);
    const before = await standby.headPosition();
    const error = await standby.append([{ stream: 'group-2', expectedVersion: 0, events: [newEvent('MemberAppointed')] }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailable);
    expect((error as StoreUnavailable).status).toBe(503);
    expect((error as StoreUnavailable).message).toContain('read-only hot standby');
    expect((error as StoreUnavailable).outcomeUnknown).toBe(false);
    expect(await standby.headPosition()).toBe(before);
  });
});

/** The standby replays the primary's WAL asynchronously: open it once the database exists there, and read until it holds `head`. */
async function waitForStandby(url: string, head: number): Promise<PostgresEventStore> {
  for (let attempt = 0; ; attempt++) {
    try {
      const store = await connectPostgres(url, new FixedClock());
      while ((await store.headPosition()) < head) await new Promise((r) => setTimeout(r, 50));
      return store;
    } catch (error) {
      if (attempt > 200) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

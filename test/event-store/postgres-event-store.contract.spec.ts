import { connectPostgres } from '../../src/event-store/postgres/postgres-event-store';
import { FixedClock } from '../support/fixtures';
import { createTestDatabase, describePostgres, type TestDatabase } from '../support/postgres-database';
import { describeEventStoreContract } from './event-store.contract';

/**
 * The same contract as SQLite, against a real PostgreSQL server (LEDGER_POSTGRES_TEST_URL;
 * `.ci/run` starts a private cluster with scripts/postgres-test-cluster.sh).
 */
describePostgres('PostgreSQL event store', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  describeEventStoreContract('postgres', async () => {
    const clock = new FixedClock();
    const store = await connectPostgres(database.url, clock, { pollIntervalMs: 20 });
    return { store, setClock: (iso) => clock.set(iso), dispose: () => store.close() };
  });
});

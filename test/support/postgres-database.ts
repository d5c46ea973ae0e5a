import { Client } from 'pg';
import { v4 as uuidv4 } from 'uuid';

/**
 * The PostgreSQL server the suites run against: LEDGER_POSTGRES_TEST_URL, set by
 * `scripts/postgres-test-cluster.sh start` (which `.ci/run` runs around `npm test`).
 * Without it a PostgreSQL suite is skipped locally, and fails under CI=true.
 */
export const POSTGRES_TEST_URL = process.env.LEDGER_POSTGRES_TEST_URL ?? '';

/** `describe` when a server is given; otherwise skipped, or (CI=true) one failing test that says why. */
export function describePostgres(name: string, body: () => void): void {
  if (POSTGRES_TEST_URL) return describe(name, body);
  if (process.env.CI === 'true') {
    return describe(name, () => {
      it('needs a PostgreSQL server (CI=true never skips it)', () => {
        throw new Error('LEDGER_POSTGRES_TEST_URL is not set: start one with `eval "$(scripts/postgres-test-cluster.sh start)"`');
      });
    });
  }
  return describe.skip(name, body);
}

/** A hot standby of that server (`scripts/postgres-test-cluster.sh standby`): LEDGER_POSTGRES_STANDBY_TEST_URL. */
export const POSTGRES_STANDBY_TEST_URL = process.env.LEDGER_POSTGRES_STANDBY_TEST_URL ?? '';

/** As describePostgres, for suites that also need the hot standby. */
export function describePostgresStandby(name: string, body: () => void): void {
  if (POSTGRES_TEST_URL && POSTGRES_STANDBY_TEST_URL) return describe(name, body);
  if (process.env.CI === 'true') {
    return describe(name, () => {
      it('needs a PostgreSQL server and its hot standby (CI=true never skips it)', () => {
        throw new Error('LEDGER_POSTGRES_TEST_URL or LEDGER_POSTGRES_STANDBY_TEST_URL is not set: `eval "$(scripts/postgres-test-cluster.sh start)"; eval "$(scripts/postgres-test-cluster.sh standby)"`');
      });
    });
  }
  return describe.skip(name, body);
}

/** The same database (replicated from the primary) on the standby. */
export function standbyUrlOf(databaseUrl: string): string {
  const url = new URL(POSTGRES_STANDBY_TEST_URL);
  url.pathname = new URL(databaseUrl).pathname;
  return url.toString();
}

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server, so suites never see each other's events. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `ledger_test_${uuidv4().replace(/-/g, '')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_TEST_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_TEST_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { tempDir } from '../support/fixtures';
import { createTestDatabase, describePostgres, type TestDatabase } from '../support/postgres-database';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'ledger.js');

/** `npx ledger copy`: the real CLI moves an embedded ledger to a real PostgreSQL server. */
describePostgres('npx ledger copy --from <sqlite> --to postgres://', () => {
  const tmp = tempDir('ledger-copy-');
  const db = tmp.file('ledger.db');
  let database: TestDatabase;
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, USER: 'tester', LEDGER_STORE: '', LEDGER_POSTGRES_URL: '', ...env } });
  const onPostgres = (args: string[]) => run(args, { LEDGER_STORE: 'postgres', LEDGER_POSTGRES_URL: database.url, LEDGER_DB: tmp.file('node.db') });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
    tmp.cleanup();
  });

  it('given an embedded ledger with the Kalmar dataset, when copied, then both logs verify and hold the same events', async () => {
    expect(run(['import', join(ROOT, 'data', 'kalmar'), '--db', db]).status).toBe(0);
    const source = new Database(db, { readonly: true });
    const sourceRows = source.prepare('SELECT position, id, stream, stream_version AS version FROM events ORDER BY position').all() as { position: number; id: string; stream: string; version: number }[];
    source.close();
    expect(sourceRows.length).toBeGreaterThan(50);

    const copy = run(['copy', '--from', db, '--to', database.url]);
    expect(copy.stderr).toBe('');
    expect(copy.status).toBe(0);
    expect(copy.stdout).toContain(`Copied ${sourceRows.length} events`);

    const verifySource = run(['verify', '--db', db]);
    const verifyTarget = onPostgres(['verify']);
    expect(verifySource.status).toBe(0);
    expect(verifyTarget.status).toBe(0);
    expect(verifyTarget.stdout).toContain(`Verified ${sourceRows.length} events`);
    expect(verifyTarget.stdout).toContain('OK, every chain recomputes');
    // The digest (Merkle root of the stream heads) is the same on both sides.
    const digest = (out: string) => { const d = JSON.parse(out); return { position: d.position, events: d.events, root: d.root }; };
    expect(digest(onPostgres(['digest']).stdout)).toEqual(digest(run(['digest', '--db', db]).stdout));

    const client = new Client({ connectionString: database.url });
    await client.connect();
    const copied = await client.query<{ position: string; id: string; stream: string; version: number }>('SELECT position, id, stream, stream_version AS version FROM ledger_events ORDER BY position');
    await client.end();
    expect(copied.rows.map((r) => ({ ...r, position: Number(r.position) }))).toEqual(sourceRows);

    // The server-backed ledger serves what was copied.
    const roster = onPostgres(['roster', 'samordnande-grupp-aldre', '--at', '2025-02-28']);
    expect(roster.status).toBe(0);
    expect(roster.stdout).toContain('Katarina Nilsson Ederam');
  });

  it('refuses to copy into a database that already holds a log, and leaves it as it was', () => {
    const again = run(['copy', '--from', db, '--to', database.url]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('not empty');
    expect(onPostgres(['verify']).status).toBe(0);
  });

  it('refuses a --to that is not a postgres URL and a --from that does not exist', () => {
    const badTo = run(['copy', '--from', db, '--to', 'mysql://x']);
    expect(badTo.status).toBe(2);
    expect(badTo.stderr).toContain('--to must be a postgres://');
    const noFile = run(['copy', '--from', tmp.file('missing.db'), '--to', database.url]);
    expect(noFile.status).toBe(1);
    expect(noFile.stderr).toContain('no such SQLite file');
  });
});

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectPostgres } from '../../src/event-store/postgres/postgres-event-store';
import { FixedClock, newEvent, tempDir } from '../support/fixtures';
import { createTestDatabase, describePostgres, type TestDatabase } from '../support/postgres-database';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'ledger.js');

/** `npx ledger copy`: the real CLI moves an embedded ledger to a real PostgreSQL server, chains intact. */
describePostgres('npx ledger copy --from <sqlite> --to postgres://', () => {
  const tmp = tempDir('ledger-copy-');
  const db = tmp.file('ledger.db');
  let target: TestDatabase;
  let other: TestDatabase;
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, USER: 'tester', LEDGER_SEED: 'off', ...env } });
  const onPostgres = () => ({ LEDGER_STORE: 'postgres', LEDGER_POSTGRES_URL: target.url });

  beforeAll(async () => {
    [target, other] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    expect(run(['import', join(ROOT, 'data', 'kalmar'), '--db', db]).status).toBe(0);
  });
  afterAll(async () => {
    await Promise.all([target?.drop(), other?.drop()]);
    tmp.cleanup();
  });

  it('copies the Kalmar ledger so that verify passes on both, with the same events at the same positions', () => {
    const source = run(['verify', '--json', '--db', db]);
    expect(source.status).toBe(0);
    const sourceReport = JSON.parse(source.stdout) as { ok: boolean; events: number; position: number; streams: number };
    expect(sourceReport.events).toBeGreaterThan(100);
    const digest = run(['digest', '--db', db]);
    writeFileSync(tmp.file('digest.json'), digest.stdout);

    const copy = run(['copy', '--from', db, '--to', target.url]);
    expect(copy.stderr).toBe('');
    expect(copy.status).toBe(0);
    expect(copy.stdout).toContain(`copied ${sourceReport.events} event(s)`);

    const onServer = run(['verify', '--json'], onPostgres());
    expect(onServer.status).toBe(0);
    expect(JSON.parse(onServer.stdout)).toMatchObject({ ok: true, events: sourceReport.events, position: sourceReport.position, streams: sourceReport.streams });
    // A digest made on the SQLite file proves the PostgreSQL log is the same log.
    const proved = run(['verify', '--digest', tmp.file('digest.json')], onPostgres());
    expect(proved.stdout).toMatch(/digest .*: OK/);
    expect(proved.status).toBe(0);
  });

  it('serves the copied ledger from PostgreSQL: a node with a fresh read-model file answers as the SQLite file did', () => {
    const fromFile = run(['roster', 'samordnande-grupp-aldre', '--at', '2025-03-01', '--json', '--db', db]);
    const fromServer = run(['roster', 'samordnande-grupp-aldre', '--at', '2025-03-01', '--json', '--db', tmp.file('node.db')], onPostgres());
    expect(fromServer.status).toBe(0);
    expect(JSON.parse(fromServer.stdout)).toEqual(JSON.parse(fromFile.stdout));
  });

  it('run again, resumes after what is there and copies nothing twice', () => {
    const again = run(['copy', '--from', db, '--to', target.url]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/resuming after it[\s\S]*copied 0 event\(s\)/);
  });

  it('refuses to copy into a database that holds another log, and leaves it as it was', async () => {
    const store = await connectPostgres(other.url, new FixedClock());
    await store.append([{ stream: 'someone-else', expectedVersion: 0, events: [newEvent('Other')] }]);
    const refused = run(['copy', '--from', db, '--to', other.url]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already holds a different log/);
    expect(await store.headPosition()).toBe(1);
    await store.close();
  });

  it('names what is missing in a bad invocation', () => {
    const missing = run(['copy', '--from', db]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/copy needs --to <postgres:\/\/…>/);
  });
});

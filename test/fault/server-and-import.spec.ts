import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/fixtures';
import { startServer, type ServerProcess } from '../support/server-process';
import { clerkToken, dumpReadModels, open, rebuiltFromLog } from './fault-fixtures';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'ledger.js');

/** 1 800 imported commands under `npm run soak` (the figure of issue 16), 600 in `npm test`. */
const IMPORT_FILES = process.env.SOAK ? 300 : 100;
const COMMANDS_PER_FILE = 6;
const HTTP_CLIENTS = 4;
const WRITES_PER_CLIENT = process.env.SOAK ? 120 : 40;
/** Names both writers register, so they race on the same person streams and read-model rows. */
const SHARED_PEOPLE = 25;

/** The group both writers seat people in at once: every command of either appends to its stream. */
const SHARED_GROUP = 'delad-grupp';

/** One import file: a new working group, seats in it for people the server registers too, and seats in the shared group. */
function importFile(n: number): unknown[] {
  const group = `import-group-${n}`;
  return [
    { type: 'EstablishGroup', data: { name: `Import group ${n}`, slug: group, kind: 'working-group', effectiveFrom: '2025-01-01' }, metadata: { commandId: `import-${n}-group` } },
    ...Array.from({ length: COMMANDS_PER_FILE - 1 }, (_, i) => ({
      type: 'AppointMember',
      data: i % 2 === 0 ? { group: SHARED_GROUP, person: { name: `Import Person ${n} ${i}` }, effectiveFrom: '2025-02-01' } : { group, person: { name: `Delad Person ${(n + i) % SHARED_PEOPLE}` }, effectiveFrom: '2025-02-01' },
      metadata: { commandId: `import-${n}-member-${i}` },
    })),
  ];
}

function runImport(dir: string, db: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'import', dir, '--db', db], { env: { ...process.env, USER: 'importer' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Issue 16, "two writers at once": a real server taking writes over HTTP while the real CLI
 * (`ledger import`) appends many new commands to the same SQLite file. Neither writer may be
 * defeated by the other: every command of both lands exactly once, no request gets a 5xx.
 */
describe('a server taking writes while `ledger import` runs on the same file', () => {
  const tmp = tempDir('ledger-import-race-');
  const db = tmp.file('ledger.db');
  const dir = join(tmp.dir, 'commands');
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await server?.stop();
    tmp.cleanup();
  });

  it('lands every command of both writers exactly once, with no 5xx', async () => {
    mkdirSync(dir);
    for (let n = 0; n < IMPORT_FILES; n++) writeFileSync(join(dir, `${String(n).padStart(4, '0')}.json`), JSON.stringify(importFile(n)));
    const token = await clerkToken(db);
    server = await startServer(db);
    const post = (body: unknown) =>
      fetch(`${server!.url}/commands`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const groups = [SHARED_GROUP, ...Array.from({ length: HTTP_CLIENTS }, (_, c) => `http-group-${c}`)].map((slug) => ({
      type: 'EstablishGroup',
      data: { name: slug, slug, kind: 'working-group', effectiveFrom: '2025-01-01' },
      metadata: { commandId: `setup-${slug}` },
    }));
    expect((await post(groups)).status).toBe(201);

    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const httpCommandIds: string[] = [];
    const client = async (c: number) => {
      for (let i = 0; i < WRITES_PER_CLIENT; i++) {
        const commandId = `http-${c}-${i}`;
        httpCommandIds.push(commandId);
        // Even: a seat in the shared group. Odd: a shared person in the client's own group, at most once per group (a second seat would be a rule violation, not a race).
        const k = (i - 1) / 2;
        const data =
          i % 2 === 0
            ? { group: SHARED_GROUP, person: { name: `HTTP Person ${c} ${i}` }, effectiveFrom: '2025-03-01' }
            : { group: `http-group-${c}`, person: { name: k < SHARED_PEOPLE ? `Delad Person ${(c * 7 + k) % SHARED_PEOPLE}` : `HTTP Person ${c} ${i}` }, effectiveFrom: '2025-03-01' };
        const response = await post({ type: 'AppointMember', data, metadata: { commandId } });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status !== 201) failures.push(`${commandId}: ${response.status} ${await response.text()}`);
      }
    };
    const [imported] = await Promise.all([runImport(dir, db), ...Array.from({ length: HTTP_CLIENTS }, (_, c) => client(c))]);

    const importCommands = IMPORT_FILES * COMMANDS_PER_FILE;
    console.log(`server + import: import exit ${imported.code}, ${imported.stdout.trim()}; HTTP statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`${importCommands} command(s) applied, 0 already recorded`);
    expect(failures).toEqual([]);

    await server.stop();
    server = null;
    const ledger = await open(db);
    try {
      const events = await ledger.store.readAll({ after: 0 });
      const perCommand = new Map<string, string[]>();
      for (const e of events) perCommand.set(e.metadata.commandId, [...(perCommand.get(e.metadata.commandId) ?? []), e.type]);
      const expected = [...groups.map((g) => g.metadata.commandId), ...Array.from({ length: IMPORT_FILES }, (_, n) => importFile(n).map((c) => (c as { metadata: { commandId: string } }).metadata.commandId)).flat(), ...httpCommandIds];
      // None missing, and each decided once: one seat (or group) per command, a new person at most once.
      expect(expected.filter((id) => !perCommand.has(id))).toEqual([]);
      for (const id of expected) {
        const types = perCommand.get(id)!;
        expect({ id, decisive: types.filter((t) => t === 'MemberAppointed' || t === 'GroupEstablished').length }).toEqual({ id, decisive: 1 });
      }
      const registrations = events.filter((e) => e.type === 'PersonRegistered').map((e) => (e.data as { slug: string }).slug);
      expect(new Set(registrations).size).toBe(registrations.length);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      expect(dumpReadModels(ledger.engine.db)).toEqual(await rebuiltFromLog(ledger));
    } finally {
      await ledger.close();
    }
  }, 600_000);
});

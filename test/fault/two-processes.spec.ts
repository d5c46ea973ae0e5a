import { tempDir } from '../support/fixtures';
import { startServer, type ServerProcess } from '../support/server-process';
import { clerkToken, dumpReadModels, open, rebuiltFromLog } from './fault-fixtures';

const WRITES_PER_CLIENT = process.env.SOAK ? 400 : 60;
const GROUP = 'samordnande-grupp-aldre';

/**
 * Two server processes on one SQLite file, four clients writing to the same group stream at
 * once, each naming the version it last saw. Every write is either applied (201) or refused
 * as a conflict (409); nothing is lost, nothing is doubled.
 */
describe('two server processes on one SQLite file', () => {
  const tmp = tempDir('ledger-two-');
  const db = tmp.file('ledger.db');
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    tmp.cleanup();
  });

  it('answers every lost race with 409 and loses or doubles nothing', async () => {
    const token = await clerkToken(db);
    servers.push(await startServer(db), await startServer(db));
    const post = (server: ServerProcess, body: unknown) =>
      fetch(`${server.url}/commands`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const setup = await post(servers[0]!, { type: 'EstablishGroup', data: { name: 'Samordnande grupp Äldre', kind: 'coordinating-group', effectiveFrom: 'unknown' }, metadata: { commandId: 'two-group' } });
    expect(setup.status).toBe(201);

    const applied: string[] = [];
    const statuses = new Map<number, number>();
    let version = 1; // the group stream's version as the clients last saw it
    const client = async (id: number) => {
      const server = servers[id % 2]!;
      for (let i = 0; i < WRITES_PER_CLIENT; i++) {
        const commandId = `two-${id}-${i}`;
        const seen = version;
        const response = await post(server, {
          type: 'AppointMember',
          data: { group: GROUP, person: { name: `Person ${id} ${i}` }, effectiveFrom: '2025-01-01' },
          metadata: { commandId, expectedVersion: seen },
        });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const body = (await response.json()) as { events?: { stream: string; streamVersion: number }[]; status?: number };
        if (response.status === 201) {
          applied.push(commandId);
          const groupEvent = body.events!.find((e) => e.stream.startsWith('group-'))!;
          version = Math.max(version, groupEvent.streamVersion);
        } else {
          expect(response.status).toBe(409);
          expect(body).toMatchObject({ status: 409, type: 'urn:decision-ledger:problem:concurrency-conflict' });
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(client));

    const ledger = await open(db);
    try {
      const groupEvents = (await ledger.store.readAll({ after: 0 })).filter((e) => e.type === 'MemberAppointed');
      expect(groupEvents.map((e) => e.metadata.commandId).sort()).toEqual([...applied].sort());
      expect(new Set(groupEvents.map((e) => e.metadata.commandId)).size).toBe(groupEvents.length);
      const versions = (await ledger.store.readStream(groupEvents[0]!.stream)).map((e) => e.streamVersion);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
      const roster = await fetch(`${servers[1]!.url}/groups/${GROUP}/roster?at=2025-06-01`).then((r) => r.json() as Promise<{ members: unknown[] }>);
      expect(roster.members).toHaveLength(applied.length);
      expect(dumpReadModels(ledger.engine.db)).toEqual(await rebuiltFromLog(ledger));
      console.log(`two processes: ${applied.length} applied, ${statuses.get(409) ?? 0} conflicts answered 409, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
      expect(statuses.get(409) ?? 0).toBeGreaterThan(0);
    } finally {
      await ledger.close();
    }
  }, 600_000);
});

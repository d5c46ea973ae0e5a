import { loadConfig } from '../../src/config/ledger-config';
import { openLedger } from '../../src/ledger';
import { tempDir } from '../support/fixtures';
import { createTestDatabase, describePostgres, type TestDatabase } from '../support/postgres-database';
import { startServer, type ServerProcess } from '../support/server-process';

const WRITES_PER_CLIENT = process.env.SOAK ? 200 : 25;
const GROUP = 'samordnande-grupp-aldre';

/**
 * Two app nodes, each with its own SQLite read-model file, on one PostgreSQL database: both
 * take writes, and each serves reads that include the other's writes, with nothing lost or doubled.
 */
/** The group stream's version in the shared log, read through a third ledger on the same database. */
async function ledgerHead(env: Record<string, string>, file: string, group: string): Promise<number | undefined> {
  const ledger = await openLedger(loadConfig({ ...env, LEDGER_DB: file, LEDGER_SEED: 'off' }));
  try {
    const events = (await ledger.store.readAll()).filter((e) => e.type === 'MemberAppointed' && e.stream.startsWith('group-'));
    return events.at(-1)?.streamVersion;
  } finally {
    await ledger.close();
  }
}

describePostgres('two server processes on one PostgreSQL database', () => {
  const tmp = tempDir('ledger-pg-two-');
  let database: TestDatabase;
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
    tmp.cleanup();
  });

  it('given writes through both nodes, each node reads every write of the other, none lost or doubled', async () => {
    database = await createTestDatabase();
    const env = { LEDGER_STORE: 'postgres', LEDGER_POSTGRES_URL: database.url };
    const nodes = ['node-a.db', 'node-b.db'].map((f) => tmp.file(f));
    // Tokens live in each node's own file; make a clerk token on each the way an admin would.
    const tokens: string[] = [];
    for (const db of nodes) {
      const ledger = await openLedger(loadConfig({ ...env, LEDGER_DB: db, LEDGER_SEED: 'off' }));
      tokens.push(ledger.tokens.create('clerk', 'pg clerk').token);
      await ledger.close();
    }
    for (const db of nodes) servers.push(await startServer(db, env));
    const post = (n: number, body: unknown) =>
      fetch(`${servers[n]!.url}/commands`, { method: 'POST', headers: { Authorization: `Bearer ${tokens[n]}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

    const setup = await post(0, { type: 'EstablishGroup', data: { name: 'Samordnande grupp Äldre', kind: 'coordinating-group', effectiveFrom: 'unknown' }, metadata: { commandId: 'pg-two-group' } });
    expect(setup.status).toBe(201);

    // Phase 1: every write lands. No expectedVersion: a lost race between the nodes is re-decided
    // by the writer; a request that lost every attempt answers 409 concurrent-write, and the
    // client retries with the same commandId, as the problem details say to. So each node
    // carries exactly its clients' writes, whatever the scheduling of the machine.
    const applied: string[] = [];
    const appliedBy: string[][] = [[], []];
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const appoint = (id: number, i: number, expectedVersion?: number) => ({
      type: 'AppointMember',
      data: { group: GROUP, person: { name: `Person ${id} ${i}` }, effectiveFrom: '2025-01-01' },
      metadata: { commandId: `pg-two-${id}-${i}`, ...(expectedVersion === undefined ? {} : { expectedVersion }) },
    });
    const everyWriteLands = async (id: number) => {
      const n = id % 2;
      for (let i = 0; i < WRITES_PER_CLIENT; i++) {
        for (let tries = 1; ; tries++) {
          const response = await post(n, appoint(id, i));
          count(response.status);
          const body = (await response.json()) as { type?: string };
          if (response.status === 201) break;
          expect({ status: response.status, type: body.type }).toEqual({ status: 409, type: 'urn:decision-ledger:problem:concurrent-write' });
          expect(tries).toBeLessThan(50);
        }
        applied.push(`pg-two-${id}-${i}`);
        appliedBy[n]!.push(`Person ${id} ${i}`);
      }
    };
    await Promise.all([0, 1, 2, 3].map(everyWriteLands));
    expect(appliedBy[0]).toHaveLength(2 * WRITES_PER_CLIENT);
    expect(appliedBy[1]).toHaveLength(2 * WRITES_PER_CLIENT);

    // Phase 2: optimistic writes racing on one expectedVersion: each answer is 201 or a 409
    // concurrency conflict, never a write at a stale version (the stream check below).
    let version = (await ledgerHead(env, tmp.file('head.db'), GROUP)) ?? 0;
    const optimistic = async (id: number) => {
      const n = id % 2;
      for (let i = WRITES_PER_CLIENT; i < 2 * WRITES_PER_CLIENT; i++) {
        const response = await post(n, appoint(id, i, version));
        count(response.status);
        const body = (await response.json()) as { events?: { stream: string; streamVersion: number }[]; type?: string };
        if (response.status === 201) {
          applied.push(`pg-two-${id}-${i}`);
          appliedBy[n]!.push(`Person ${id} ${i}`);
          version = Math.max(version, body.events!.find((e) => e.stream.startsWith('group-'))!.streamVersion);
        } else {
          expect({ status: response.status, type: body.type }).toEqual({ status: 409, type: 'urn:decision-ledger:problem:concurrency-conflict' });
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(optimistic));

    // Each node's read models follow the shared log; wait until both have reached its head.
    const health = (n: number) => fetch(`${servers[n]!.url}/health`).then((r) => r.json() as Promise<{ store: string; logPosition: number; readModelPosition: number }>);
    for (const n of [0, 1]) {
      for (let h = await health(n); h.readModelPosition < h.logPosition; h = await health(n)) await new Promise((r) => setTimeout(r, 50));
      expect((await health(n)).store).toBe('postgres');
    }

    const rosterOf = async (n: number) => {
      const roster = (await fetch(`${servers[n]!.url}/groups/${GROUP}/roster?at=2025-06-01`).then((r) => r.json())) as { members: { person: { name: string } }[] };
      return roster.members.map((m) => m.person.name).sort();
    };
    const expected = [...appliedBy[0]!, ...appliedBy[1]!].sort();
    expect(await rosterOf(0)).toEqual(expected);
    expect(await rosterOf(1)).toEqual(expected);

    // The log itself: every applied command once, the group stream's versions without a hole.
    const ledger = await openLedger(loadConfig({ ...env, LEDGER_DB: tmp.file('check.db'), LEDGER_SEED: 'off' }));
    try {
      const appointed = (await ledger.store.readAll()).filter((e) => e.type === 'MemberAppointed');
      expect(appointed.map((e) => e.metadata.commandId).sort()).toEqual([...applied].sort());
      const versions = (await ledger.store.readStream(appointed[0]!.stream)).map((e) => e.streamVersion);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
      expect((await ledger.audit.verify()).ok).toBe(true);
    } finally {
      await ledger.close();
    }
    console.log(`two nodes on PostgreSQL: ${applied.length} applied (${appliedBy[0]!.length} via A, ${appliedBy[1]!.length} via B), statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  }, 300_000);
});

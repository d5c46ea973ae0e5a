import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import request from 'supertest';
import { COMMANDS_BY_TYPE } from '../../src/commands/command-catalogue';
import { rolesOf } from '../../src/commands/shared/command-definition';
import type { Role } from '../../src/access/roles';
import { importCommands, KALMAR_DATA_DIR } from '../../src/seed/kalmar-seed';
import { startTestApp, type TestApp } from '../support/test-app';
import { hostileValue, toJson } from './hostile-values';
import { optionalKeys, pathsIn, replaceAt, schemaArbitrary, type JsonSchema, type RefPools } from './schema-arbitrary';

/** How hard to push: `npm run soak` sets FUZZ_RUNS_SCALE=20. */
const SCALE = Number(process.env.FUZZ_RUNS_SCALE ?? '1');
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

interface CommandSchema {
  readonly type: string;
  readonly schema: JsonSchema;
}

/** Values that once answered 500 where a ref, an amount or CorrectEvent.data is expected (issue 16), and the usual hostile ones. */
const misplaced = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(null, {}, [], [{}], { name: {} }, { name: null }, { name: 'Anna Berg', slug: {} }, { unknown: {} }, { unknown: null }, { unknown: '' }, { a: {} }, { effectiveFrom: {} }, { toString: 1 }, { __proto__: { x: 1 } }) },
  { weight: 2, arbitrary: hostileValue },
);

/**
 * Issue 16, "hostile input": commands generated from the JSON schemas that GET /commands
 * publishes, for every command type, as the role that may send them; then one field made
 * hostile, an optional field sent as null, and compressed bodies that are not. Every answer
 * is below 500, every refusal is problem details, and a refused request leaves the log as it
 * was (head position and the audit digest).
 */
describe('schema-driven fuzzing of POST /commands (fast-check, seeded, real HTTP on a real SQLite file)', () => {
  let t: TestApp;
  let schemas: CommandSchema[];
  let definitions: Record<string, JsonSchema>;
  /** The envelope's metadata (source, decidedOn, decision, expectedVersion, correlationId) without commandId, which each case sets. */
  let metadataSchema: JsonSchema;
  let pools: RefPools;
  const statuses = new Map<number, number>();
  let refused = 0;
  let digestsCompared = 0;
  /** The log after the last accepted request: head position, the last chain link, and the audit digest (without its createdAt). */
  let baseline: { head: string; digest: string };

  /** Cheap, for every request: the head position and the hash-chain link recorded at it (the log is append-only by trigger). */
  const headOf = async () => {
    const position = await t.ledger.store.headPosition();
    const [last] = await t.ledger.store.readAudit({ after: position - 1, limit: 1 });
    return `${position}:${last?.link?.hash ?? ''}`;
  };
  /** The audit digest recomputes every stream's chain from the events: the proof, at ~20 ms a time on this log. */
  const digestOf = async () => {
    const { createdAt: _, ...digest } = await t.ledger.audit.digest();
    return JSON.stringify(digest);
  };
  /** The full digest for every DIGEST_EVERY-th refusal (every one under soak) and after each property. */
  const DIGEST_EVERY = process.env.SOAK ? 1 : 8;

  beforeAll(async () => {
    t = await startTestApp({ LEDGER_RATE_LIMIT: '0' });
    await importCommands(t.ledger, KALMAR_DATA_DIR, 'seed:kalmar');
    const listed = await request(t.server).get('/commands').expect(200);
    schemas = listed.body.commands as CommandSchema[];
    const { commandId: _id, ...metadataFields } = (listed.body.envelope.properties.metadata as JsonSchema).properties ?? {};
    metadataSchema = { type: 'object', properties: metadataFields };
    definitions = listed.body.definitions as Record<string, JsonSchema>;
    const events = await t.ledger.store.readAll();
    const slugs = (type: string) => [...new Set(events.filter((e) => e.type === type).map((e) => (e.data as { slug: string }).slug))];
    pools = {
      group: slugs('GroupEstablished'),
      person: slugs('PersonRegistered'),
      party: slugs('PartyRegistered'),
      grant: slugs('GrantRegistered'),
      meeting: slugs('MeetingRecorded'),
      project: slugs('ProjectStarted'),
      event: events.map((e) => e.id),
    };
    baseline = { head: await headOf(), digest: await digestOf() };
  });
  afterEach(async () => {
    // Whatever the sampling skipped: the log is still what the last accepted request left.
    expect(await digestOf()).toEqual(baseline.digest);
    digestsCompared++;
  });
  afterAll(async () => {
    console.log(`schema fuzz: ${[...statuses.values()].reduce((a, b) => a + b, 0)} requests, ${refused} refused (${digestsCompared} audit digests compared), statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}, seed ${SEED}`);
    await t.close();
  });

  const tokenFor = (type: string) => {
    const definition = COMMANDS_BY_TYPE.get(type);
    return t.auth[(definition ? rolesOf(definition)[0] : 'clerk') as Role];
  };

  /** No 5xx; a refusal is problem details and changes nothing in the log. */
  async function check(send: () => request.Test, what: () => string): Promise<void> {
    const response = await send();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    if (response.status >= 500) throw new Error(`${response.status} for ${what()}: ${response.text}`);
    if (response.status < 400) {
      baseline = { head: await headOf(), digest: await digestOf() };
      return;
    }
    refused++;
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: response.status, title: expect.any(String), type: expect.stringMatching(/^urn:decision-ledger:problem:/) });
    if (response.status === 400) expect(response.body.errors?.length).toBeGreaterThan(0);
    expect(await headOf()).toBe(baseline.head);
    if (refused % DIGEST_EVERY === 0) {
      expect(await digestOf()).toBe(baseline.digest);
      digestsCompared++;
    }
  }

  const post = (type: string, body: string, headers: Record<string, string> = {}) => () =>
    request(t.server).post('/commands').set('Authorization', tokenFor(type)).set('Content-Type', 'application/json').set(headers).send(body);

  const command = (c: CommandSchema, data: unknown, n: number, metadata: unknown = {}) => ({ type: c.type, data, metadata: { ...(metadata as object), commandId: `schema-fuzz-${c.type}-${n}` } });
  /** Mostly none; sometimes metadata drawn from the envelope's schema (a cited decision, a source, a decidedOn). */
  const metadataArbitrary = () => fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: schemaArbitrary(metadataSchema, definitions, pools) });
  const anyCommand = () => fc.constantFrom(...schemas);
  let counter = 0;

  it('lists a schema for every command type', () => {
    expect(schemas.map((s) => s.type).sort()).toEqual([...COMMANDS_BY_TYPE.keys()].sort());
  });

  it('answers commands drawn from their schemas with no 5xx, and a refusal changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyCommand().chain((c) => fc.tuple(fc.constant(c), schemaArbitrary(c.schema, definitions, pools), metadataArbitrary())),
        async ([c, data, metadata]) => {
          const body = toJson(command(c, data, counter++, metadata));
          await check(post(c.type, body), () => body);
        },
      ),
      { numRuns: 1200 * SCALE, seed: SEED },
    );
  }, 600_000);

  it('answers a command with one field made hostile (an object where a ref or an amount is expected, null, garbage) with no 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyCommand().chain((c) => fc.tuple(fc.constant(c), schemaArbitrary(c.schema, definitions, pools), metadataArbitrary(), fc.nat(), misplaced)),
        async ([c, data, metadata, pick, value]) => {
          // Any value inside data or metadata (the commandId and the type aside) may be the one made hostile.
          const whole = command(c, data, counter++, metadata);
          const paths = pathsIn({ data: whole.data, metadata: whole.metadata }).filter((path) => path.join('.') !== 'metadata.commandId');
          const body = toJson(replaceAt(whole, paths[pick % paths.length]!, value));
          await check(post(c.type, body), () => body);
        },
      ),
      { numRuns: 1500 * SCALE, seed: SEED },
    );
  }, 600_000);

  it('answers null for an optional field (e.g. StartProject.plannedEnd) with 400 naming it, or as if absent, never 5xx', async () => {
    const withOptional = () => fc.constantFrom(...schemas.filter((s) => optionalKeys(s.schema).length > 0));
    await fc.assert(
      fc.asyncProperty(
        withOptional().chain((c) => fc.tuple(fc.constant(c), schemaArbitrary(c.schema, definitions, pools), fc.constantFrom(...optionalKeys(c.schema)))),
        async ([c, data, key]) => {
          const body = toJson(command(c, { ...(data as object), [key]: null }, counter++));
          await check(post(c.type, body), () => body);
        },
      ),
      { numRuns: 300 * SCALE, seed: SEED },
    );
  }, 600_000);

  it('answers a compressed body that is not valid compressed data with 400 or 415 problem details', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('gzip', 'br', 'deflate', 'identity, gzip', 'x-gzip'), fc.uint8Array({ maxLength: 64 }), async (encoding, bytes) => {
        const response = await request(t.server).post('/commands').set('Authorization', t.auth.clerk).set('Content-Type', 'application/json').set('Content-Encoding', encoding).send(Buffer.from(bytes));
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect([400, 415]).toContain(response.status);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body).toMatchObject({ status: response.status, errors: [{ field: 'body', message: expect.any(String) }] });
        expect(await headOf()).toBe(baseline.head);
      }),
      { numRuns: 200 * SCALE, seed: SEED },
    );
  }, 600_000);

  it('reads a body that is validly compressed (over fetch: superagent mangles a pre-compressed body)', async () => {
    const url = await new Promise<string>((resolve) => {
      const server = t.server.listening ? t.server : t.server.listen(0, '127.0.0.1');
      const address = () => `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      if (server.listening) resolve(address());
      else server.once('listening', () => resolve(address()));
    });
    const compressors = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };
    for (const [encoding, compress] of Object.entries(compressors)) {
      const body = Buffer.from(JSON.stringify({ type: 'RegisterParty', data: { name: `Komprimerade kommunen ${encoding}`, kind: 'municipality' }, metadata: { commandId: `compressed-${encoding}` } }));
      const response = await fetch(`${url}/commands`, { method: 'POST', headers: { Authorization: t.auth.clerk, 'Content-Type': 'application/json', 'Content-Encoding': encoding }, body: compress(body) });
      expect({ encoding, status: response.status }).toEqual({ encoding, status: 201 });
    }
    baseline = { head: await headOf(), digest: await digestOf() };
  });

  /** The inputs issue 16 and this fuzz found answering 500, each now a 400 naming the field. */
  it.each([
    ['AppointMember', { group: 'samordnande-grupp-aldre', person: { name: {} }, effectiveFrom: '2025-03-01' }, 'data.person'],
    ['AllocateFunds', { allocation: 'a', purpose: 'p', kind: 'activity', periodFrom: '2025', periodTo: '2025', amount: { unknown: {} }, grant: 'psykisk-halsa-suicidprevention-2025', effectiveFrom: '2025-03-01' }, 'data.amount'],
    ['StartProject', { name: 'Nytt projekt', effectiveFrom: '2025', plannedEnd: null }, 'data.plannedEnd'],
    ['AppointChair', { group: 'samordnande-grupp-aldre', person: 'karin-jilken', role: 'chair', effectiveFrom: 'unknown', effectiveTo: null }, 'data.effectiveTo'],
    ['RecordAttendance', { meeting: 'lansgemensam-ledning-i-samverkan-2025-02-28', others: [[]] }, 'data.others'],
    ['RegisterGrant', { name: 'G', agreement: 'A', year: 2025, holder: 'region-kalmar-lan', received: 5, parts: [[]], effectiveFrom: '2025' }, 'data.parts'],
    ['ExtendProject', { project: 'framtidens-hab-rehab-ar-nara', until: '2027-07-10', effectiveFrom: '2025', financing: [[]] }, 'data.financing'],
    ['InvoiceSettlement', { invoice: { constructor: 'Y' }, issuer: 'monsteras-kommun', payer: 'region-kalmar-lan', amount: 1, grant: 'psykisk-halsa-suicidprevention-2024', effectiveFrom: '2024' }, 'data.invoice.constructor'],
    ['ForecastUnusedFunds', { grant: { name: {} }, amount: { unknown: [] }, effectiveFrom: null }, 'data.amount'],
    ['AmendAgendaItem', { meeting: { unknown: {} }, item: [] }, 'data.item'],
  ])('given %s with %j, answers 400 naming %s and appends nothing', async (type, data, field) => {
    const before = { head: await headOf(), digest: await digestOf() };
    const response = await request(t.server).post('/commands').set('Authorization', tokenFor(type)).send({ type, data });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect({ head: await headOf(), digest: await digestOf() }).toEqual(before);
  });

  it('given CorrectEvent whose data holds objects where the corrected fields are strings, answers 400 and appends nothing', async () => {
    const seat = (await t.ledger.store.readAll()).find((e) => e.type === 'MemberAppointed')!;
    for (const data of [{ effectiveFrom: {} }, { title: { name: {} } }, { role: null }, { representing: { unknown: {} } }]) {
      const response = await request(t.server).post('/commands').set('Authorization', t.auth.clerk).send({ type: 'CorrectEvent', data: { event: seat.id, reason: 'fuzz', data } });
      expect({ data, status: response.status }).toEqual({ data, status: 400 });
      expect(await headOf()).toBe(baseline.head);
    }
  });

  it('given a lone surrogate where a ref is looked up (RecordRatification.ratifier "\\ud800"), answers 422, not 500, and appends nothing', async () => {
    const response = await request(t.server)
      .post('/commands')
      .set('Authorization', t.auth.clerk)
      .set('Content-Type', 'application/json')
      .send(toJson({ type: 'RecordRatification', data: { item: '1', ratifier: '\ud800', ratifiedOn: '2025-01-01', meeting: 'lansgemensam-ledning-i-samverkan-2024-12-13' } }));
    expect(response.status).toBe(422);
    expect(await headOf()).toBe(baseline.head);
  });
});

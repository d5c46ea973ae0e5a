import fc from 'fast-check';
import request from 'supertest';
import { COMMANDS } from '../../src/commands/command-catalogue';
import { startTestApp, type TestApp } from '../support/test-app';
import { hostileKey, hostileString, hostileValue, toJson } from './hostile-values';

/** How hard to push: `npm run soak` sets FUZZ_RUNS_SCALE=20. */
const SCALE = Number(process.env.FUZZ_RUNS_SCALE ?? '1');

/** One valid command of each kind this slice knows, to mutate; the state they need is set up first. */
const setup = [
  { type: 'RegisterParty', data: { name: 'Borgholms kommun', kind: 'municipality' }, metadata: { commandId: 'fuzz-party' } },
  { type: 'EstablishGroup', data: { name: 'Samordnande grupp Äldre', kind: 'coordinating-group', effectiveFrom: 'unknown' }, metadata: { commandId: 'fuzz-group' } },
  { type: 'AppointMember', data: { group: 'samordnande-grupp-aldre', person: { name: 'Karin Jilkén' }, effectiveFrom: '2024-01-01' }, metadata: { commandId: 'fuzz-seat' } },
];
const templates: Record<string, unknown>[] = [
  { type: 'ReplaceMember', data: { group: 'samordnande-grupp-aldre', outgoing: 'karin-jilken', incoming: { name: 'Katarina Nilsson Ederam' }, effectiveFrom: '2025-02-28' }, metadata: { decidedOn: '2025-02-28', source: { document: 'Protokoll', item: '4' } } },
  { type: 'EndMembership', data: { group: 'samordnande-grupp-aldre', person: 'karin-jilken', effectiveFrom: '2025-03-01' } },
  { type: 'AppointChair', data: { group: 'samordnande-grupp-aldre', person: 'karin-jilken', role: 'chair', effectiveFrom: '2025-01-01', effectiveTo: '2026-12' } },
  { type: 'RecordAffiliation', data: { person: 'karin-jilken', organisation: 'borgholms-kommun', title: 'socialchef', effectiveFrom: '2025-02-28' } },
  { type: 'AppointMember', data: { group: 'samordnande-grupp-aldre', person: { name: 'Ny Person' }, representing: 'borgholms-kommun', effectiveFrom: '2025-01' } },
  { type: 'RegisterParty', data: { name: 'Nybro kommun', kind: 'municipality', aliases: ['Nybro'] } },
  { type: 'EstablishGroup', data: { name: 'Arbetsgrupp X', kind: 'working-group', parent: 'samordnande-grupp-aldre', effectiveFrom: '2025' } },
];

type Json = Record<string, unknown>;

/** Already percent-encoded, deliberately broken: bad escapes and bytes that are not UTF-8. */
const RAW_ESCAPES = fc.constantFrom('%', '%zz', '%ff%fe', '%ED%A0%80', '%00', '%C0%AF').map((raw) => ({ raw }));

/** Percent-encodes, or passes a raw escape through; a lone surrogate becomes the (invalid) UTF-8 bytes of a surrogate. */
function encode(value: string | { raw: string }): string {
  if (typeof value !== 'string') return value.raw;
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

/** Replaces, deletes or adds one field somewhere in a command, or breaks its shape. */
const mutation: fc.Arbitrary<(command: Json) => unknown> = fc.oneof(
  fc.tuple(fc.constantFrom('data', 'metadata'), fc.nat(), hostileValue).map(([part, i, value]) => (c: Json) => {
    const target = { ...((c[part] as Json) ?? {}) };
    const keys = Object.keys(target);
    if (keys.length > 0) target[keys[i % keys.length]!] = value;
    return { ...c, [part]: target };
  }),
  fc.tuple(fc.constantFrom('data', 'metadata', ''), hostileKey, hostileValue).map(([part, key, value]) => (c: Json) =>
    part === '' ? { ...c, [key]: value } : { ...c, [part]: { ...((c[part] as Json) ?? {}), [key]: value } },
  ),
  fc.tuple(fc.constantFrom('type', 'data', 'metadata'), hostileValue).map(([field, value]) => (c: Json) => ({ ...c, [field]: value })),
  fc.constantFrom('type', 'data').map((field) => (c: Json) => Object.fromEntries(Object.entries(c).filter(([k]) => k !== field))),
  fc.constant((c: Json) => [c, c]),
  hostileValue.map((value) => () => value),
);

const commandBody = fc
  .tuple(fc.constantFrom(...templates), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...'abc123-_.:') }))
  .map(([template, mutations, id]) => {
    const command = { ...template, metadata: { ...((template.metadata as Json) ?? {}), commandId: `fuzz-${id}` } };
    return mutations.reduce<unknown>((c, m) => (c && typeof c === 'object' && !Array.isArray(c) ? m(c as Json) : c), command);
  });

/** Raw bodies that are not even JSON, or JSON with bytes that are not UTF-8. */
const rawBody = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom('{', '{"type":', '[{]', 'null', '"x"', '123', '{"type":"EstablishGroup","data":{"name":"\\ud800"}}', '\u0000'),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.concat([Buffer.from('{"type":"EstablishGroup","data":{"name":"'), Buffer.from(bytes), Buffer.from('"}}')])),
);

describe('fuzzing POST /commands and every query parameter (fast-check, real HTTP)', () => {
  let t: TestApp;
  let tried = 0;
  beforeAll(async () => {
    t = await startTestApp({ LEDGER_RATE_LIMIT: '0' });
    await request(t.server).post('/commands').set('Authorization', t.auth.clerk).send(setup).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  /** Every refusal is problem details, no 5xx, and a refused request changes nothing. */
  async function check(send: () => request.Test): Promise<void> {
    tried++;
    const before = await t.ledger.store.headPosition();
    const response = await send();
    expect(response.status).toBeLessThan(500);
    if (response.status >= 400) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: response.status, title: expect.any(String), type: expect.stringMatching(/^urn:decision-ledger:problem:/) });
      if (response.status === 400) expect(response.body.errors?.length).toBeGreaterThan(0);
      expect(await t.ledger.store.headPosition()).toBe(before);
    }
  }

  it('survives thousands of mutated commands: never a 500, never a change on refusal', async () => {
    await fc.assert(
      fc.asyncProperty(commandBody, async (body) => {
        await check(() => request(t.server).post('/commands').set('Authorization', t.auth.clerk).set('Content-Type', 'application/json').send(toJson(body)));
      }),
      { numRuns: 1500 * SCALE, seed: Number(process.env.FUZZ_SEED ?? 20261122) },
    );
  }, 600_000);

  it('survives malformed and non-UTF-8 bodies', async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, async (body) => {
        await check(() => request(t.server).post('/commands').set('Authorization', t.auth.clerk).set('Content-Type', 'application/json').send(body));
      }),
      { numRuns: 300 * SCALE, seed: Number(process.env.FUZZ_SEED ?? 20261122) },
    );
  }, 600_000);

  it('survives hostile path segments and query parameters on every read', async () => {
    const segment = fc.oneof(hostileString.filter((s) => s.length < 2000), fc.constantFrom('samordnande-grupp-aldre', 'karin-jilken'));
    const reads = fc.tuple(
      fc.constantFrom(
        '/groups/:x/roster', '/groups', '/people/:x/memberships', '/people/:x', '/health', '/commands',
        '/meetings', '/meetings/:x', '/meetings/:x/protocol', '/decisions', '/export/popolo', '/export/oparl/meetings',
        '/grants', '/grants/:x/balance', '/grants/:x/reconciliation', '/grants/:x/postings', '/ledger/trial-balance', '/ledger/postings', '/projects',
        '/audit/verify', '/audit/events', '/audit/events/:x',
      ),
      segment,
      fc.dictionary(fc.constantFrom('at', 'knownAt', 'at[]', 'knownAt[$gt]', '__proto__', 'x', 'status', 'from', 'to', 'body', 'format', 'limit', 'after', 'stream', 'type', 'actor'), fc.oneof(hostileString.filter((s) => s.length < 2000), RAW_ESCAPES), { maxKeys: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(reads, async ([route, x, query]) => {
        const path = route.replace(':x', encode(x));
        const qs = Object.entries(query)
          .map(([k, v]) => `${encode(k)}=${encode(v)}`)
          .join('&');
        // The auditor's token reads everything, the raw log included.
        await check(() => request(t.server).get(qs ? `${path}?${qs}` : path).set('Authorization', t.auth.auditor));
      }),
      { numRuns: 500 * SCALE, seed: Number(process.env.FUZZ_SEED ?? 20261122) },
    );
  }, 600_000);

  it('refuses a body nested thousands of levels deep with 400 (it once answered 500)', async () => {
    const deep = `{"type":"ReplaceMember","data":{"group":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    const response = await request(t.server).post('/commands').set('Authorization', t.auth.clerk).set('Content-Type', 'application/json').send(deep).expect(400);
    expect(response.body.errors).toEqual([{ field: 'body', message: 'nests deeper than 32 levels' }]);
  });

  it('left Object.prototype clean after all of it', () => {
    expect(tried).toBeGreaterThan(2000);
    expect(Object.prototype).toEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(COMMANDS.length).toBeGreaterThan(0);
  });
});

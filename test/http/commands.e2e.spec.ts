import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

const aldre = { type: 'EstablishGroup', data: { name: 'Samordnande grupp Äldre', kind: 'coordinating-group', effectiveFrom: 'unknown' }, metadata: { commandId: 'establish-aldre' } };
const borgholm = { type: 'RegisterParty', data: { name: 'Borgholms kommun', kind: 'municipality' }, metadata: { commandId: 'party-borgholm' } };
const jilken = {
  type: 'AppointMember',
  data: { group: 'samordnande-grupp-aldre', person: { name: 'Karin Jilkén' }, effectiveFrom: 'unknown' },
  metadata: { commandId: 'appoint-jilken' },
};
const replace = {
  type: 'ReplaceMember',
  data: { group: 'samordnande-grupp-aldre', outgoing: 'karin-jilken', incoming: { name: 'Katarina Nilsson Ederam' }, title: 'verksamhetschef', effectiveFrom: '2025-02-28' },
  metadata: { commandId: 'replace-jilken', decidedOn: '2025-02-28', source: { document: 'Protokoll Länsgemensam ledning 2025-02-28', item: '4', registryNumber: 'RS DRN 2025/51' } },
};

describe('POST /commands over HTTP', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const post = (body: unknown) => request(t.server).post('/commands').set('Authorization', t.auth.clerk).send(body as object);
  const head = () => t.ledger.store.headPosition();

  it('given a group and a member, when the member is replaced, then 201 with the appended events and the roster changes from that day', async () => {
    await post([borgholm, aldre, jilken]).expect(201);
    const response = await post(replace).expect(201);

    expect(response.body.events).toHaveLength(2); // the new person is registered, then the replacement
    expect(response.body.events.map((e: { type: string }) => e.type)).toEqual(['PersonRegistered', 'MemberReplaced']);
    expect(response.body.events[1]).toEqual({
      id: expect.any(String),
      type: 'MemberReplaced',
      stream: expect.stringMatching(/^group-/),
      streamVersion: 3,
      position: expect.any(Number),
      recordedAt: '2026-01-15T09:00:00.000Z',
    });

    const before = await request(t.server).get('/groups/samordnande-grupp-aldre/roster?at=2025-02-27').expect(200);
    const after = await request(t.server).get('/groups/samordnande-grupp-aldre/roster?at=2025-02-28').expect(200);
    expect(before.body.members.map((m: { person: { name: string } }) => m.person.name)).toEqual(['Karin Jilkén']);
    expect(before.body.members[0].to).toBe('2025-02-27');
    expect(after.body.members.map((m: { person: { name: string } }) => m.person.name)).toEqual(['Katarina Nilsson Ederam']);
    expect(after.body.members[0]).toMatchObject({ from: '2025-02-28', title: 'verksamhetschef', sources: [replace.metadata.source] });
    expect(after.body.members[0].events).toContain(response.body.events[1].id);
  });

  it('answers a repeated commandId with 200 and the first events, appending nothing', async () => {
    await post([borgholm, aldre, jilken]).expect(201);
    const first = await post(replace).expect(201);
    const position = await head();
    const again = await post(replace).expect(200);
    expect(again.body.events).toEqual(first.body.events);
    expect(again.body.commands[0].status).toBe('repeated');
    expect(await head()).toBe(position);
  });

  it('refuses a commandId reused for another command with 409', async () => {
    await post(borgholm).expect(201);
    const response = await post({ ...aldre, metadata: { commandId: 'party-borgholm' } }).expect(409);
    expect(response.body).toMatchObject({ status: 409, errors: [{ field: 'metadata.commandId' }] });
  });

  it('applies a batch all or nothing: a broken rule in the last command appends nothing and names its index', async () => {
    const badReplace = { ...replace, data: { ...replace.data, outgoing: { name: 'Nobody Known' } } };
    const response = await post([borgholm, aldre, jilken, badReplace]).expect(422);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 422, rule: 'person-must-exist', errors: [{ field: '[3].data.outgoing' }] });
    expect(await head()).toBe(0);
    await request(t.server).get('/groups/samordnande-grupp-aldre/roster').expect(404);
  });

  it('answers a stale expectedVersion with 409 and appends nothing', async () => {
    await post([borgholm, aldre, jilken]).expect(201);
    const position = await head();
    const response = await post({ ...replace, metadata: { ...replace.metadata, expectedVersion: 1 } }).expect(409);
    expect(response.body).toMatchObject({ status: 409, actualVersion: 2, errors: [{ field: 'metadata.expectedVersion' }] });
    expect(await head()).toBe(position);
    await post({ ...replace, metadata: { ...replace.metadata, expectedVersion: 2 } }).expect(201);
  });

  it.each([
    ['a missing field', { type: 'AppointMember', data: { group: 'samordnande-grupp-aldre', effectiveFrom: '2025-01-01' } }, 'data.person'],
    ['a date that does not exist', { ...replace, data: { ...replace.data, effectiveFrom: '2025-02-30' } }, 'data.effectiveFrom'],
    ['"unknown" where a change needs a date', { ...replace, data: { ...replace.data, effectiveFrom: 'unknown' } }, 'data.effectiveFrom'],
    ['a wrong type', { ...aldre, data: { ...aldre.data, name: 42 } }, 'data.name'],
    ['an unknown command type', { type: 'DeleteEverything', data: {} }, 'type'],
    ['an unknown field', { ...aldre, data: { ...aldre.data, colour: 'red' } }, 'data.colour'],
    ['a forged recordedAt', { ...aldre, metadata: { recordedAt: '1999-01-01T00:00:00Z' } }, 'metadata.recordedAt'],
    ['a bad kind', { ...aldre, data: { ...aldre.data, kind: 'club' } }, 'data.kind'],
    ['a person object with extra keys', { ...jilken, data: { ...jilken.data, person: { name: 'A', email: 'a@b' } } }, 'data.person'],
    ['data that is not an object', { type: 'EstablishGroup', data: 'x' }, 'data'],
    ['a bad source field', { ...aldre, metadata: { source: { page: 3 } } }, 'metadata.source.page'],
  ])('answers %s with 400 problem details naming the field, store unchanged', async (_label, body, field) => {
    await post(borgholm).expect(201);
    const position = await head();
    const response = await post(body).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, title: expect.any(String), detail: expect.any(String) });
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await head()).toBe(position);
  });

  it('answers malformed JSON and an empty batch with 400, an oversized body with 413', async () => {
    const bad = await request(t.server).post('/commands').set('Authorization', t.auth.clerk).set('content-type', 'application/json').send('{"type": ').expect(400);
    expect(bad.body.errors[0].field).toBe('body');
    await post([]).expect(400);
    const huge = { ...aldre, data: { ...aldre.data, name: 'x'.repeat(2_000_000) } };
    const tooLarge = await post(huge).expect(413);
    expect(tooLarge.body.status).toBe(413);
    expect(await head()).toBe(0);
  });

  it.each([
    ['an unknown group', { ...jilken, metadata: { commandId: 'x1' }, data: { ...jilken.data, group: 'no-such-group' } }, 'group-must-exist', 'data.group'],
    ['an unknown person slug', { ...replace, data: { ...replace.data, outgoing: 'no-such-person' } }, 'person-must-exist', 'data.outgoing'],
    ['an unknown party', { ...jilken, metadata: { commandId: 'x2' }, data: { ...jilken.data, person: { name: 'Ny Person' }, representing: 'no-such-party' } }, 'party-must-exist', 'data.representing'],
    ['a second seat for the same person', { ...jilken, metadata: { commandId: 'again' }, data: { ...jilken.data, effectiveFrom: '2025-01-01' } }, 'no-double-seat', 'data.person'],
  ])('answers %s with 422 naming the rule and field, store unchanged', async (_label, body, rule, field) => {
    await post([borgholm, aldre, jilken]).expect(201);
    const position = await head();
    const response = await post(body).expect(422);
    expect(response.body).toMatchObject({ status: 422, rule, errors: [{ field }] });
    expect(await head()).toBe(position);
  });

  it('lists every command type with its JSON schema', async () => {
    const response = await request(t.server).get('/commands').expect(200);
    const types = response.body.commands.map((c: { type: string }) => c.type);
    expect(types).toEqual(expect.arrayContaining(['EstablishGroup', 'AppointMember', 'ReplaceMember', 'EndMembership', 'AppointChair', 'RecordAffiliation', 'RegisterParty']));
    const replaceSchema = response.body.commands.find((c: { type: string }) => c.type === 'ReplaceMember').schema;
    expect(replaceSchema.required).toEqual(expect.arrayContaining(['group', 'outgoing', 'incoming', 'effectiveFrom']));
  });

  it('serves the OpenAPI document at /api-docs', async () => {
    const response = await request(t.server).get('/api-docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/commands', '/groups', '/groups/{group}/roster']));
  });
});

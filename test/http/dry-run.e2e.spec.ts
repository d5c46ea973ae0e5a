import request from 'supertest';
import { grantCommand, PARTIES } from '../support/finance-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const aldre = { type: 'EstablishGroup', data: { name: 'Samordnande grupp Äldre', kind: 'coordinating-group', effectiveFrom: 'unknown' }, metadata: { commandId: 'establish-aldre' } };
const borgholm = { type: 'RegisterParty', data: { name: 'Borgholms kommun', kind: 'municipality' }, metadata: { commandId: 'party-borgholm' } };
const jilken = {
  type: 'AppointMember',
  data: { group: 'samordnande-grupp-aldre', person: { name: 'Karin Jilkén' }, effectiveFrom: 'unknown' },
  metadata: { commandId: 'appoint-jilken' },
};
const replace = (commandId: string, outgoing: unknown) => ({
  type: 'ReplaceMember',
  data: { group: 'samordnande-grupp-aldre', outgoing, incoming: { name: 'Katarina Nilsson Ederam' }, title: 'verksamhetschef', effectiveFrom: '2025-02-28' },
  metadata: { commandId, decidedOn: '2025-02-28' },
});
const appointTo = (group: string, commandId: string) => ({ type: 'AppointMember', data: { group, person: { name: 'Per Persson' }, effectiveFrom: '2025-01-01' }, metadata: { commandId } });

describe('POST /commands?dryRun=true', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const post = (body: unknown, query = '', auth = t.auth.clerk) => request(t.server).post(`/commands${query}`).set('Authorization', auth).send(body as object);
  const dryRun = (body: unknown, auth?: string) => post(body, '?dryRun=true', auth);
  const head = () => t.ledger.store.headPosition();

  it('given an empty ledger, when a batch is dry-run, then 200 lists the events it would append, each deciding on the ones before, and the log stays empty', async () => {
    const response = await dryRun([borgholm, aldre, jilken]).expect(200);

    expect(response.body).toMatchObject({ dryRun: true, ok: true, violations: [] });
    // In the order a real append writes them: stream by stream, in the order each stream was first written.
    expect(response.body.events.map((e: { type: string }) => e.type)).toEqual(['PartyRegistered', 'GroupEstablished', 'MemberAppointed', 'PersonRegistered']);
    expect(response.body.events[2]).toMatchObject({
      type: 'MemberAppointed',
      stream: expect.stringMatching(/^group-/),
      streamVersion: 2,
      data: expect.objectContaining({ role: 'member', personId: expect.any(String) }),
      metadata: expect.objectContaining({ commandId: 'appoint-jilken', commandType: 'AppointMember' }),
    });
    expect(response.body.commands.map((c: { status: string }) => c.status)).toEqual(['would-apply', 'would-apply', 'would-apply']);
    expect(await head()).toBe(0);
    const audit = await request(t.server).get('/audit/events').set('Authorization', t.auth.auditor).expect(200);
    expect(JSON.stringify(audit.body)).not.toContain('appoint-jilken');
    await request(t.server).get('/groups/samordnande-grupp-aldre/roster').expect(404);
  });

  it('when the same batch is then sent for real, it appends exactly the events the dry run listed', async () => {
    const dry = await dryRun([borgholm, aldre, jilken]).expect(200);
    const real = await post([borgholm, aldre, jilken]).expect(201);
    const pick = (e: { id: string; type: string; stream: string; streamVersion: number }) => ({ id: e.id, type: e.type, stream: e.stream, streamVersion: e.streamVersion });
    expect(dry.body.events.map(pick)).toEqual(real.body.events.map(pick));
  });

  it('given two bad commands in a batch, lists both violations with their batch index and field, and still decides the good ones', async () => {
    await post([borgholm, aldre, jilken]).expect(201);
    const position = await head();

    const response = await dryRun([appointTo('no-such-group', 'bad-1'), replace('good', 'karin-jilken'), replace('bad-2', { name: 'Nobody Known' })]).expect(200);

    expect(response.body.ok).toBe(false);
    expect(response.body.violations).toHaveLength(2);
    expect(response.body.violations[0]).toMatchObject({ status: 422, index: 0, commandId: 'bad-1', type: expect.stringMatching(/^urn:decision-ledger:problem:/), errors: [{ field: '[0].data.group' }] });
    expect(response.body.violations[1]).toMatchObject({ status: 422, index: 2, commandId: 'bad-2', rule: 'person-must-exist', errors: [{ field: '[2].data.outgoing' }] });
    expect(response.body.commands.map((c: { status: string }) => c.status)).toEqual(['refused', 'would-apply', 'refused']);
    // The refused commands' staged events were rolled back: only the good replacement remains.
    expect(response.body.events.map((e: { metadata: { commandId: string } }) => e.metadata.commandId)).toEqual(['good', 'good']);
    expect(response.body.events.map((e: { type: string }) => e.type)).toEqual(['PersonRegistered', 'MemberReplaced']);
    expect(await head()).toBe(position);
  });

  it('decides a later command against the state left by an earlier one: replacing the same person twice is refused the second time', async () => {
    await post([borgholm, aldre, jilken]).expect(201);
    const response = await dryRun([replace('first', 'karin-jilken'), replace('second', 'karin-jilken')]).expect(200);
    expect(response.body.commands.map((c: { status: string }) => c.status)).toEqual(['would-apply', 'refused']);
    expect(response.body.violations).toMatchObject([{ index: 1, commandId: 'second' }]);
  });

  it('reports a commandId applied before as repeated, with the events it appended then, and lists nothing to append for it', async () => {
    const first = await post([borgholm, aldre]).expect(201);
    const position = await head();

    const response = await dryRun([borgholm, jilken]).expect(200);

    expect(response.body.commands[0]).toMatchObject({ commandId: 'party-borgholm', status: 'repeated', events: [{ id: first.body.events[0].id, position: first.body.events[0].position }] });
    expect(response.body.commands[1]).toMatchObject({ commandId: 'appoint-jilken', status: 'would-apply' });
    expect(response.body.events.map((e: { metadata: { commandId: string } }) => e.metadata.commandId)).toEqual(['appoint-jilken', 'appoint-jilken']);
    expect(await head()).toBe(position);
  });

  it('answers a dry run of a single command with index 0 and unprefixed fields', async () => {
    const response = await dryRun(appointTo('no-such-group', 'lonely')).expect(200);
    expect(response.body).toMatchObject({ ok: false, events: [], violations: [{ index: 0, errors: [{ field: 'data.group' }] }] });
  });

  it.each(['maybe', '', 'TRUE', '1'])('refuses dryRun=%p with 400 naming dryRun, appending nothing', async (value) => {
    const response = await post([borgholm], `?dryRun=${value}`).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, errors: [{ field: 'dryRun' }] });
    expect(await head()).toBe(0);
  });

  it('still refuses a malformed batch with 400 (nothing to decide)', async () => {
    const response = await dryRun([{ ...aldre, data: { kind: 'coordinating-group' } }]).expect(400);
    expect(response.body.errors[0].field).toMatch(/^\[0\]\.data/);
  });

  it('with dryRun=false writes for real', async () => {
    await post([borgholm], '?dryRun=false').expect(201);
    expect(await head()).toBe(1);
  });

  it('asks the same role as a real write: a clerk cannot dry-run a finance command (403), finance can; no token is 401', async () => {
    const refused = await dryRun([...PARTIES, grantCommand()]).expect(403);
    expect(refused.body).toMatchObject({ status: 403, errors: [{ field: '[2].type' }] });
    const asFinance = await dryRun([grantCommand()], t.auth.finance).expect(200);
    expect(asFinance.body.ok).toBe(false); // the holder party is not registered yet
    await request(t.server).post('/commands?dryRun=true').send(borgholm).expect(401);
    await dryRun(borgholm, t.auth.auditor).expect(403);
    expect(await head()).toBe(0);
  });
});

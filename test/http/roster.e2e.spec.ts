import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

describe('Reading rosters and histories over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const post = (body: unknown) => request(t.server).post('/commands').set('Authorization', t.auth.clerk).send(body as object).expect(201);
    await post([
      { type: 'RegisterParty', data: { name: 'Region Kalmar län', kind: 'region', aliases: ['RKL'] }, metadata: { commandId: 'p1' } },
      { type: 'EstablishGroup', data: { name: 'Länsgemensam ledning i samverkan', kind: 'leadership', effectiveFrom: 'unknown' }, metadata: { commandId: 'g1' } },
      { type: 'EstablishGroup', data: { name: 'Samordnande grupp Psykisk hälsa', kind: 'coordinating-group', parent: 'lansgemensam-ledning-i-samverkan', effectiveFrom: 'unknown' }, metadata: { commandId: 'g2' } },
      { type: 'AppointMember', data: { group: 'samordnande-grupp-psykisk-halsa', person: { name: 'Lena Nordström Hellberg' }, field: 'hab/rehab', effectiveFrom: 'unknown' }, metadata: { commandId: 'm1' } },
      { type: 'AppointChair', data: { group: 'lansgemensam-ledning-i-samverkan', person: { name: 'Sofia Hartz' }, role: 'chair', effectiveFrom: '2025-01-01', effectiveTo: '2026-12' }, metadata: { commandId: 'c1' } },
      { type: 'RecordAffiliation', data: { person: 'sofia-hartz', organisation: 'rkl', title: 'planeringsdirektör', effectiveFrom: '2024-12-13' }, metadata: { commandId: 'a1' } },
    ]);
    t.clock.set('2026-02-01T10:00:00.000Z');
    await post({
      type: 'ReplaceMember',
      data: { group: 'samordnande-grupp-psykisk-halsa', outgoing: 'lena-nordstrom-hellberg', incoming: { name: 'Sam Nordström' }, effectiveFrom: '2025-05-16' },
      metadata: { commandId: 'r1' },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists groups with id, slug, name and kind', async () => {
    const response = await request(t.server).get('/groups').expect(200);
    expect(response.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: expect.any(String), slug: 'samordnande-grupp-psykisk-halsa', name: 'Samordnande grupp Psykisk hälsa', kind: 'coordinating-group' })]),
    );
  });

  it('answers by id as well as by slug', async () => {
    const groups = (await request(t.server).get('/groups').expect(200)).body as { id: string; slug: string }[];
    const id = groups.find((g) => g.slug === 'samordnande-grupp-psykisk-halsa')!.id;
    const byId = await request(t.server).get(`/groups/${id}/roster?at=2025-06-01`).expect(200);
    expect(byId.body.members[0].person.name).toBe('Sam Nordström');
  });

  it('takes the seat over: the incoming member keeps the field of the seat', async () => {
    const response = await request(t.server).get('/groups/samordnande-grupp-psykisk-halsa/roster?at=2025-06-01').expect(200);
    expect(response.body.members).toEqual([expect.objectContaining({ person: expect.objectContaining({ slug: 'sam-nordstrom' }), field: 'hab/rehab', from: '2025-05-16', to: null })]);
  });

  it('shows what the ledger believed at knownAt: before the replacement was recorded, Lena still sat', async () => {
    const response = await request(t.server).get('/groups/samordnande-grupp-psykisk-halsa/roster?at=2025-06-01&knownAt=2026-01-20T00:00:00Z').expect(200);
    expect(response.body.knownAt).toBe('2026-01-20T00:00:00.000Z');
    expect(response.body.members.map((m: { person: { name: string } }) => m.person.name)).toEqual(['Lena Nordström Hellberg']);
    expect(response.body.members[0]).toMatchObject({ from: null, fromPrecision: 'unknown', to: null, uncertain: true });
  });

  it('shows the chair with title and employer from the affiliation, resolving a party alias', async () => {
    const response = await request(t.server).get('/groups/lansgemensam-ledning-i-samverkan/roster?at=2026-03-12').expect(200);
    expect(response.body.members).toEqual([
      expect.objectContaining({ role: 'chair', title: 'planeringsdirektör', organisation: expect.objectContaining({ slug: 'region-kalmar-lan' }), from: '2025-01-01', to: '2026-12', toPrecision: 'month' }),
    ]);
    const after = await request(t.server).get('/groups/lansgemensam-ledning-i-samverkan/roster?at=2027-01-01').expect(200);
    expect(after.body.members).toEqual([]);
  });

  it("gives a person's whole history", async () => {
    const response = await request(t.server).get('/people/lena-nordstrom-hellberg/memberships').expect(200);
    expect(response.body.memberships).toEqual([expect.objectContaining({ group: expect.objectContaining({ slug: 'samordnande-grupp-psykisk-halsa' }), to: '2025-05-15', field: 'hab/rehab' })]);
    const sofia = await request(t.server).get('/people/sofia-hartz/memberships').expect(200);
    expect(sofia.body.chairs).toHaveLength(1);
    expect(sofia.body.affiliations).toEqual([expect.objectContaining({ title: 'planeringsdirektör', from: '2024-12-13' })]);
  });

  it.each([
    ['/groups/no-such-group/roster', 404, 'group'],
    ['/people/no-such-person/memberships', 404, 'person'],
    ['/groups/samordnande-grupp-psykisk-halsa/roster?at=2025-02-30', 400, 'at'],
    ['/groups/samordnande-grupp-psykisk-halsa/roster?at=yesterday', 400, 'at'],
    ['/groups/samordnande-grupp-psykisk-halsa/roster?knownAt=soon', 400, 'knownAt'],
    ['/groups?knownAt=2025-13-01', 400, 'knownAt'],
  ])('answers %s with %i problem details naming %s', async (url, status, field) => {
    const response = await request(t.server).get(url).expect(status);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors[0].field).toBe(field);
  });
});

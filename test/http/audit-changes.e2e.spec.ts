import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

/** "What changed between K1 and K2?" over real HTTP: the facts recorded in a window, and what a correction changed. */
describe('GET /audit/changes', () => {
  let t: TestApp;
  const write = (body: object) => request(t.server).post('/commands').set('Authorization', t.auth.clerk).send(body).expect(201);
  const changes = (query: string) => request(t.server).get(`/audit/changes?${query}`).set('Authorization', t.auth.auditor);
  let before: string;

  beforeEach(async () => {
    t = await startTestApp();
    await write({ type: 'RegisterParty', data: { name: 'Kalmar kommun', kind: 'municipality' }, metadata: { commandId: 'p1' } });
    await write({ type: 'EstablishGroup', data: { name: 'Samordnande grupp Äldre', kind: 'coordinating-group', effectiveFrom: '2024-01-01' }, metadata: { commandId: 'g1' } });
    await write({
      type: 'AppointMember',
      data: { group: 'samordnande-grupp-aldre', person: { name: 'Karin Jilkén' }, representing: 'kalmar-kommun', field: 'hemtjänst', effectiveFrom: '2025-01-01' },
      metadata: { commandId: 'a1' },
    });
    t.clock.advance(24 * 3600_000);
    before = new Date(t.clock.now().getTime() - 1000).toISOString();
  });
  afterEach(() => t.close());

  it('given three decisions recorded, when asked for their window, then each is the fact it states, in Swedish, by part of the record', async () => {
    const response = await changes(`to=${before}`).expect(200);
    expect(response.body.changes.map((c: { fact: string }) => c.fact)).toEqual([
      'Organisationen Kalmar kommun förs in i registret',
      'Gruppen Samordnande grupp Äldre inrättas från 2024-01-01',
      'Karin Jilkén förs in i registret',
      'Karin Jilkén blir ledamot i Samordnande grupp Äldre (hemtjänst, Kalmar kommun) från 2025-01-01',
    ]);
    expect(response.body).toMatchObject({ corrections: 0, byArea: { organisationer: 1, grupper: 2, personer: 1 }, next: null });
  });

  it('given a correction recorded after K1, when asked from K1, then only the correction, with the fact before, after and the field it changed', async () => {
    const appointed = (await request(t.server).get('/audit/events?type=MemberAppointed').set('Authorization', t.auth.auditor).expect(200)).body.events[0];
    await write({ type: 'CorrectEvent', data: { event: appointed.id, reason: 'Fel verksamhet i protokollet', data: { field: 'äldreomsorg' } }, metadata: { commandId: 'c1' } });

    const response = await changes(`from=${before}`).expect(200);
    expect(response.body).toMatchObject({ corrections: 1, byArea: { grupper: 1 } });
    expect(response.body.changes).toHaveLength(1);
    const [change] = response.body.changes;
    expect(change.fact).toBe(
      'Rättar: Karin Jilkén blir ledamot i Samordnande grupp Äldre (hemtjänst, Kalmar kommun) från 2025-01-01 → Karin Jilkén blir ledamot i Samordnande grupp Äldre (äldreomsorg, Kalmar kommun) från 2025-01-01 (skäl: Fel verksamhet i protokollet)',
    );
    expect(change.correction).toEqual({
      targetEventId: appointed.id,
      targetType: 'MemberAppointed',
      reason: 'Fel verksamhet i protokollet',
      targetRecordedAt: appointed.recordedAt,
      before: 'Karin Jilkén blir ledamot i Samordnande grupp Äldre (hemtjänst, Kalmar kommun) från 2025-01-01',
      after: 'Karin Jilkén blir ledamot i Samordnande grupp Äldre (äldreomsorg, Kalmar kommun) från 2025-01-01',
      fields: [{ path: 'field', before: 'hemtjänst', after: 'äldreomsorg' }],
    });
  });

  it('given a revocation, then the fact it withdrew and no after', async () => {
    const appointed = (await request(t.server).get('/audit/events?type=MemberAppointed').set('Authorization', t.auth.auditor).expect(200)).body.events[0];
    await write({ type: 'RevokeEvent', data: { event: appointed.id, reason: 'Registrerad av misstag' }, metadata: { commandId: 'r1' } });
    const [change] = (await changes(`from=${before}`).expect(200)).body.changes;
    expect(change.fact).toBe('Återkallar: Karin Jilkén blir ledamot i Samordnande grupp Äldre (hemtjänst, Kalmar kommun) från 2025-01-01 (skäl: Registrerad av misstag)');
    expect(change.correction).toMatchObject({ before: expect.stringContaining('Karin Jilkén'), after: null, fields: [] });
  });

  it('answers bad windows with 400 naming the field, needs an auditor, and changes nothing', async () => {
    const head = await t.ledger.store.headPosition();
    for (const [query, field] of [['from=yesterday', 'from'], ['to=2025-02-30', 'to'], ['limit=0', 'limit']]) {
      const response = await changes(query!).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    await request(t.server).get('/audit/changes').set('Authorization', t.auth.clerk).expect(403);
    expect(await t.ledger.store.headPosition()).toBe(head);
  });
});

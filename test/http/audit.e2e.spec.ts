import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { newEvent } from '../support/fixtures';

/** The auditor's API over real HTTP. Open for now: the auditor role arrives with issue 7. */
describe('/audit', () => {
  let t: TestApp;
  const write = (body: object) => request(t.server).post('/commands').set('Authorization', t.auth.clerk).send(body).expect(201);

  beforeEach(async () => {
    t = await startTestApp();
    await write({ type: 'RegisterParty', data: { name: 'Kalmar kommun', kind: 'municipality' }, metadata: { commandId: 'p1' } });
    t.clock.advance(60_000);
    await write({
      type: 'EstablishGroup',
      data: { name: 'Samordnande grupp Äldre', kind: 'coordinating-group', effectiveFrom: '2024-01-01' },
      metadata: { commandId: 'g1', source: { document: 'Protokoll LGL 2024-01-01', item: '3' } },
    });
    t.clock.advance(60_000);
    await write({ type: 'AppointMember', data: { group: 'samordnande-grupp-aldre', person: { name: 'Karin Jilkén' }, effectiveFrom: '2025-01-01' }, metadata: { commandId: 'a1' } });
  });
  afterEach(() => t.close());

  it('GET /audit/verify recomputes every chain', async () => {
    const response = await request(t.server).get('/audit/verify').set('Authorization', t.auth.auditor).expect(200);
    expect(response.body).toMatchObject({ ok: true, problems: [], events: await t.ledger.store.headPosition() });
  });

  it('GET /audit/events pages through the log with a cursor, and filters', async () => {
    const head = await t.ledger.store.headPosition();
    const first = await request(t.server).get('/audit/events?limit=2').set('Authorization', t.auth.auditor).expect(200);
    expect(first.body.events.map((e: { position: number }) => e.position)).toEqual([1, 2]);
    expect(first.body.events[0]).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), prevHash: '0'.repeat(64), actor: expect.any(String) });
    expect(first.body.next).toBe(2);
    const all: number[] = [1, 2];
    for (let next = first.body.next; next !== null; ) {
      const page = await request(t.server).get(`/audit/events?limit=2&after=${next}`).set('Authorization', t.auth.auditor).expect(200);
      all.push(...page.body.events.map((e: { position: number }) => e.position));
      next = page.body.next;
    }
    expect(all).toEqual(Array.from({ length: head }, (_, i) => i + 1));

    const groups = await request(t.server).get('/audit/events?type=GroupEstablished').set('Authorization', t.auth.auditor).expect(200);
    expect(groups.body).toMatchObject({ events: [{ type: 'GroupEstablished' }], next: null });
    const stream = groups.body.events[0].stream;
    const inStream = await request(t.server).get(`/audit/events?stream=${stream}`).set('Authorization', t.auth.auditor).expect(200);
    expect(inStream.body.events.map((e: { type: string }) => e.type)).toEqual(['GroupEstablished', 'MemberAppointed']);
    const late = await request(t.server).get('/audit/events?from=2026-01-15T09:02:00Z').set('Authorization', t.auth.auditor).expect(200);
    expect(late.body.events.every((e: { recordedAt: string }) => e.recordedAt >= '2026-01-15T09:02:00.000Z')).toBe(true);
    expect(late.body.events.length).toBeGreaterThan(0);
    const early = await request(t.server).get('/audit/events?to=2026-01-15T09:00:30Z').set('Authorization', t.auth.auditor).expect(200);
    expect(early.body.events.map((e: { type: string }) => e.type)).toEqual(['PartyRegistered']);
    const nobody = await request(t.server).get('/audit/events?actor=nobody').set('Authorization', t.auth.auditor).expect(200);
    expect(nobody.body).toEqual({ events: [], next: null });
  });

  it('GET /audit/events answers bad filters with 400 naming the field, and changes nothing', async () => {
    const head = await t.ledger.store.headPosition();
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['after=-1', 'after'],
      ['after=abc', 'after'],
      ['from=yesterday', 'from'],
      ['to=2025-02-30', 'to'],
      ['colour=red', 'colour'],
      ['type=A&type=B', 'type'],
    ]) {
      const response = await request(t.server).get(`/audit/events?${query}`).set('Authorization', t.auth.auditor).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    expect(await t.ledger.store.headPosition()).toBe(head);
  });

  it('GET /audit/events/:id shows the chain link, the source and the events that corrected it', async () => {
    const groups = await request(t.server).get('/audit/events?type=GroupEstablished').set('Authorization', t.auth.auditor).expect(200);
    const target = groups.body.events[0];
    // The correction commands are built in parallel (issue 3): append the correction events directly.
    const version = (await t.ledger.store.readStream(target.stream)).length;
    t.clock.advance(60_000);
    const revoked = newEvent('EventCorrected', { targetEventId: target.id, targetType: 'GroupEstablished', reason: 'misspelt name', correctedData: { name: 'Samordnande grupp äldre' } });
    const unrelated = newEvent('EventRevoked', { targetEventId: '00000000-0000-4000-8000-000000000000', targetType: 'MemberAppointed', reason: 'other' });
    await t.ledger.store.append([{ stream: target.stream, expectedVersion: version, events: [revoked, unrelated] }]);

    const response = await request(t.server).get(`/audit/events/${target.id}`).set('Authorization', t.auth.auditor).expect(200);
    expect(response.body).toMatchObject({
      event: { id: target.id, type: 'GroupEstablished', position: target.position },
      chain: { hash: target.hash, prevHash: '0'.repeat(64), verified: true, problem: null },
      source: { document: 'Protokoll LGL 2024-01-01', item: '3' },
      decision: null,
      correctedBy: [{ id: revoked.id, type: 'EventCorrected', reason: 'misspelt name', correctedData: { name: 'Samordnande grupp äldre' }, recordedAt: '2026-01-15T09:03:00.000Z' }],
    });
  });

  it('GET /audit/events/:id answers an unknown id with 404', async () => {
    const response = await request(t.server).get('/audit/events/no-such-event').set('Authorization', t.auth.auditor).expect(404);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
  });
});

describe('the audit API needs an auditor', () => {
  it('refuses no token (401) and every other role (403)', async () => {
    const t = await startTestApp();
    try {
      await request(t.server).get('/audit/verify').expect(401);
      for (const role of ['clerk', 'finance', 'reader', 'admin'] as const) {
        const response = await request(t.server).get('/audit/events').set('Authorization', t.auth[role]).expect(403);
        expect(response.body.status).toBe(403);
      }
      await request(t.server).get('/audit/verify').set('Authorization', t.auth.auditor).expect(200);
    } finally {
      await t.close();
    }
  });
});

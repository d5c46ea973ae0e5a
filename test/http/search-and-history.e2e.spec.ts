import request from 'supertest';
import { importCommands, KALMAR_DATA_DIR } from '../../src/seed/kalmar-seed';
import { startTestApp, type TestApp } from '../support/test-app';

/** The two queries the web pages added, on the JSON API too (one read path for page and API). */
describe('GET /search and GET /groups/:group/history on the Kalmar data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2025-12-01T10:00:00.000Z');
    await importCommands(t.ledger, KALMAR_DATA_DIR, 'test:kalmar');
  }, 120_000);
  afterAll(() => t?.close());

  it('given "jilken", finds the person Karin Jilkén and the decision that replaced her', async () => {
    const res = await request(t.server).get('/search').query({ q: 'jilken' }).expect(200);
    expect(res.body.hits).toEqual(
      expect.arrayContaining([
        { kind: 'person', slug: 'karin-jilken', label: 'Karin Jilkén' },
        expect.objectContaining({ kind: 'decision', slug: 'lansgemensam-ledning-i-samverkan-2025-02-28' }),
      ]),
    );
  });

  it('given a knownAt before the record was entered, finds nothing', async () => {
    const res = await request(t.server).get('/search').query({ q: 'jilken', knownAt: '2025-11-01T00:00:00Z' }).expect(200);
    expect(res.body.hits).toEqual([]);
  });

  it('given a bad knownAt or an over-long q, answers 400 naming the field', async () => {
    const bad = await request(t.server).get('/search').query({ q: 'x', knownAt: 'yesterday' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('knownAt');
    const long = await request(t.server).get('/search').query({ q: 'x'.repeat(201) }).expect(400);
    expect(JSON.stringify(long.body)).toContain('"q"');
  });

  it('gives every term of samordnande grupp äldre, and Jilkén\'s end with the 2025-02-28 decision', async () => {
    const res = await request(t.server).get('/groups/samordnande-grupp-aldre/history').expect(200);
    const jilken = res.body.terms.find((term: { person: { slug: string } }) => term.person.slug === 'karin-jilken');
    expect(jilken).toMatchObject({ kind: 'seat', to: '2025-02-27', fromPrecision: 'unknown' });
    const left = res.body.changes.find((c: { person: { slug: string }; change: string }) => c.person.slug === 'karin-jilken' && c.change === 'left');
    expect(left.decision).toMatchObject({ meeting: 'lansgemensam-ledning-i-samverkan-2025-02-28', date: '2025-02-28' });
    const joined = res.body.changes.find((c: { person: { slug: string }; change: string }) => c.person.slug === 'katarina-nilsson-ederam' && c.change === 'joined');
    expect(joined).toMatchObject({ date: '2025-02-28', decision: { meeting: 'lansgemensam-ledning-i-samverkan-2025-02-28' } });
  });

  it('answers 404 for an unknown group', async () => {
    await request(t.server).get('/groups/no-such-group/history').expect(404);
  });
});

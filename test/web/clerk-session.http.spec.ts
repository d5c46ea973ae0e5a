import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

const secret = (header: string) => header.replace(/^Bearer /, '');
const csrfOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
const commandIdOf = (page: string) => /name="commandId" value="([^"]+)"/.exec(page)?.[1] ?? '';

/** The clerk's sign-in over plain HTTP on a real server and SQLite file: the cookie, CSRF, revocation, roles. */
describe('clerk sign-in and session', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await request(t.server)
      .post('/commands')
      .set('Authorization', t.auth.clerk)
      .send([
        { type: 'EstablishGroup', data: { name: 'Samordnande grupp Äldre', kind: 'coordinating-group', effectiveFrom: '2024-01-01' }, metadata: { commandId: 'g1' } },
        { type: 'AppointMember', data: { group: 'samordnande-grupp-aldre', person: { name: 'Karin Jilkén' }, effectiveFrom: '2024-01-01' }, metadata: { commandId: 'm1' } },
      ])
      .expect(201);
  });
  afterAll(() => t.close());

  function signIn(token: string) {
    return request(t.server).post('/logga-in').type('form').send({ token, next: '/registrera/ersatt-ledamot' });
  }

  async function signedInAgent(token = secret(t.auth.clerk)) {
    const agent = request.agent(t.server);
    await agent.post('/logga-in').type('form').send({ token, next: '/registrera' }).expect(303);
    return agent;
  }

  async function eventCount() {
    return (await t.ledger.store.readAll()).length;
  }

  it('given a clerk token, when signing in, then the cookie is a random session id, HttpOnly, SameSite=Strict, Path=/, 8 h', async () => {
    const res = await signIn(secret(t.auth.clerk)).expect(303);
    expect(res.headers.location).toBe('/registrera/ersatt-ledamot');
    const cookie = (res.headers['set-cookie'] as unknown as string[])[0]!;
    expect(cookie).toMatch(/^ledger_clerk=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/;');
    expect(cookie).toContain('Max-Age=28800');
    expect(cookie).not.toContain('Secure');
    expect(cookie).not.toContain(encodeURIComponent(secret(t.auth.clerk)));
    expect(cookie).not.toContain(secret(t.auth.clerk));
  });

  it('given an https request (behind a proxy that says so), when signing in, then the cookie is Secure', async () => {
    t.app.getHttpAdapter().getInstance().set('trust proxy', 'loopback');
    try {
      const res = await request(t.server).post('/logga-in').set('X-Forwarded-Proto', 'https').type('form').send({ token: secret(t.auth.clerk) }).expect(303);
      expect((res.headers['set-cookie'] as unknown as string[])[0]).toContain('; Secure');
    } finally {
      t.app.getHttpAdapter().getInstance().set('trust proxy', false);
    }
  });

  it('given a wrong token, when signing in, then 401 with the Swedish sign-in page and no cookie', async () => {
    const res = await signIn('ldg_not-a-token').expect(401);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.text).toContain('Nyckeln är okänd eller återkallad');
  });

  it('given an auditor (or finance or reader) token, when signing in, then it is refused for writing: 403, no cookie', async () => {
    for (const role of ['auditor', 'finance', 'reader'] as const) {
      const res = await signIn(secret(t.auth[role])).expect(403);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.text).toContain('får inte registrera beslut');
    }
  });

  it('given no session, when opening a form, then it redirects to the sign-in with the way back', async () => {
    const res = await request(t.server).get('/registrera/ersatt-ledamot').expect(303);
    expect(res.headers.location).toBe('/logga-in?next=%2Fregistrera%2Fersatt-ledamot');
    const page = await request(t.server).get('/logga-in?next=%2Fregistrera%2Fersatt-ledamot').expect(200);
    expect(page.text).toContain('value="/registrera/ersatt-ledamot"');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('given a next pointing elsewhere, when signing in, then it goes to /registrera (no open redirect)', async () => {
    const res = await request(t.server).post('/logga-in').type('form').send({ token: secret(t.auth.clerk), next: '//evil.example/registrera' }).expect(303);
    expect(res.headers.location).toBe('/registrera');
  });

  it('given a session, when posting a form without the CSRF field or with a wrong one, then 403 in Swedish and nothing appended', async () => {
    const agent = await signedInAgent();
    const form = await agent.get('/registrera/avsluta-uppdrag').expect(200);
    const before = await eventCount();
    const fields = { group: 'samordnande-grupp-aldre', person: 'Karin Jilkén', effectiveFrom: '2025-03-01', commandId: commandIdOf(form.text), action: 'spara' };
    const missing = await agent.post('/registrera/avsluta-uppdrag').type('form').send(fields).expect(403);
    expect(missing.text).toContain('saknade sin säkerhetskod');
    await agent.post('/registrera/avsluta-uppdrag').type('form').send({ ...fields, _csrf: `${csrfOf(form.text).slice(0, -1)}x` }).expect(403);
    expect(await eventCount()).toBe(before);
  });

  it('given a session and its CSRF field, when the post comes from another origin, then 403 and nothing appended', async () => {
    const agent = await signedInAgent();
    const form = await agent.get('/registrera/avsluta-uppdrag').expect(200);
    const before = await eventCount();
    await agent
      .post('/registrera/avsluta-uppdrag')
      .set('Origin', 'https://evil.example')
      .type('form')
      .send({ _csrf: csrfOf(form.text), group: 'samordnande-grupp-aldre', person: 'Karin Jilkén', effectiveFrom: '2025-03-01', action: 'spara' })
      .expect(403);
    expect(await eventCount()).toBe(before);
  });

  it('given a session, when the form is sent with its CSRF field, then it is recorded by the signed-in clerk', async () => {
    const agent = await signedInAgent();
    const form = await agent.get('/registrera/tillsatt-ledamot').expect(200);
    const res = await agent
      .post('/registrera/tillsatt-ledamot')
      .set('Host', 'ledger.example')
      .set('Origin', 'http://ledger.example')
      .type('form')
      .send({ _csrf: csrfOf(form.text), commandId: commandIdOf(form.text), group: 'Samordnande grupp Äldre', person: 'Per Persson', effectiveFrom: '3 mars 2025', action: 'spara' })
      .expect(201);
    expect(res.text).toContain('Sparat i händelseloggen');
    const appointed = (await t.ledger.store.readAll()).find((e) => e.type === 'MemberAppointed' && e.metadata.commandId === commandIdOf(form.text))!;
    expect(appointed.metadata.actor).toBe('clerk:test clerk');
    expect(appointed.metadata.effectiveFrom).toEqual({ date: '2025-03-03', precision: 'day' });
    expect(appointed.data).toMatchObject({ role: 'member' });
  });

  it('given a signed-in clerk, when the token is revoked, then the very next request is not signed in and a post appends nothing', async () => {
    const created = t.ledger.tokens.create('clerk', 'clerk to revoke');
    const agent = await signedInAgent(created.token);
    const form = await agent.get('/registrera/avsluta-uppdrag').expect(200);
    t.ledger.tokens.revoke(created.id);
    const before = await eventCount();
    await agent.get('/registrera/avsluta-uppdrag').expect(303);
    const post = await agent
      .post('/registrera/avsluta-uppdrag')
      .type('form')
      .send({ _csrf: csrfOf(form.text), group: 'samordnande-grupp-aldre', person: 'Karin Jilkén', effectiveFrom: '2025-03-01', action: 'spara' })
      .expect(401);
    expect(post.text).toContain('Din inloggning har upphört');
    expect(await eventCount()).toBe(before);
  });

  it('given an admin signed in, when saving, then the writer refuses (only a clerk writes) and the page says so', async () => {
    const agent = await signedInAgent(secret(t.auth.admin));
    const index = await agent.get('/registrera').expect(200);
    expect(index.text).toContain('bara en registrator');
    const form = await agent.get('/registrera/avsluta-uppdrag').expect(200);
    const before = await eventCount();
    const res = await agent
      .post('/registrera/avsluta-uppdrag')
      .type('form')
      .send({ _csrf: csrfOf(form.text), group: 'samordnande-grupp-aldre', person: 'Karin Jilkén', effectiveFrom: '2025-03-01', action: 'spara' })
      .expect(403);
    expect(res.text).toContain('Din roll får inte spara beslut');
    expect(await eventCount()).toBe(before);
  });

  it('given a session, when signing out, then the cookie is cleared and the session no longer opens a form', async () => {
    const agent = await signedInAgent();
    const index = await agent.get('/registrera').expect(200);
    const out = await agent.post('/logga-ut').type('form').send({ _csrf: csrfOf(index.text) }).expect(303);
    expect((out.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^ledger_clerk=; .*Max-Age=0/);
    await agent.get('/registrera').expect(303);
  });

  it('given a session, when the picker searches, then it answers people or groups from the ledger; without a session 401', async () => {
    const agent = await signedInAgent();
    const people = await agent.get('/registrera/sok?slag=person&q=jilken').expect(200);
    expect(people.body.hits).toEqual([{ slug: 'karin-jilken', name: 'Karin Jilkén' }]);
    const groups = await agent.get('/registrera/sok?slag=group&q=aldre').expect(200);
    expect(groups.body.hits).toEqual([{ slug: 'samordnande-grupp-aldre', name: 'Samordnande grupp Äldre' }]);
    await request(t.server).get('/registrera/sok?slag=person&q=jilken').expect(401);
  });
});

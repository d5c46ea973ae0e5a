import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

const aldre = { type: 'EstablishGroup', data: { name: 'Samordnande grupp Äldre', kind: 'coordinating-group', effectiveFrom: 'unknown' }, metadata: { commandId: 'establish-aldre' } };

describe('who may write: bearer tokens and roles over HTTP', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });
  const head = () => t.ledger.store.headPosition();

  it('records a clerk\'s command with the token\'s role and name as actor, never one from the body', async () => {
    const response = await request(t.server).post('/commands').set('Authorization', t.auth.clerk).send(aldre).expect(201);
    const [event] = await t.ledger.store.readAll({ after: 0 });
    expect(response.body.events).toHaveLength(1);
    expect(event!.metadata.actor).toBe('clerk:test clerk');

    const forged = await request(t.server)
      .post('/commands')
      .set('Authorization', t.auth.clerk)
      .send({ ...aldre, metadata: { commandId: 'forged', actor: 'someone-else' } })
      .expect(400);
    expect(forged.body.errors.map((e: { field: string }) => e.field)).toContain('metadata.actor');
  });

  it.each([
    ['no Authorization header', undefined, 401],
    ['a malformed header', 'Token abc', 401],
    ['an unknown token', 'Bearer ldg_not-a-real-token', 401],
    ['a reader token', 'reader', 403],
    ['an auditor token', 'auditor', 403],
    ['an admin token', 'admin', 403],
  ] as const)('refuses a write with %s (%i), store unchanged', async (_label, header, status) => {
    const value = header === undefined ? undefined : header in t.auth ? t.auth[header as keyof typeof t.auth] : header;
    let call = request(t.server).post('/commands');
    if (value) call = call.set('Authorization', value);
    const response = await call.send(aldre).expect(status);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status, errors: [{ field: 'header.authorization' }] });
    if (status === 401) expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(await head()).toBe(0);
  });

  it('lets an admin create and revoke tokens; a revoked token stops working at once', async () => {
    await request(t.server).get('/admin/tokens').set('Authorization', t.auth.clerk).expect(403);
    await request(t.server).get('/admin/tokens').expect(401);
    const created = await request(t.server).post('/admin/tokens').set('Authorization', t.auth.admin).send({ role: 'clerk', name: 'Anna Svensson' }).expect(201);
    expect(created.body).toMatchObject({ role: 'clerk', name: 'Anna Svensson', token: expect.stringMatching(/^ldg_/) });
    const listed = await request(t.server).get('/admin/tokens').set('Authorization', t.auth.admin).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    expect(listed.body.map((x: { name: string }) => x.name)).toContain('Anna Svensson');

    const bearer = `Bearer ${created.body.token}`;
    await request(t.server).post('/commands').set('Authorization', bearer).send(aldre).expect(201);
    await request(t.server).post('/admin/tokens/Anna Svensson/revoke').set('Authorization', t.auth.admin).expect(200);
    const after = await request(t.server).post('/commands').set('Authorization', bearer).send({ ...aldre, metadata: { commandId: 'second' } }).expect(401);
    expect(after.body.detail).toMatch(/revoked/);
    expect(await head()).toBe(1);
  });

  it.each([
    [{ role: 'superuser', name: 'x' }, 'role'],
    [{ role: 'clerk', name: '' }, 'name'],
    [{ role: 'clerk' }, 'name'],
  ])('answers a malformed token request %j with 400 naming %s', async (body, field) => {
    const response = await request(t.server).post('/admin/tokens').set('Authorization', t.auth.admin).send(body).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('keeps reads open by default, but refuses a wrong token even on a read', async () => {
    await request(t.server).get('/groups').expect(200);
    await request(t.server).get('/groups').set('Authorization', 'Bearer ldg_wrong').expect(401);
  });

  it('stores tokens only as hashes', async () => {
    const { token } = t.ledger.tokens.create('clerk', 'hash check');
    const rows = JSON.stringify(t.ledger.tokens.list());
    expect(rows).not.toContain(token);
    expect(t.ledger.tokens.verify(token)?.name).toBe('hash check');
  });

  it('sends security headers and no CORS headers by default', async () => {
    const response = await request(t.server).get('/groups').set('Origin', 'https://evil.example').expect(200);
    expect(response.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' });
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('reads behind tokens (LEDGER_READ_AUTH=on)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LEDGER_READ_AUTH: 'on' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('needs a token of any role to read', async () => {
    await request(t.server).get('/groups').expect(401);
    await request(t.server).get('/groups').set('Authorization', t.auth.reader).expect(200);
    await request(t.server).get('/health').set('Authorization', t.auth.auditor).expect(200);
  });
});

describe('rate limits and CORS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LEDGER_RATE_LIMIT: '5', LEDGER_CORS_ORIGINS: 'https://intranet.example.se' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('allows a configured origin only', async () => {
    const allowed = await request(t.server).get('/groups').set('Origin', 'https://intranet.example.se');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://intranet.example.se');
    const other = await request(t.server).get('/groups').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 429 with Retry-After once an address has used its requests', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await request(t.server).get('/groups')).status);
    const limited = await request(t.server).get('/groups').expect(429);
    expect(statuses).toContain(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.body).toMatchObject({ status: 429, type: 'urn:decision-ledger:problem:too-many-requests' });
  });
});

import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import Database from 'better-sqlite3';
import type { Request } from 'express';
import request from 'supertest';
import { SessionStore } from '../../src/access/session-store';
import { TokenStore } from '../../src/access/token-store';
import { loadConfig } from '../../src/config/ledger-config';
import { createApp } from '../../src/http/create-app';
import type { Ledger } from '../../src/ledger';
import { LEDGER } from '../../src/ledger.token';
import { CLERK_COOKIE, ClerkSessions, SESSION_SECONDS } from '../../src/web/clerk/clerk-sessions';
import { FixedClock, tempDir } from '../support/fixtures';

const csrfOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
const commandIdOf = (page: string) => /name="commandId" value="([^"]+)"/.exec(page)?.[1] ?? '';
const cookieOf = (res: request.Response) => /^ledger_clerk=([^;]+);/.exec((res.headers['set-cookie'] as unknown as string[])[0]!)![1]!;

/** Clerk sign-ins kept in the ledger's SQLite file: a restart, or a second server on the file, keeps them. */
describe('clerk sessions in the ledger file', () => {
  const tmp = tempDir('ledger-sessions-');
  const dbPath = tmp.file('ledger.db');
  const open = async (): Promise<INestApplication> => createApp(loadConfig({ LEDGER_DB: dbPath, LEDGER_SEED: 'off' }), { clock: new FixedClock(), logger: false });
  let clerkToken = '';

  beforeAll(async () => {
    const app = await open();
    clerkToken = app.get<Ledger>(LEDGER).tokens.create('clerk', 'test clerk').token;
    await request(app.getHttpServer())
      .post('/commands')
      .set('Authorization', `Bearer ${clerkToken}`)
      .send([{ type: 'EstablishGroup', data: { name: 'Samordnande grupp Äldre', kind: 'coordinating-group', effectiveFrom: '2024-01-01' }, metadata: { commandId: 'g1' } }])
      .expect(201);
    await app.close();
  });
  afterAll(() => tmp.cleanup());

  it('given a clerk signed in, when the server restarts on the same file, then the cookie still opens the form and saves', async () => {
    const first = await open();
    const signIn = await request(first.getHttpServer()).post('/logga-in').type('form').send({ token: clerkToken, next: '/registrera' }).expect(303);
    const cookie = `${CLERK_COOKIE}=${cookieOf(signIn)}`;
    await first.close();

    const second = await open();
    try {
      const form = await request(second.getHttpServer()).get('/registrera/tillsatt-ledamot').set('Cookie', cookie).expect(200);
      const saved = await request(second.getHttpServer())
        .post('/registrera/tillsatt-ledamot')
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: csrfOf(form.text), commandId: commandIdOf(form.text), group: 'Samordnande grupp Äldre', person: 'Per Persson', effectiveFrom: '3 mars 2025', action: 'spara' })
        .expect(201);
      expect(saved.text).toContain('Sparat i händelseloggen');
    } finally {
      await second.close();
    }
  });

  it('given two servers on one file, when a clerk signs in on one, then the other knows the session, and signing out on it ends it on both', async () => {
    const a = await open();
    const b = await open();
    try {
      const signIn = await request(a.getHttpServer()).post('/logga-in').type('form').send({ token: clerkToken, next: '/registrera' }).expect(303);
      const cookie = `${CLERK_COOKIE}=${cookieOf(signIn)}`;
      const form = await request(b.getHttpServer()).get('/registrera').set('Cookie', cookie).expect(200);
      await request(b.getHttpServer()).post('/logga-ut').set('Cookie', cookie).type('form').send({ _csrf: csrfOf(form.text) }).expect(303);
      await request(a.getHttpServer()).get('/registrera').set('Cookie', cookie).expect(303);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('given a sign-in, when the file is read, then it holds the SHA-256 of the cookie value, never the value or the token', async () => {
    const app = await open();
    let id = '';
    try {
      id = cookieOf(await request(app.getHttpServer()).post('/logga-in').type('form').send({ token: clerkToken }).expect(303));
    } finally {
      await app.close();
    }
    const db = new Database(dbPath, { readonly: true });
    try {
      const rows = db.prepare('SELECT * FROM web_sessions').all() as Record<string, unknown>[];
      const dump = JSON.stringify(rows);
      expect(dump).not.toContain(id);
      expect(dump).not.toContain(clerkToken);
      expect(rows.map((r) => r.id_hash)).toContain(createHash('sha256').update(id, 'utf8').digest('hex'));
    } finally {
      db.close();
    }
  });
});

describe('a clerk session after its eight hours', () => {
  it('given a session opened 8 h ago, when it is used, then it is not signed in and its row is gone; a new sign-in deletes every ended one', () => {
    const tmp = tempDir('ledger-session-end-');
    const db = new Database(tmp.file('sessions.db'));
    try {
      let now = Date.parse('2026-03-02T08:00:00Z');
      const store = new SessionStore(db);
      const tokens = new TokenStore(db);
      const token = tokens.create('clerk', 'clerk');
      const sessions = new ClerkSessions(store, () => now);
      const asRequest = (id: string) => ({ headers: { cookie: `${CLERK_COOKIE}=${id}` } }) as Request;
      const morning = sessions.open(token.id);
      const other = sessions.open(token.id);

      now += SESSION_SECONDS * 1000 - 1;
      expect(sessions.signedIn(asRequest(morning.id), tokens)?.principal.role).toBe('clerk');

      now += 1;
      expect(sessions.signedIn(asRequest(morning.id), tokens)).toBeNull();
      expect(store.find(morning.id)).toBeNull();
      expect(store.find(other.id)).not.toBeNull();

      sessions.open(token.id);
      expect(store.find(other.id)).toBeNull();
      expect(store.count()).toBe(1);
    } finally {
      db.close();
      tmp.cleanup();
    }
  });
});

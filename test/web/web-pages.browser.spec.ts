import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { importCommands, KALMAR_DATA_DIR } from '../../src/seed/kalmar-seed';
import { seriousAxeViolations } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'web');
const GRANT = 'psykisk-halsa-suicidprevention-2025';
const MEETING = 'lansgemensam-ledning-i-samverkan-2025-02-28';

/**
 * Every page type in real Chromium on the Kalmar data: the right answer, no console error,
 * no serious or critical axe violation, at 375 and 1280 px, a screenshot of each.
 */
describe('the web pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let auditorToken: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp();
    // The Kalmar record is entered in December 2025; one meeting is added in June 2026 (after the 2026-03-12 settlement, so today's figures include it).
    t.clock.set('2025-12-01T10:00:00.000Z');
    await importCommands(t.ledger, KALMAR_DATA_DIR, 'test:kalmar');
    t.clock.set('2026-06-01T10:00:00.000Z');
    await request(t.server)
      .post('/commands')
      .set('Authorization', t.auth.clerk)
      .send({
        type: 'RecordMeeting',
        data: { body: 'lansgemensam-ledning-i-samverkan', date: '2026-05-29', items: [{ number: '1', kind: 'information', title: 'Extra möte <b>om</b> planen', text: 'Information.' }] },
        metadata: { commandId: 'web-extra-meeting' },
      })
      .expect(201);
    // …and the clerk corrects that item's text the same day, so "Vad ändrades" has a correction to show.
    const item = (await t.ledger.store.readAll()).find((e) => e.type === 'AgendaItemAdded' && e.metadata.commandId === 'web-extra-meeting')!;
    await request(t.server)
      .post('/commands')
      .set('Authorization', t.auth.clerk)
      .send({ type: 'CorrectEvent', data: { event: item.id, reason: 'Texten skrevs av fel', data: { text: 'Information om planen.' } }, metadata: { commandId: 'web-extra-correction' } })
      .expect(201);
    auditorToken = t.auth.auditor.replace(/^Bearer /, '');
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(width: number, signedIn = false): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'sv-SE' });
    if (signedIn) await context.addCookies([{ name: 'ledger_auditor', value: encodeURIComponent(auditorToken), url: `${base}/granskning` }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  }

  const PAGES: { name: string; path: string; auditor?: boolean; expect: (page: Page) => Promise<void> }[] = [
    { name: 'start', path: '/', expect: async (p) => expect(await p.locator('h1').innerText()).toBe('Länsgemensam ledning i samverkan') },
    { name: 'groups', path: '/grupper', expect: async (p) => expect(await p.locator('main').innerText()).toContain('Samordnande grupp Psykisk hälsa') },
    {
      name: 'group',
      path: '/grupper/samordnande-grupp-aldre?at=2025-02-27',
      expect: async (p) => {
        const names = await p.locator('#roster tbody tr td:first-child').allInnerTexts();
        expect(names.join('|')).toContain('Karin Jilkén');
        expect(names.join('|')).not.toContain('Katarina Nilsson Ederam');
        expect(await p.locator('figure.chart svg[role="img"]').count()).toBe(1);
        expect(await p.locator('#changes').innerText()).toContain('punkt 4');
      },
    },
    {
      name: 'joint-leadership',
      path: '/grupper/lansgemensam-ledning-i-samverkan?at=2025-02-28',
      expect: async (p) => {
        // Seats attested by the attendance lists, apart from appointed seats, on a meeting day.
        const row = p.locator('#attested tbody tr', { hasText: 'Anna Hasselbom Trofast' });
        expect(await row.innerText()).toMatch(/Borgholms kommun[\s\S]*2025-02-28 – 2025-05-16[\s\S]*ja/);
        expect(await p.locator('#attested .basis.stated').count()).toBeGreaterThan(10);
      },
    },
    {
      name: 'uncertain-chairs',
      path: '/grupper/samordnande-grupp-barn-och-unga?at=2025-06-01',
      expect: async (p) => {
        // Chair terms the sources name only on 2026-03-12 (start unknown): uncertain before that day, with their source.
        const chair = p.locator('#roster tbody tr', { hasText: 'Cecilia Wahlström' });
        expect(await chair.innerText()).toMatch(/ordförande[\s\S]*okänt datum[\s\S]*osäker/);
        expect(await chair.locator('.basis.stated').first().getAttribute('title')).toContain('2026-03-12');
        await p.goto(p.url().replace('2025-06-01', '2026-03-12'));
        expect(await p.locator('#roster tbody tr', { hasText: 'Cecilia Wahlström' }).innerText()).not.toContain('osäker');
      },
    },
    { name: 'people', path: '/personer', expect: async (p) => expect(await p.locator('main').innerText()).toContain('Karin Jilkén') },
    { name: 'person', path: '/personer/karin-jilken', expect: async (p) => expect(await p.locator('#seats').innerText()).toContain('Samordnande grupp Äldre') },
    { name: 'meetings', path: '/moten', expect: async (p) => expect(await p.locator('main').innerText()).toContain('2025-02-28') },
    { name: 'meeting', path: `/moten/${MEETING}`, expect: async (p) => expect(await p.locator('main').innerText()).toContain('ersätter tidigare deltagare Karin Jilkén') },
    { name: 'decisions', path: '/beslut?status=pending', expect: async (p) => expect(await p.locator('#decisions').innerText()).toContain('ratificering av') },
    { name: 'grants', path: '/ekonomi', expect: async (p) => expect(await p.locator('main').innerText()).toContain('2025') },
    {
      name: 'grant',
      path: `/ekonomi/${GRANT}`,
      expect: async (p) => {
        const shares = await p.locator('#figures tr[id^="andel-"] td.num').allInnerTexts();
        expect(shares.map((s) => s.replace(/\s/g, ' '))).toEqual(['2 669 116 kr', '2 669 116 kr']);
        // An unknown figure reads "okänt" with its reason, never 0.
        expect(await p.locator('#anvant').innerText()).toMatch(/okänt[\s\S]*Skäl:/);
        expect(await p.locator('figure.chart svg').innerHTML()).toContain('okänt');
        expect(await p.locator('#checks tbody tr').count()).toBeGreaterThan(3);
      },
    },
    { name: 'search', path: '/sok?q=jilken', expect: async (p) => expect(await p.locator('#hits').innerText()).toContain('Karin Jilkén') },
    {
      name: 'known-at',
      path: '/moten?knownAt=2026-01-01',
      expect: async (p) => {
        expect(await p.locator('.banner').innerText()).toContain('känt per 2026-01-01');
        const main = await p.locator('main').innerText();
        expect(main).toContain('2025-02-28');
        expect(main).not.toContain('2026-05-29');
        // Links keep the point in time.
        expect(await p.locator('main a[href^="/moten/"]').first().getAttribute('href')).toContain('knownAt=2026-01-01');
      },
    },
    { name: 'audit', path: '/granskning', auditor: true, expect: async (p) => expect(await p.locator('#verify-status').innerText()).toContain('Alla kedjor stämmer') },
    { name: 'audit-events', path: '/granskning/handelser?limit=20', auditor: true, expect: async (p) => expect(await p.locator('#events tbody tr').count()).toBe(20) },
    { name: 'audit-changes', path: '/granskning/andringar?fran=2026-01-01&till=2026-06-30', auditor: true, expect: async (p) => expect(await p.locator('#changed-facts').innerText()).toContain('MeetingRecorded') },
  ];

  for (const width of [1280, 375]) {
    for (const spec of PAGES) {
      it(`${spec.name} at ${width} px: the right answer, no console error, axe clean`, async () => {
        const { page, errors } = await open(width, spec.auditor);
        try {
          const response = await page.goto(`${base}${spec.path}`);
          expect(response?.status()).toBe(200);
          expect(response?.headers()['content-security-policy']).not.toContain('unsafe-inline');
          expect(await page.locator('html').getAttribute('lang')).toBe('sv');
          await spec.expect(page);
          expect(await seriousAxeViolations(page)).toEqual([]);
          // Readable at this width: the page itself never scrolls sideways (wide tables and charts scroll in their own box).
          expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
          await page.screenshot({ path: join(ARTIFACTS, `${spec.name}-${width}.png`), fullPage: true });
          // The first screenful, as the README shows it (docs/screenshots/ is copied from these).
          if (width === 1280) await page.screenshot({ path: join(ARTIFACTS, `${spec.name}-${width}-top.png`) });
          expect(errors).toEqual([]);
        } finally {
          await page.context().close();
        }
      });
    }
  }

  it('the Äldre roster changes between 2025-02-27 and 2025-02-28 (Jilkén replaced by Nilsson Ederam)', async () => {
    const { page } = await open(1280);
    await page.goto(`${base}/grupper/samordnande-grupp-aldre?at=2025-02-28`);
    const names = (await page.locator('#roster tbody tr td:first-child').allInnerTexts()).join('|');
    expect(names).toContain('Katarina Nilsson Ederam');
    expect(names).not.toContain('Karin Jilkén');
    await page.context().close();
  });

  it('the Granskning pages ask for an auditor token and refuse a clerk token', async () => {
    const { page } = await open(1280);
    await page.goto(`${base}/granskning/handelser`);
    expect(await page.locator('#verify-status, #events').count()).toBe(0);
    await page.fill('#token', t.auth.clerk.replace(/^Bearer /, ''));
    await page.click('button:text("Logga in")');
    expect(await page.locator('[role="alert"]').innerText()).toContain('revisorsrollen');
    expect(await page.locator('#events').count()).toBe(0);
    // The audit API says the same to the same token.
    await request(t.server).get('/audit/verify').set('Authorization', t.auth.clerk).expect(403);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows a bad date or an unknown group as a Swedish problem page naming the field, with the right status', async () => {
    const { page } = await open(1280);
    const missing = await page.goto(`${base}/grupper/no-such-group`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Hittades inte');
    const bad = await page.goto(`${base}/grupper/samordnande-grupp-aldre?at=2025-13-45`);
    expect(bad?.status()).toBe(400);
    expect(await page.locator('main li').first().innerText()).toContain('at');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The API answers the same problem as JSON.
    const api = await request(t.server).get('/groups/samordnande-grupp-aldre/roster?at=2025-13-45').expect(400);
    expect(api.headers['content-type']).toMatch(/problem\+json/);
    await page.context().close();
  });

  it('an event page shows the envelope and its verified chain link, reached by "Förklara" from a roster row; axe clean at 375 px', async () => {
    const { page, errors } = await open(375, true);
    await page.goto(`${base}/grupper/samordnande-grupp-aldre?at=2025-02-27`);
    await page.click('#roster details.explain summary');
    await page.click('#roster details.explain a >> nth=0');
    expect(await page.locator('h1').innerText()).toMatch(/^Händelse \d+: /);
    expect(await page.locator('dl.facts').innerText()).toContain('verifierad');
    expect(await page.locator('pre.envelope').innerText()).toContain('"recordedAt"');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'audit-event-375.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the export bundle downloads for a signed-in auditor and is refused without a sign-in', async () => {
    const cookie = `ledger_auditor=${encodeURIComponent(auditorToken)}`;
    const res = await request(t.server).get('/granskning/export').set('Cookie', cookie).buffer(true).parse((r, cb) => {
      let text = '';
      r.on('data', (c: Buffer) => (text += c.toString('utf8')));
      r.on('end', () => cb(null, text));
    }).expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ledger-export-/);
    expect(String(res.body).split('\n').length).toBeGreaterThan(100);
    const refused = await request(t.server).get('/granskning/export').expect(200);
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
    expect(refused.text).toContain('Revisorsnyckel');
  });

  it('is keyboard-usable (the first Tab reaches "Hoppa till innehållet", Enter on a nav link follows it) and prints', async () => {
    const { page } = await open(1280);
    await page.goto(`${base}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Hoppa till innehållet');
    await page.focus('nav[aria-label="Huvudmeny"] a[href^="/ekonomi"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ekonomi$/);
    await page.goto(`${base}/ekonomi/${GRANT}`);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });

  it('the grant tables download as CSV', async () => {
    const res = await request(t.server).get(`/ekonomi/${GRANT}/saldo.csv`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.text).toContain('2669116');
    await request(t.server).get(`/ekonomi/${GRANT}/avstamning.csv`).expect(200);
    await request(t.server).get(`/ekonomi/${GRANT}/konteringar.csv`).expect(200);
  });

  it('shows hostile text from the log as text', async () => {
    const { page } = await open(1280);
    await page.goto(`${base}/moten/lansgemensam-ledning-i-samverkan-2026-05-29`);
    expect(await page.locator('main h3').first().innerText()).toContain('<b>om</b>');
    expect(await page.locator('main b').count()).toBe(0);
    await page.context().close();
  });

  it('Done means: by clicking only, who sat on Psykisk hälsa on 2025-01-15, what the 2025 grant left and to whom, and whether the record changed after 2026-01-01', async () => {
    const { page, errors } = await open(1280);
    await page.goto(`${base}/`);
    // 1. Grupper → Samordnande grupp Psykisk hälsa → pick 2025-01-15.
    await page.click('nav[aria-label="Huvudmeny"] >> text=Grupper');
    await page.click('text=Samordnande grupp Psykisk hälsa');
    await page.fill('#roster-date', '2025-01-15');
    await page.click('.date-form button');
    await page.waitForURL(/at=2025-01-15/);
    const roster = await page.locator('#roster tbody').innerText();
    for (const name of ['Chris Landergren', 'Lise-Lotte Månsson', 'Sofia Erlandsson', 'Ulrika Larsson', 'Lena Nordström Hellberg']) expect(roster).toContain(name);
    expect(roster).toContain('osäker');
    await page.screenshot({ path: join(ARTIFACTS, 'done-1-group.png'), fullPage: true });

    // 2. Ekonomi → the 2025 grant: what was left and to whom.
    await page.click('nav[aria-label="Huvudmeny"] >> text=Ekonomi');
    await page.click('text=Länsgemensamma stimulansmedel 2025');
    expect((await page.locator('#kvar td.num').innerText()).replace(/\s/g, ' ')).toBe('5 338 232 kr');
    const shares = await page.locator('#figures tr[id^="andel-"]').allInnerTexts();
    expect(shares.join('|').replace(/\s+/g, ' ')).toMatch(/Kommunförbundet Kalmar län 2 669 116 kr.*Region Kalmar län 2 669 116 kr/);
    await page.screenshot({ path: join(ARTIFACTS, 'done-2-grant.png'), fullPage: true });

    // 3. Granskning → sign in → Vad ändrades, K1 = 2026-01-01.
    await page.click('nav[aria-label="Huvudmeny"] >> text=Granskning');
    await page.fill('#token', auditorToken);
    await page.click('button:text("Logga in")');
    await page.click('text=Vad ändrades mellan två tidpunkter');
    await page.fill('#k1', '2026-01-01');
    await page.fill('#k2', '2026-12-31');
    await page.click('button:text("Visa ändringar")');
    expect(await page.locator('#changes-summary').innerText()).toMatch(/^\d+ händelser registrerades mellan 2026-01-01 och 2026-12-31/);
    const facts = await page.locator('#changed-facts').innerText();
    expect(facts).toContain('MeetingRecorded');
    expect(facts).toContain('Mötet 2026-05-29 registreras'); // the fact in Swedish, not the event's JSON
    const correction = await page.locator('#changed-facts li.correction').innerText();
    expect(correction).toContain('Rättar: Punkt 1');
    expect(correction).toMatch(/Ändrade fält\s+text: "Information." → "Information om planen."/);
    await page.click('#changed-facts > li > a >> nth=0');
    expect(await page.locator('h1').innerText()).toMatch(/^Händelse \d+: /);
    await page.screenshot({ path: join(ARTIFACTS, 'done-3-changes.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

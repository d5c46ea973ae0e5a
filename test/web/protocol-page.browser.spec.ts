import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { importCommands, KALMAR_DATA_DIR } from '../../src/seed/kalmar-seed';
import { launchBrowser } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

const MEETING = 'lansgemensam-ledning-i-samverkan-2025-02-28';

// What the page functions use in the browser (the project compiles without the DOM library).
declare const getComputedStyle: (element: unknown) => { fontWeight: string; fontFamily: string };
declare const window: { pwned?: number };

/**
 * The protocol as a web page, in a real browser (Debian's Chromium): it renders under the
 * app's own security headers, reads like the source, prints, and shows hostile text as text.
 */
describe('the protocol page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await importCommands(t.ledger, KALMAR_DATA_DIR, 'test:kalmar');
    await t.app.listen(0, '127.0.0.1');
    const address = t.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  });
  afterEach(async () => {
    await page.close();
  });

  it('renders the 2025-02-28 protocol like its source: registry number, numbered items, decisions in bold, attendance at the end', async () => {
    const response = await page.goto(`${base}/meetings/${MEETING}/protocol`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    expect(await page.title()).toContain('2025-02-28');
    expect(await page.locator('p.registry').innerText()).toBe('RS DRN 2025/51');
    expect(await page.locator('h1').innerText()).toMatch(/^Protokoll .*2025-02-28$/);

    const headings = await page.locator('h2').allInnerTexts();
    expect(headings.slice(0, 3).map((h) => h.trim())).toEqual([expect.stringMatching(/^1\. Välkomna/), expect.stringMatching(/^2\. Föregående mötesprotokoll/), expect.stringMatching(/^3\. /)]);
    expect(headings).toEqual(expect.arrayContaining(['Närvarande ledamöter', 'Övriga medverkande']));
    // Attendance comes after every item.
    expect(headings.indexOf('Närvarande ledamöter')).toBeGreaterThan(headings.findIndex((h) => /^6\./.test(h)));

    const decision = page.locator('.decision strong', { hasText: 'Katarina Nilsson Ederam' }).first();
    expect(await decision.innerText()).toContain('ersätter tidigare deltagare Karin Jilkén i samordnande grupp äldre');
    const weight = await decision.evaluate((el) => getComputedStyle(el).fontWeight);
    expect(Number(weight)).toBeGreaterThanOrEqual(600);

    // The inline stylesheet is allowed by the Content-Security-Policy (the page is styled, nothing was blocked).
    expect(await page.locator('body').evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Georgia');
    expect(consoleErrors).toEqual([]);

    const present = await page.locator('h2:text-is("Närvarande ledamöter") + ul > li').allInnerTexts();
    expect(present).toHaveLength(24);
    expect(present).toEqual(expect.arrayContaining([expect.stringContaining('Rune Jansson'), expect.stringContaining('Malin Beddesand')]));
  });

  it('marks an inferred fact: its reasoning on hover (title) and on tap (a <details> that opens), a stated one unmarked', async () => {
    // A touch screen, as on a phone: the reasoning must be reachable by a tap, not only by hover.
    const touch = await browser.newContext({ hasTouch: true, viewport: { width: 390, height: 844 } });
    const phone = await touch.newPage();
    phone.on('pageerror', (e) => consoleErrors.push(e.message));
    await phone.goto(`${base}/meetings/${MEETING}/protocol`);
    const place = phone.locator('dl.meta dd', { hasText: 'Hotell Munken' });
    const mark = place.locator('span.inferred');
    expect(await mark.innerText()).toBe('Hotell Munken, Mönsterås');
    expect(await mark.getAttribute('title')).toContain('Place not printed in the protocol');
    const why = place.locator('details.basis p');
    expect(await why.isVisible()).toBe(false);
    await place.locator('details.basis summary').tap();
    expect(await why.isVisible()).toBe(true);
    expect(await why.innerText()).toContain('protocol 2024-12-13 item 7.5');
    // No source says the protocol was signed off: no "justerat" printed, the inference is marked.
    const signOff = phone.locator('dl.meta dt:text-is("Justering") + dd');
    expect(await signOff.innerText()).toMatch(/^uppgift saknas i källan/);
    expect(await signOff.locator('details.basis').count()).toBe(1);
    // The date is stated by the protocol: no mark.
    expect(await phone.locator('dl.meta dt:text-is("Datum") + dd .inferred').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await touch.close();
  });

  it('prints to PDF (the page is meant to be printed and filed)', async () => {
    await page.goto(`${base}/meetings/${MEETING}/protocol`);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it('shows the protocol as known at a time, and a clear problem page before the meeting was recorded', async () => {
    const before = await page.goto(`${base}/meetings/${MEETING}/protocol?knownAt=2000-01-01T00:00:00Z`);
    expect(before?.status()).toBe(404);
    expect(await page.locator('body').innerText()).toContain('was known at 2000-01-01');
  });

  it('shows hostile text from the log as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
    await request(t.server)
      .post('/commands')
      .set('Authorization', t.auth.clerk)
      .send({
        type: 'RecordMeeting',
        data: { body: 'lansgemensam-ledning-i-samverkan', date: '2027-01-15', items: [{ number: '1', kind: 'information', title: hostile, text: hostile }] },
        metadata: { commandId: 'hostile-meeting' },
      })
      .expect(201);
    await page.goto(`${base}/meetings/lansgemensam-ledning-i-samverkan-2027-01-15/protocol`);
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    expect(await page.locator('h2').first().innerText()).toContain('<img src=x');
    expect(await page.locator('img, main script').count()).toBe(0);
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { importCommands, KALMAR_DATA_DIR } from '../../src/seed/kalmar-seed';
import { seriousAxeViolations } from '../support/axe';
import { launchBrowser, listenOnLoopback, openSwedishPage } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'web');

/**
 * A clerk at work in real Chromium on the Kalmar data: sign in with a token, replace a member
 * of a group and see it on the group page; a refusal shown next to its field with the input kept;
 * a preview that appends nothing; the same form without JavaScript; no serious axe violation.
 */
describe('the clerk forms in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let clerkToken: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp();
    t.clock.set('2025-12-01T10:00:00.000Z');
    await importCommands(t.ledger, KALMAR_DATA_DIR, 'test:kalmar');
    t.clock.set('2026-06-01T10:00:00.000Z');
    clerkToken = t.auth.clerk.replace(/^Bearer /, '');
    base = await listenOnLoopback(t.app);
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const open = (options: { javaScript?: boolean; width?: number } = {}) => openSwedishPage(browser, options);


  /** Opens a form; the sign-in comes first and leads back to it. */
  async function signInTo(page: Page, path: string): Promise<void> {
    await page.goto(`${base}${path}`);
    expect(new URL(page.url()).pathname).toBe('/logga-in');
    await page.fill('#token', clerkToken);
    await page.click('button:text("Logga in")');
    await page.waitForURL(`${base}${path}`);
  }

  const eventCount = async () => (await t.ledger.store.readAll()).length;

  it('signs in, replaces a member of Samordnande grupp Äldre with the pickers, and the group page shows the new member', async () => {
    const { page, errors } = await open();
    try {
      await signInTo(page, '/registrera/ersatt-ledamot');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.fill('#f-group', 'Samordnande grupp Äldre');
      // Search as you type: the person list fills from the ledger's search.
      await page.locator('#f-outgoing').pressSequentially('Nilsson Ede');
      await page.waitForFunction(() => Array.from((globalThis as unknown as { document: { querySelectorAll: (s: string) => { value: string }[] } }).document.querySelectorAll('#lista-personer option')).some((o) => o.value === 'Katarina Nilsson Ederam'));
      await page.fill('#f-outgoing', 'Katarina Nilsson Ederam');
      await page.fill('#f-incoming', 'Anna Berg');
      await page.fill('#f-effectiveFrom', '1 april 2026');
      await page.fill('#f-representing', 'Kalmar kommun');
      const before = await eventCount();
      await page.click('button:text("Spara")');
      expect(await page.locator('#receipt-status').innerText()).toContain('Sparat i händelseloggen');
      expect(await page.locator('dl.facts').innerText()).toMatch(/Gäller från\s+2026-04-01/);
      expect(await page.locator('#receipt-events').innerText()).toContain('Ledamot ersatt');
      expect(await eventCount()).toBeGreaterThan(before);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'clerk-receipt-1280.png'), fullPage: true });
      await page.click('#receipt-links a:text("Gruppen Samordnande grupp Äldre")');
      await page.waitForURL(/\/grupper\/samordnande-grupp-aldre$/);
      const names = (await page.locator('#roster tbody tr td:first-child').allInnerTexts()).join('|');
      expect(names).toContain('Anna Berg');
      expect(names).not.toContain('Katarina Nilsson Ederam');
      const replaced = (await t.ledger.store.readAll()).find((e) => e.type === 'MemberReplaced' && e.metadata.actor === 'clerk:test clerk');
      expect(replaced?.metadata.effectiveFrom).toEqual({ date: '2026-04-01', precision: 'day' });
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('shows a refusal next to the field it names, keeps what the clerk typed, and appends nothing', async () => {
    const { page, errors } = await open({ width: 375 });
    try {
      await signInTo(page, '/registrera/ersatt-ledamot');
      await page.fill('#f-group', 'Samordnande grupp Äldre');
      await page.fill('#f-outgoing', 'Karin Jilkén');
      await page.fill('#f-incoming', 'Per Holm');
      await page.fill('#f-effectiveFrom', '2026-04-15');
      await page.fill('#f-decisionMeeting', 'Länsgemensam ledning i samverkan 2026-03-12');
      await page.fill('#f-decisionItem', '2');
      const before = await eventCount();
      const response = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('button:text("Spara")')]).then(([r]) => r);
      expect(response.status()).toBe(422);
      // Karin Jilkén left the group on 2025-02-28: the ledger names data.outgoing, shown at that field.
      expect(await page.locator('#f-outgoing-error').innerText()).toBe('Personen sitter inte i gruppen det datumet.');
      expect(await page.locator('#f-outgoing').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#form-errors').innerText()).toContain('Registret godtog inte uppgifterna');
      expect(await page.inputValue('#f-incoming')).toBe('Per Holm');
      expect(await page.inputValue('#f-effectiveFrom')).toBe('2026-04-15');
      expect(await page.inputValue('#f-decisionItem')).toBe('2');
      expect(await eventCount()).toBe(before);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
      await page.screenshot({ path: join(ARTIFACTS, 'clerk-refusal-375.png'), fullPage: true });
      // A cited item the meeting does not have is named at its own field.
      await page.fill('#f-outgoing', 'Anna Berg');
      await page.fill('#f-decisionItem', '99');
      await page.click('button:text("Spara")');
      // The ledger's answer lists the items the meeting has, so the clerk can pick the right one.
      expect(await page.locator('#f-decisionItem-error').innerText()).toMatch(/^Mötet har ingen punkt 99\. .*items: 1, 2, 3/);
      expect(await eventCount()).toBe(before);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('previews a decision (a dry run): the events it would append are listed, nothing is appended, and saving then records it', async () => {
    const { page, errors } = await open();
    try {
      await signInTo(page, '/registrera/tillsatt-ledamot');
      await page.fill('#f-group', 'Samordnande grupp Äldre');
      await page.fill('#f-person', 'Lena Ek');
      await page.fill('#f-effectiveFrom', '2026-05-01');
      const before = await eventCount();
      await page.click('button:text("Förhandsgranska")');
      expect(await page.locator('#preview').innerText()).toContain('Förhandsgranskning');
      expect(await page.locator('#preview-events li').count()).toBeGreaterThan(0);
      expect(await eventCount()).toBe(before);
      expect(await page.inputValue('#f-person')).toBe('Lena Ek');
      await page.click('button:text("Spara")');
      expect(await page.locator('#receipt-status').innerText()).toContain('Sparat');
      expect(await eventCount()).toBeGreaterThan(before);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('works without JavaScript: the server reads the typed names and a Swedish date', async () => {
    const { page } = await open({ javaScript: false });
    try {
      await signInTo(page, '/registrera/utse-ordforande');
      await page.fill('#f-group', 'samordnande grupp aldre');
      await page.fill('#f-person', 'Anna Berg');
      await page.selectOption('#f-role', 'vice-chair');
      await page.fill('#f-effectiveFrom', '1 maj 2026');
      await page.fill('#f-effectiveTo', 'dec 2026');
      await page.click('button:text("Spara")');
      expect(await page.locator('#receipt-status').innerText()).toContain('Sparat');
      const chair = (await t.ledger.store.readAll()).find((e) => e.type === 'ChairAppointed' && e.metadata.actor === 'clerk:test clerk');
      expect(chair?.data).toMatchObject({ role: 'vice-chair' });
      expect(chair?.metadata.effectiveFrom).toEqual({ date: '2026-05-01', precision: 'day' });
    } finally {
      await page.context().close();
    }
  });

  it('the index lists the six forms; the meeting form adds rows and keeps them; axe clean', async () => {
    const { page, errors } = await open();
    try {
      await signInTo(page, '/registrera');
      expect(await page.locator('#forms li').count()).toBe(6);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.click('#forms a:text("Registrera ett möte")');
      await page.fill('#f-items-0-number', '1');
      await page.fill('#f-items-0-title', 'Välkomna');
      await page.click('button:text("Fler punkter")');
      expect(await page.locator('fieldset.item-row').count()).toBe(10);
      expect(await page.inputValue('#f-items-0-title')).toBe('Välkomna');
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

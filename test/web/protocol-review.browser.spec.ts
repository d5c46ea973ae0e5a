import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { importCommands, KALMAR_DATA_DIR } from '../../src/seed/kalmar-seed';
import { SEED_PROTOCOLS, SEEDS_DIR, seedText } from '../intake/reader-fixtures';
import { seriousAxeViolations } from '../support/axe';
import { launchBrowser, listenOnLoopback, openSwedishPage } from '../support/browser';
import { tempDir } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'web');

/**
 * A clerk records a meeting from its protocol, in real Chromium: upload the text, read the
 * proposals beside the protocol's lines, pick an ambiguous name, see a refusal beside its
 * proposal, remove it, edit a field, preview (nothing appended), save one batch, see the meeting.
 */
describe('the protocol review page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let clerkToken: string;
  const tmp = tempDir('ledger-review-');

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp();
    t.clock.set('2026-06-01T10:00:00.000Z');
    await importCommands(t.ledger, join(KALMAR_DATA_DIR, '01-parties.json'), 'test');
    await importCommands(t.ledger, join(KALMAR_DATA_DIR, '02-groups.json'), 'test');
    // Two people the ledger knows by the same name: the protocol's "Joakim Nyman" is one of them.
    await t.ledger.writer.execute(
      [
        { type: 'RecordAffiliation', data: { person: { name: 'Joakim Nyman', slug: 'joakim-nyman' }, organisation: 'vasterviks-kommun', effectiveFrom: '2024-01-01' }, metadata: { commandId: 'twin-1' } },
        { type: 'RecordAffiliation', data: { person: { name: 'Joakim Nyman', slug: 'joakim-nyman-2' }, organisation: 'kalmar-kommun', effectiveFrom: '2024-01-01' }, metadata: { commandId: 'twin-2' } },
      ],
      'test',
    );
    clerkToken = t.auth.clerk.replace(/^Bearer /, '');
    base = await listenOnLoopback(t.app);
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    tmp.cleanup();
  });

  const open = (width = 1280) => openSwedishPage(browser, { width });


  async function signIn(page: Page): Promise<void> {
    await page.goto(`${base}/registrera`);
    await page.fill('#token', clerkToken);
    await page.click('button:text("Logga in")');
    await page.waitForURL(`${base}/registrera`);
    await page.getByRole('link', { name: 'Registrera ett helt protokoll från dess text' }).click();
    await page.waitForURL(`${base}/registrera/protokoll`);
  }

  const events = async () => t.ledger.store.readAll();
  const proposal = (page: Page, kind: string) => page.locator('fieldset.proposal', { has: page.locator(`legend .kind:text-is("${kind}")`) });

  it('uploads the 2024-12-13 protocol, picks a name, removes the refused proposal, edits the place, previews, saves one batch and shows the meeting', async () => {
    const { page, errors } = await open();
    try {
      await signIn(page);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.setInputFiles('#protocol-file', join(SEEDS_DIR, SEED_PROTOCOLS['2024-12-13']));
      await page.click('button:text("Läs protokollet")');
      await page.waitForURL(`${base}/registrera/protokoll`);
      expect(await page.locator('h1').innerText()).toContain('Granska protokollet');
      // The protocol's lines beside the proposals; each proposal links to its line.
      expect(await page.locator('ol.source-lines li').count()).toBeGreaterThan(100);
      const meeting = proposal(page, 'Möte');
      expect(await meeting.locator('legend').innerText()).toContain('2024-12-13');
      const lineLink = await meeting.locator('a[href^="#rad-"]').first().getAttribute('href');
      expect(await page.locator(lineLink!).count()).toBe(1);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'review-1280.png'), fullPage: false });

      // Saving with the ambiguous name unpicked is refused with a message; nothing appended.
      const before = (await events()).length;
      await page.click('button:text("Spara de valda förslagen")');
      expect(await page.locator('#review-alert').innerText()).toContain('Joakim Nyman');
      expect((await events()).length).toBe(before);

      // He is named in the attendance and in his affiliation: each proposal asks, each gets the same answer.
      const picks = page.locator('select[name^="pick."]');
      expect(await proposal(page, 'Närvaro').locator('select').count()).toBe(1);
      for (const select of await picks.all()) await select.selectOption('joakim-nyman');
      await page.click('button:text("Förhandsgranska")');
      // The project the decision extends is not in this ledger: the refusal stands beside that proposal.
      const extension = proposal(page, 'Förlängt projekt');
      expect(await extension.locator('ul.violations').innerText()).toMatch(/project/i);
      expect((await events()).length).toBe(before);

      await extension.locator('input[type=checkbox]').uncheck();
      await meeting.locator('summary:text("Ändra uppgifter")').click();
      await meeting.locator('input[name$=".place"]').fill('Regionhuset, Kalmar');
      await page.click('button:text("Förhandsgranska")');
      expect(await page.locator('#preview-status').innerText()).toMatch(/Förhandsgranskning: \d+ händelser skulle registreras/);
      expect((await events()).length).toBe(before);
      // The choices survive the preview: the pick, the removal, the edit.
      expect(await proposal(page, 'Närvaro').locator('select').inputValue()).toBe('joakim-nyman');
      expect(await proposal(page, 'Förlängt projekt').locator('input[type=checkbox]').isChecked()).toBe(false);
      expect(await proposal(page, 'Möte').locator('input[name$=".place"]').inputValue()).toBe('Regionhuset, Kalmar');

      await page.click('button:text("Spara de valda förslagen")');
      expect(await page.locator('#receipt').innerText()).toMatch(/\d+ förslag sparades som \d+ händelser/);
      const after = await events();
      expect(after.length).toBeGreaterThan(before);
      const written = after.slice(before);
      // One batch: every event of the save came from this clerk; the removed proposal is not among them.
      expect(new Set(written.map((e) => e.metadata.actor))).toEqual(new Set(['clerk:test clerk']));
      expect(written.some((e) => e.type === 'ProjectExtended')).toBe(false);
      const recorded = written.find((e) => e.type === 'MeetingRecorded');
      expect(recorded?.data).toMatchObject({ place: 'Regionhuset, Kalmar' });
      const attended = JSON.stringify(written.filter((e) => e.type.startsWith('Attendance')).map((e) => e.data));
      expect(attended).not.toContain('joakim-nyman-2');

      await page.click('a:text("Visa mötet")');
      await page.waitForURL(/\/moten\/lansgemensam-ledning-i-samverkan-2024-12-13$/);
      expect(await page.locator('main').innerText()).toContain('Regionhuset, Kalmar');
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  // The tests below read on from the first: the ledger now holds the 2024-12-13 meeting.
  it('pasted text of the next protocol: a later decision it cannot date starts unchecked; the chair term the ledger already holds is refused beside its proposal; removed, the rest previews clean', async () => {
    const { page, errors } = await open(375);
    try {
      await signIn(page);
      await page.fill('#protocol-text', seedText(SEED_PROTOCOLS['2025-05-16']));
      await page.click('button:text("Läs protokollet")');
      expect(await page.locator('#review-alert').innerText()).toContain('saknar uppgifter');
      const deferred = proposal(page, 'Uppskjutet beslut');
      expect(await deferred.locator('input[type=checkbox]').isChecked()).toBe(false);
      expect(await deferred.locator('ul.violations').innerText()).toContain('decidedOn');
      // Sofia Hartz is vice-chair from 2024-12-13 with no end in this ledger; the protocol says she chairs.
      expect(await page.locator('#preview-status').innerText()).toContain('skulle inte ta emot');
      const chair = page.locator('fieldset.proposal.refused', { has: page.locator('legend .kind:text-is("Ordförande")') });
      expect(await chair.locator('ul.violations').innerText()).toContain('vice-chair');
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
      await page.screenshot({ path: join(ARTIFACTS, 'review-375.png'), fullPage: false });

      await chair.locator('input[type=checkbox]').uncheck();
      for (const select of await page.locator('select[name^="pick."]').all()) await select.selectOption('joakim-nyman');
      await page.click('button:text("Förhandsgranska")');
      expect(await page.locator('#review-alert').count()).toBe(0);
      expect(await page.locator('#preview-status').innerText()).toMatch(/\d+ händelser skulle registreras/);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('bad input: an empty text, a PDF, a text with no date: the form again with the reason at its field, nothing appended', async () => {
    const { page } = await open();
    try {
      await signIn(page);
      const before = (await events()).length;
      const post = () => Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('button:text("Läs protokollet")')]).then(([r]) => r.status());

      expect(await post()).toBe(400);
      expect(await page.locator('#intake-problem').innerText()).toContain('Texten är tom');
      expect(await page.locator('#protocol-text').getAttribute('aria-invalid')).toBe('true');

      const pdf = tmp.file('protokoll.pdf');
      writeFileSync(pdf, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 0xe2, 0xe3, 0xcf])]));
      await page.setInputFiles('#protocol-file', pdf);
      expect(await post()).toBe(415);
      expect(await page.locator('#intake-problem').innerText()).toContain('PDF');
      expect(await page.locator('#protocol-file').getAttribute('aria-invalid')).toBe('true');

      await page.fill('#protocol-text', 'Protokoll\n\n1. Välkomna\nOrdförande hälsar välkommen.\n');
      expect(await post()).toBe(422);
      expect(await page.locator('#intake-problem').innerText()).toContain('mötesdatum');
      // What the clerk pasted is kept, to correct.
      expect(await page.inputValue('#protocol-text')).toContain('1. Välkomna');
      expect((await events()).length).toBe(before);
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

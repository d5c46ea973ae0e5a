import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The Chromium `scripts/ensure-chromium.js` found or installed (run by `npm test` first). */
export function chromiumPath(): string {
  const candidates = [process.env.LEDGER_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('No Chromium found: run `node scripts/ensure-chromium.js` or set LEDGER_CHROMIUM');
  return found;
}

/** A real headless browser; the flags keep it from calling out of this closed network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Serves the test app on a free loopback port; the base URL for a browser. */
export async function listenOnLoopback(app: { listen(port: number, host: string): Promise<unknown>; getHttpServer(): { address(): unknown } }): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
}

/**
 * A fresh browser context (no cookies) in Swedish with one page; `errors` collects console
 * errors and uncaught exceptions (a refusal's 4xx answer is expected, not an error). A waiting
 * step fails after 10 s with its selector, well inside a test's time.
 */
export async function openSwedishPage(browser: Browser, options: { width?: number; javaScript?: boolean } = {}): Promise<{ page: import('playwright-core').Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, locale: 'sv-SE', javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && !/status of 4\d\d/.test(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

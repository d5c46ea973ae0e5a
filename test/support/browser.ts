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

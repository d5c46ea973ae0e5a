#!/usr/bin/env node
/**
 * The web-page tests drive a real browser (Debian's Chromium through playwright-core).
 * Run before `npm test`: finds Chromium, or installs Debian's package when it can (root with
 * apt-get), or says exactly what to do. `LEDGER_CHROMIUM=/path/to/chrome` overrides the path.
 */
const { execFileSync, spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const candidates = [process.env.LEDGER_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
const found = () => candidates.find((p) => existsSync(p));

if (found()) {
  // Quiet on success: the tests print which browser they use if they fail.
} else if (typeof process.getuid === 'function' && process.getuid() === 0 && spawnSync('which', ['apt-get']).status === 0) {
  console.log('ensure-chromium: Chromium not found; installing Debian package "chromium" for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', 'chromium'], { stdio: 'inherit', env }).status === 0;
  if (!install()) {
    execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    if (!install()) {
      console.error('ensure-chromium: apt-get install chromium failed');
      process.exitCode = 1;
    }
  }
} else {
  console.error('ensure-chromium: no Chromium found. Install it (Debian: `apt-get install chromium`) or set LEDGER_CHROMIUM to a Chrome/Chromium binary.');
  process.exitCode = 1;
}

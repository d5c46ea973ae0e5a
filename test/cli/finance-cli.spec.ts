import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../support/fixtures';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'ledger.js');

/** `npx ledger balance` and `npx ledger reconcile` on the compiled code, against the Kalmar dataset. */
describe('npx ledger balance / reconcile', () => {
  const tmp = tempDir('ledger-finance-cli-');
  const db = tmp.file('ledger.db');
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--db', db], { encoding: 'utf8' });

  beforeAll(() => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
    expect(run('import', join(ROOT, 'data', 'kalmar')).status).toBe(0);
  }, 120_000);
  afterAll(() => tmp.cleanup());

  it('prints the 2025 balance with the sources’ figures, unknowns as unknown with their reason', () => {
    const result = run('balance', 'psykisk-halsa-suicidprevention-2025', '--at', '2026-12-31');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^received\s+15 865 911 kr$/m);
    expect(result.stdout).toMatch(/^ {2}part: Stärkt suicidpreventivt arbete\s+7 211 056 kr$/m);
    expect(result.stdout).toMatch(/^allocated\s+unknown \(its known entries come to 1 424 825 kr\): the sources give no cost/m);
    expect(result.stdout).toMatch(/^remaining \(final-accounting\)\s+5 338 232 kr$/m);
    expect(result.stdout).toMatch(/^ {2}to Kommunförbundet Kalmar län\s+2 669 116 kr$/m);
    expect(result.stdout).toMatch(/^paid\s+unknown: no payment of the invoice is recorded and the sources are silent on payment/m);
    expect(result.stdout).toMatch(/^outstanding\s+unknown \(its known entries come to 2 669 116 kr\)/m);
  });

  it('answers as known at a time with --known-at and prints JSON with --json', () => {
    const json = JSON.parse(run('balance', 'psykisk-halsa-suicidprevention-2024', '--at', '2025-12-31', '--json').stdout);
    expect(json.settledByParty[0].figure.amount).toBe(2621147);
    const before = run('balance', 'psykisk-halsa-suicidprevention-2024', '--known-at', '2000-01-01T00:00:00Z');
    expect(before.status).toBe(1);
    expect(before.stderr).toContain('No grant "psykisk-halsa-suicidprevention-2024" was known at 2000-01-01T00:00:00.000Z');
  });

  it('reconciles: passes and unknowns, exit 0 when nothing fails', () => {
    const result = run('reconcile', 'psykisk-halsa-suicidprevention-2025', '--at', '2026-12-31');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('PASS  parts-sum-to-total: parts 15 865 911 kr = received 15 865 911 kr');
    expect(result.stdout).toContain('PASS  settlement-sums-to-remaining: settled 5 338 232 kr, remaining 5 338 232 kr');
    expect(result.stdout).toMatch(/\? {3}final-accounting-adds-up: not every figure is known/);
  });

  it('exits non-zero with a clear message on bad input', () => {
    const unknownGrant = run('reconcile', 'no-such-grant');
    expect(unknownGrant.status).toBe(1);
    expect(unknownGrant.stderr).toContain('No grant "no-such-grant"');
    const badDate = run('balance', 'psykisk-halsa-suicidprevention-2025', '--at', '2025-02-30');
    expect(badDate.status).toBe(1);
    expect(badDate.stderr).toContain('--at must be a calendar date');
    const missing = run('balance');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('balance needs a grant');
  });
});

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_PROTOCOLS, SEEDS_DIR } from '../intake/reader-fixtures';
import { tempDir } from '../support/fixtures';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'ledger.js');

/** `npx ledger intake <file>`: the real CLI in a child process, on a real SQLite file. */
describe('npx ledger intake <protocol.txt>', () => {
  const tmp = tempDir('ledger-intake-cli-');
  const db = tmp.file('ledger.db');
  const protocol = join(SEEDS_DIR, SEED_PROTOCOLS['2025-02-28']);
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, USER: 'tester', LEDGER_SEED: 'off' } });
  const eventCount = () => JSON.parse(run('verify', '--json').stdout).events as number;

  beforeAll(() => {
    expect(run('import', join(ROOT, 'data', 'kalmar', '01-parties.json')).status).toBe(0);
    expect(run('import', join(ROOT, 'data', 'kalmar', '02-groups.json')).status).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('given a seed protocol, prints the meeting, each proposal with its lines and confidence, the names and the dry run, and records nothing', () => {
    const before = eventCount();
    const out = run('intake', protocol);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('2025-02-28');
    expect(out.stdout).toMatch(/p1 +RecordMeeting +stated +lines? \d+/);
    expect(out.stdout).toMatch(/ReplaceMember .*\n(?: +(?:name|note): .*\n)*? +name: Katarina Nilsson Ederam: a new person \(katarina-nilsson-ederam\)/);
    expect(out.stdout).toMatch(/Dry run: /);
    expect(eventCount()).toBe(before);
  });

  it('with --commands prints a batch that "ledger import" records, the same as the dry run said', () => {
    const json = JSON.parse(run('intake', protocol, '--json').stdout);
    const batch = run('intake', protocol, '--commands');
    const file = tmp.file('batch.json');
    writeFileSync(file, batch.stdout);
    const commands = JSON.parse(batch.stdout) as { type: string }[];
    expect(commands.map((c) => c.type)).toEqual(json.intake.proposals.map((p: { command: { type: string } }) => p.command.type));
    expect(json.dryRun.ok).toBe(true);
    const before = eventCount();
    const imported = run('import', file);
    expect(imported.status).toBe(0);
    expect(eventCount() - before).toBe(json.dryRun.events.length);
  });

  it('given an empty file, a binary file, a missing file or no date, exits 1 or 2 with the reason and records nothing', () => {
    const before = eventCount();
    writeFileSync(tmp.file('empty.txt'), '');
    writeFileSync(tmp.file('scan.pdf'), Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 0xff, 0xfe])]));
    writeFileSync(tmp.file('nodate.txt'), 'Protokoll\n1. Mötet öppnas\n');
    const empty = run('intake', tmp.file('empty.txt'));
    expect([empty.status, empty.stderr]).toEqual([1, expect.stringContaining('file: must not be empty')]);
    const pdf = run('intake', tmp.file('scan.pdf'));
    expect([pdf.status, pdf.stderr]).toEqual([1, expect.stringContaining('PDF')]);
    const nodate = run('intake', tmp.file('nodate.txt'));
    expect(nodate.status).toBe(1);
    expect(nodate.stderr).toMatch(/file: /);
    const missing = run('intake', tmp.file('nowhere.txt'));
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringContaining('ENOENT')]);
    expect(eventCount()).toBe(before);
  });
});

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../support/fixtures';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'ledger.js');

/** The real CLI in a child process, on the compiled code a user runs (built by `npm install`). */
describe('npx ledger', () => {
  const tmp = tempDir('ledger-cli-');
  const db = tmp.file('ledger.db');
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, USER: 'tester' } });

  afterAll(() => tmp.cleanup());

  it('imports the Kalmar dataset, and importing it again changes nothing', () => {
    const first = run('import', join(ROOT, 'data', 'kalmar'));
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Imported \d+ file\(s\): \d+ command\(s\) applied, 0 already recorded, \d+ event\(s\) appended/);
    const second = run('import', join(ROOT, 'data', 'kalmar'));
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/0 command\(s\) applied, \d+ already recorded, 0 event\(s\) appended/);
  });

  it('prints who sat in samordnande grupp Äldre before and after the 2025-02-28 decision', () => {
    const before = run('roster', 'samordnande-grupp-aldre', '--at', '2025-02-27');
    const after = run('roster', 'samordnande-grupp-aldre', '--at', '2025-02-28');
    expect(before.status).toBe(0);
    expect(before.stdout).toContain('Karin Jilkén');
    expect(before.stdout).not.toContain('Katarina Nilsson Ederam');
    expect(after.stdout).toContain('Katarina Nilsson Ederam');
    expect(after.stdout).toContain('verksamhetschef, Borgholms kommun');
    expect(after.stdout).not.toContain('Karin Jilkén');
  });

  it('prints JSON with --json and answers as known at a time with --known-at', () => {
    const json = run('roster', 'samordnande-grupp-aldre', '--at', '2025-03-01', '--json');
    expect(JSON.parse(json.stdout).members.map((m: { person: { slug: string } }) => m.person.slug)).toEqual(['katarina-nilsson-ederam']);
    const beforeAnything = run('roster', 'samordnande-grupp-aldre', '--at', '2025-03-01', '--known-at', '2000-01-01T00:00:00Z');
    expect(beforeAnything.status).toBe(1);
    expect(beforeAnything.stderr).toContain('No group "samordnande-grupp-aldre" was known at 2000-01-01T00:00:00.000Z');
  });

  it('marks what is inferred with ~ and its reasoning, leaves an unattested unknown start uncertain, and lists attested seats apart', () => {
    const barn = run('roster', 'samordnande-grupp-barn-och-unga', '--at', '2025-02-28');
    expect(barn.stdout).toMatch(/^chair\s+Cecilia Wahlström\s.*unknown – 2026-12 \(\?\)/m);
    const lgl = run('roster', 'lansgemensam-ledning-i-samverkan', '--at', '2025-02-28');
    expect(lgl.stdout).toMatch(/^~ chair\s+Sofia Hartz/m);
    expect(lgl.stdout).toContain('~ Sofia Hartz: inferred (antaget): Item 1: "Ordförande Sofia Hartz');
    expect(lgl.stdout).toContain('Attested by attendance lists (Närvarande ledamöter), not appointments:');
    expect(lgl.stdout).toContain('  Anna Hasselbom Trofast, Borgholms kommun: attended 2025-02-28, 2025-05-16');
    const lglJson = JSON.parse(run('roster', 'lansgemensam-ledning-i-samverkan', '--at', '2025-02-28', '--json').stdout);
    expect(lglJson.members[0].basis.kind).toBe('inferred');
    expect(lglJson.attested.length).toBeGreaterThan(10);
  });

  it('exits non-zero with a clear message on bad input', () => {
    const badDate = run('roster', 'samordnande-grupp-aldre', '--at', '2025-02-30');
    expect(badDate.status).toBe(1);
    expect(badDate.stderr).toContain('--at must be a calendar date');
    const unknownGroup = run('roster', 'no-such-group');
    expect(unknownGroup.status).toBe(1);
    expect(unknownGroup.stderr).toContain('No group "no-such-group"');
    const usage = run('frobnicate');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage: ledger');
  });

  it('imports nothing from a file with a broken command and says which', () => {
    const bad = tmp.file('bad.json');
    require('node:fs').writeFileSync(
      bad,
      JSON.stringify([
        { type: 'EstablishGroup', data: { name: 'Arbetsgrupp X', kind: 'working-group', effectiveFrom: '2026-01-01' }, metadata: { commandId: 'cli-bad-1' } },
        { type: 'AppointMember', data: { group: 'arbetsgrupp-x', person: 'no-such-person', effectiveFrom: '2026-01-01' }, metadata: { commandId: 'cli-bad-2' } },
      ]),
    );
    const result = run('import', bad);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[1].data.person');
    expect(run('groups').stdout).not.toContain('arbetsgrupp-x');
  });

  it('creates, lists and revokes tokens; the secret is printed once and never listed', () => {
    const created = run('token', 'create', '--role', 'clerk', '--name', 'Anna Svensson');
    expect(created.status).toBe(0);
    const secret = /\n\s+(ldg_[A-Za-z0-9_-]+)\n/.exec(created.stdout)?.[1];
    expect(secret).toBeDefined();
    const listed = run('token', 'list');
    expect(listed.stdout).toMatch(/clerk\s+active\s+Anna Svensson/);
    expect(listed.stdout).not.toContain(secret);
    expect(run('token', 'create', '--role', 'clerk', '--name', 'Anna Svensson').stderr).toContain('already named "Anna Svensson"');
    expect(run('token', 'create', '--role', 'boss', '--name', 'X').status).toBe(2);
    const revoked = run('token', 'revoke', 'Anna Svensson');
    expect(revoked.status).toBe(0);
    expect(run('token', 'list').stdout).toMatch(/clerk\s+revoked \S+\s+Anna Svensson/);
    expect(run('token', 'revoke', 'Anna Svensson').status).toBe(2);
  });

  it('prints a protocol rebuilt from the log as Markdown, HTML or JSON, and as known at a time', () => {
    const md = run('protocol', 'lansgemensam-ledning-i-samverkan-2025-02-28');
    expect(md.status).toBe(0);
    expect(md.stdout.split('\n')[0]).toBe('RS DRN 2025/51');
    expect(md.stdout).toContain('**Beslut: Länsgemensam ledning beslutar att Katarina Nilsson Ederam');
    expect(md.stdout).toContain('## Närvarande ledamöter');
    expect(md.stdout).toMatch(/^Plats: Hotell Munken, Mönsterås \*\(antaget: Place not printed in the protocol/m);
    expect(md.stdout).toMatch(/^Justering: uppgift saknas i källan \*\(antaget: /m);
    expect(run('protocol', 'lansgemensam-ledning-i-samverkan-2025-05-16', '--format', 'html').stdout).toMatch(/^<!DOCTYPE html>/);
    expect(JSON.parse(run('protocol', 'lansgemensam-ledning-i-samverkan-2025-05-16', '--json').stdout).attendance.present[8]).toMatchObject({ name: 'Anne Hallberg', acting: true });
    const before = run('protocol', 'lansgemensam-ledning-i-samverkan-2025-02-28', '--known-at', '2000-01-01T00:00:00Z');
    expect(before.status).toBe(1);
    expect(before.stderr).toContain('No meeting "lansgemensam-ledning-i-samverkan-2025-02-28" was known at 2000-01-01T00:00:00.000Z');
    expect(run('protocol', 'lansgemensam-ledning-i-samverkan-2025-02-28', '--format', 'pdf').status).toBe(2);
  });

  it('lists the meetings and prints a person with the meetings attended', () => {
    const meetings = run('meetings');
    expect(meetings.status).toBe(0);
    expect(meetings.stdout.trim().split('\n')).toEqual([
      '2024-12-13  signed-off  lansgemensam-ledning-i-samverkan-2024-12-13',
      '2025-02-28  signed-off  lansgemensam-ledning-i-samverkan-2025-02-28',
      '2025-05-16  signed-off  lansgemensam-ledning-i-samverkan-2025-05-16',
      '2026-03-12  signed-off  lansgemensam-ledning-i-samverkan-2026-03-12',
    ]);
    const person = run('person', 'anna-hasselbom-trofast');
    expect(person.status).toBe(0);
    expect(person.stdout).toContain('Länsgemensam ledning i samverkan: vice-chair, 2025-01-01 – 2026-12');
    expect(person.stdout).toContain('from 2026-03-12: socialchef, Kalmar kommun');
    expect(person.stdout).toContain('2026-03-12 Länsgemensam ledning i samverkan: member present, Kalmar kommun');
    // Her chair term is read from the turn of the year (inferred), her seats at the meetings are stated by the attendance lists.
    expect(person.stdout).toContain('  ~ Länsgemensam ledning i samverkan: vice-chair, 2025-01-01 – 2026-12');
    expect(person.stdout).toMatch(/~ Länsgemensam ledning i samverkan: vice-chair, 2025-01-01 – 2026-12: inferred \(antaget\): Item 1: "vice ordförande Anna Hasselbom Trofast/);
    expect(person.stdout).toContain('\n  2026-03-12 Länsgemensam ledning i samverkan: member present, Kalmar kommun');
    expect(JSON.parse(run('person', 'anna-hasselbom-trofast', '--json').stdout).meetingsAttended).toHaveLength(3);
    expect(run('person', 'no-such-person').status).toBe(1);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { runCli } from '../../src/cli/ledger-cli';
import { tempDir } from '../support/fixtures';
import { kalmarLedger } from '../support/audit-fixtures';

/** `export` writes the log with its hashes; `verify --bundle` checks it with no database at all. */
describe('export and offline verification', () => {
  const tmp = tempDir('ledger-export-');
  const db = tmp.file('ledger.db');
  const cli = async (...args: string[]) => {
    let out = '';
    let err = '';
    const code = await runCli(args, { LEDGER_SEED: 'off' }, { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  };

  beforeAll(async () => {
    const { ledger } = await kalmarLedger(db);
    await ledger.close();
  });
  afterAll(() => tmp.cleanup());

  it('exports every event with its hash, header and trailer, and verifies the file offline', async () => {
    const bundle = tmp.file('export.jsonl');
    const exported = await cli('export', '--out', bundle, '--db', db);
    expect(exported.code).toBe(0);
    const lines = readFileSync(bundle, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    expect(lines[0]).toMatchObject({ format: 'decision-ledger-export/1' });
    expect(lines.at(-1)).toMatchObject({ trailer: true, records: lines.length - 2, digest: { format: 'decision-ledger-digest/1' } });
    expect(lines[1]).toMatchObject({ position: 1, event: { streamVersion: 1 }, link: { prevHash: '0'.repeat(64) } });
    expect(exported.out).toContain(`Exported ${lines.length - 2} records`);

    // Offline: no --db, and the database is not consulted.
    const verified = await cli('verify', '--bundle', bundle, '--db', tmp.file('does-not-exist.db'));
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('The bundle verifies: OK');
  });

  it('names the changed event in a tampered bundle, and a truncated bundle fails', async () => {
    const bundle = tmp.file('tampered.jsonl');
    expect((await cli('export', '--out', bundle, '--db', db)).code).toBe(0);
    const lines = readFileSync(bundle, 'utf8').trim().split('\n');
    const record = JSON.parse(lines[10]!) as { event: { id: string; data: Record<string, unknown> } };
    record.event.data = { ...record.event.data, forged: true };
    lines[10] = JSON.stringify(record);
    writeFileSync(bundle, `${lines.join('\n')}\n`);

    const verified = await cli('verify', '--bundle', bundle, '--json');
    expect(verified.code).toBe(1);
    const report = JSON.parse(verified.out) as { ok: boolean; bundle: { chains: { problems: { kind: string; eventId: string }[] } } };
    expect(report.ok).toBe(false);
    expect(report.bundle.chains.problems).toEqual([expect.objectContaining({ kind: 'changed', eventId: record.event.id })]);

    const truncated = tmp.file('truncated.jsonl');
    writeFileSync(truncated, `${lines.slice(0, 20).join('\n')}\n`);
    const cut = await cli('verify', '--bundle', truncated);
    expect(cut.code).toBe(1);
    expect(cut.out).toContain('the trailer line is missing');
  });

  it('a bundle rewritten consistently (hashes and trailer recomputed) still fails against a digest kept elsewhere', async () => {
    const digestFile = tmp.file('digest.json');
    const digest = await cli('digest', '--db', db);
    writeFileSync(digestFile, digest.out);
    const bundle = tmp.file('rewritten.jsonl');
    expect((await cli('export', '--out', bundle, '--db', db)).code).toBe(0);
    expect((await cli('verify', '--bundle', bundle, '--digest', digestFile)).code).toBe(0);

    // Drop the last record and rewrite the trailer: internally consistent again.
    const lines = readFileSync(bundle, 'utf8').trim().split('\n');
    const { makeDigest } = await import('../../src/audit/log-digest');
    const records = lines.slice(1, -2).map((l) => JSON.parse(l));
    const forged = [lines[0], ...lines.slice(1, -2), JSON.stringify({ trailer: true, records: records.length, digest: makeDigest(records, 'x') })];
    writeFileSync(bundle, `${forged.join('\n')}\n`);
    expect((await cli('verify', '--bundle', bundle)).code).toBe(0);
    const against = await cli('verify', '--bundle', bundle, '--digest', digestFile);
    expect(against.code).toBe(1);
    expect(against.out).toContain('NOT OK');
  });

  it('refuses bad input with a clear message and exit code 2', async () => {
    expect(await cli('export', '--db', db)).toMatchObject({ code: 2, err: expect.stringContaining('export needs --out') });
    const notJson = tmp.file('not-a-digest.json');
    writeFileSync(notJson, '{"format":"something else"}');
    expect(await cli('verify', '--digest', notJson, '--db', db)).toMatchObject({ code: 2, err: expect.stringContaining('format') });
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateHistory } from '../../bench/generator/generate-history';
import { tempDir } from '../support/fixtures';

const ROOT = join(__dirname, '..', '..');
const RESULTS = join(ROOT, 'bench', 'results');
const resultFiles = () => {
  try {
    return readdirSync(RESULTS).sort();
  } catch {
    return [];
  }
};

const firstCommands = (seed: number, count: number) => {
  const { commands } = generateHistory({ seed, bodies: 2 });
  return Array.from({ length: count }, () => commands.next().value);
};

describe('bench generator', () => {
  it('gives the same history for the same seed and another for another seed', () => {
    const a = firstCommands(7, 3000);
    expect(firstCommands(7, 3000)).toEqual(a);
    expect(firstCommands(8, 3000)).not.toEqual(a);
    expect(new Set(a.map((c) => c.command.metadata.commandId)).size).toBe(a.length);
    expect(new Set(a.map((c) => c.command.type))).toEqual(
      new Set([
        'RegisterParty', 'EstablishGroup', 'AppointMember', 'AppointChair', 'RecordAffiliation', 'ReplaceMember', 'EndMembership',
        'RecordMeeting', 'RecordAttendance', 'SignOffMeeting', 'AmendAgendaItem', 'RecordRatification', 'RecordDeferredDecision',
        'RegisterGrant', 'AllocateFunds', 'ForecastUnusedFunds', 'DistributeFundsEarly', 'RecordFinalAccounting', 'SettleRemainder', 'InvoiceSettlement', 'RecordInvoicePayment',
        'RevokeEvent', 'CorrectEvent',
      ]),
    );
  });

  it('records each meeting ahead of the decisions that cite it, with their item numbers', () => {
    const commands = firstCommands(7, 3000).map((c) => c.command);
    const recorded = new Map<string, Set<string>>();
    for (const command of commands) {
      if (command.type === 'RecordMeeting') {
        const slug = `${command.data.body as string}-${command.data.date as string}`;
        recorded.set(slug, new Set((command.data.items as { number: string }[]).map((i) => i.number)));
      }
      const cited = command.metadata.decision;
      if (cited) expect(recorded.get(cited.meeting)?.has(cited.item)).toBe(true);
    }
    expect(recorded.size).toBeGreaterThan(50);
  });
});

/**
 * `npm run bench` at a tiny size, end to end: compiled as the script compiles it, with the
 * real child processes and a few autocannon requests. Checks that every measurement runs
 * and the JSON has its shape; never the speed.
 */
describe('npm run bench (tiny)', () => {
  const tmp = tempDir('ledger-bench-smoke-');
  afterAll(() => tmp.cleanup());

  it('imports, measures everything and writes one JSON entry per figure, outside bench/results', () => {
    // 4 000 events: one body over several years, so grants have reached settlement and payment and corrections have come.
    const before = resultFiles();
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.bench.json')], { cwd: ROOT, stdio: 'pipe' });
    const out = join(tmp.dir, 'results');
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'dist-bench', 'bench', 'run-bench.js'), '--events', '4000', '--http-requests', '12', '--queries', '20', '--peer-rounds', '1', '--out', out, '--work', join(tmp.dir, 'work')],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(resultFiles()).toEqual(before);

    const files = readdirSync(out);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}\.json$/);
    const result = JSON.parse(readFileSync(join(out, files[0]!), 'utf8')) as { figures: Record<string, unknown>[]; points: { events: number }[]; machine: { node: string } };
    expect(result.machine.node).toBe(process.version);
    const events = result.points[0]!.events;
    expect(events).toBeGreaterThanOrEqual(4000);
    // A batch never holds more commands than events still wanted, and a command appends a few at most (a meeting one per agenda item).
    expect(events).toBeLessThan(8000);

    const names = result.figures.map((f) => f.name);
    for (const expected of [
      'bulk-import', 'raw-insert', 'raw-insert-indexed', 'raw-read-parse', 'import-append-only', 'import-append-read-models',
      'db-bytes-per-event', 'rebuild', 'rebuild-peak-rss', 'verify', 'verify-peak-rss',
      'roster-in-process-p50', 'roster-in-process-p99', 'roster-http-p50', 'roster-http-p99', 'roster-http-throughput',
      'balance-in-process-p50', 'balance-in-process-p99', 'balance-in-process-throughput', 'balance-http-p50', 'balance-http-p99', 'balance-http-throughput',
      'commands-http-p50', 'commands-http-p99', 'commands-http-throughput',
      // The peer measurement: the ledger's store, Emmett-SQLite and the raw insert on the same batches.
      ...[10, 100].flatMap((b) => [
        `peer-append-raw-b${b}`, `peer-append-ledger-b${b}`, `peer-append-emmett-b${b}`, `peer-append-ledger-per-emmett-b${b}`,
        ...['ledger', 'emmett', 'raw'].flatMap((s) => [`peer-cpu-us-per-event-${s}-b${b}`, `peer-bytes-written-per-event-${s}-b${b}`, `peer-file-bytes-per-event-${s}-b${b}`]),
      ]),
      // PostgreSQL beside SQLite whenever there is one to measure on (a server given, or PostgreSQL installed).
      ...(process.env.LEDGER_BENCH_POSTGRES_URL || existsSync('/usr/lib/postgresql') ? ['postgres-append', 'postgres-read-parse', 'postgres-verify'] : []),
    ]) {
      expect(names).toContain(expected);
    }
    for (const figure of result.figures) {
      expect(Object.keys(figure).every((k) => ['name', 'value', 'unit', 'events', 'raw', 'ratio', 'note'].includes(k))).toBe(true);
      expect(typeof figure.name).toBe('string');
      expect(typeof figure.unit).toBe('string');
      expect(Number.isFinite(figure.value)).toBe(true);
      expect(figure.value as number).toBeGreaterThan(0);
      expect(figure.events).toBe(events);
      if ('raw' in figure) expect(figure.ratio).toBeCloseTo((figure.value as number) / (figure.raw as number), 3);
    }
    const byName = new Map(result.figures.map((f) => [f.name, f]));
    expect(byName.get('bulk-import')?.raw).toBe(byName.get('raw-insert')?.value);
    expect(byName.get('rebuild')?.raw).toBe(byName.get('raw-read-parse')?.value);
    for (const b of [10, 100]) {
      expect(byName.get(`peer-append-ledger-b${b}`)?.raw).toBe(byName.get(`peer-append-raw-b${b}`)?.value);
      expect(byName.get(`peer-append-emmett-b${b}`)?.raw).toBe(byName.get(`peer-append-raw-b${b}`)?.value);
      expect(byName.get(`peer-append-ledger-per-emmett-b${b}`)?.value).toBeCloseTo(
        (byName.get(`peer-append-ledger-b${b}`)!.value as number) / (byName.get(`peer-append-emmett-b${b}`)!.value as number),
        6,
      );
    }
  }, 90_000);
});

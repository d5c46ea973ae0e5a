import 'reflect-metadata';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_MEASUREMENTS } from './measurements/all-measurements';
import type { BenchContext } from './measurements/measurement';
import { bodiesForEvents } from './generator/generate-history';
import type { ServerReady } from './children/server.child';
import { parseBenchArgs, UsageError, USAGE, type BenchOptions } from './support/bench-options';
import { forkChild, type RunningChild } from './support/children';
import { completeFigures, formatNumber, formatTable, round, type Figure } from './support/figures';
import { describeMachine } from './support/machine';
import { judge } from './targets';

/** `npm run bench`: generate, import and measure at each log size; print a table; write bench/results/<date>.json. */
const REPO_ROOT = join(__dirname, '..', '..');
const started = Date.now();
const log = (message: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);

interface PointResult {
  readonly target: number;
  readonly events: number;
  readonly seconds: number;
  readonly generator: Record<string, number | string>;
  readonly figures: Figure[];
}

async function runPoint(target: number, options: BenchOptions): Promise<PointResult> {
  const base = options.workDir ?? tmpdir();
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `ledger-bench-${target}-`));
  let server: (RunningChild<ServerReady> & { url: string }) | null = null;
  const ctx: BenchContext = {
    options,
    target,
    dir,
    dbPath: join(dir, 'ledger.db'),
    imported: null,
    async server() {
      if (!server) {
        const child = forkChild<ServerReady>('server', [ctx.dbPath], options.profileDir);
        server = { ...child, url: `http://127.0.0.1:${(await child.ready).port}` };
      }
      return server;
    },
    log: (message) => log(`${formatNumber(target)}: ${message}`),
  };
  const pointStart = Date.now();
  const drafts = [];
  try {
    for (const measurement of ALL_MEASUREMENTS.filter((m) => m.name === 'bulk-import' || options.only === null || options.only.includes(m.name))) {
      const start = Date.now();
      drafts.push(...(await measurement.run(ctx)));
      ctx.log(`${measurement.name} done in ${((Date.now() - start) / 1000).toFixed(1)} s`);
    }
  } finally {
    const running = server as RunningChild<ServerReady> | null;
    if (running) {
      running.child.send('close');
      const timer = setTimeout(() => running.child.kill(), 10_000);
      await running.exited;
      clearTimeout(timer);
    }
    if (options.keep) log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  const history = ctx.imported!;
  return {
    target,
    events: history.events,
    seconds: round((Date.now() - pointStart) / 1000, 1),
    generator: {
      bodies: history.world.bodies.length,
      groups: history.world.groupsCreated,
      people: history.world.peopleCreated,
      commands: history.commands,
      lastMeeting: history.world.lastDay,
    },
    figures: completeFigures(drafts, history.events),
  };
}

function resultsFile(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const day = new Date().toISOString().slice(0, 10);
  for (let n = 1; ; n++) {
    const file = join(dir, `${day}${n === 1 ? '' : `-${n}`}.json`);
    if (!existsSync(file)) return file;
  }
}

/** One row per figure, one column per log size: how each cost grows. */
function growthTable(points: readonly PointResult[]): string {
  const names = [...new Set(points.flatMap((p) => p.figures.map((f) => f.name)))];
  const header = ['figure', 'unit', ...points.map((p) => formatNumber(p.events))];
  const rows = names.map((name) => {
    const first = points.flatMap((p) => p.figures).find((f) => f.name === name)!;
    return [name, first.unit, ...points.map((p) => {
      const f = p.figures.find((x) => x.name === name);
      return f ? `${formatNumber(f.value)}${f.ratio !== undefined ? ` (${formatNumber(f.ratio * 100)} %)` : ''}` : '';
    })];
  });
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2), REPO_ROOT);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) process.stderr.write(`${error.message}\n\n`);
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const unknown = (options.only ?? []).filter((name) => !ALL_MEASUREMENTS.some((m) => m.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`--only: no measurement named ${unknown.join(', ')} (there are ${ALL_MEASUREMENTS.map((m) => m.name).join(', ')})\n`);
    process.exitCode = 2;
    return;
  }
  const machine = describeMachine();
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, node ${machine.node}, SQLite ${machine.sqlite}; load ${machine.loadAverageAtStart.join(' ')}`);
  const points: PointResult[] = [];
  for (const size of options.sizes) {
    log(`${formatNumber(size)} events: ${bodiesForEvents(size)} bodies, seed ${options.seed}`);
    const point = await runPoint(size, options);
    points.push(point);
    process.stdout.write(`\n${formatNumber(point.events)} events (${Object.entries(point.generator).map(([k, v]) => `${k} ${v}`).join(', ')}), ${point.seconds} s\n\n${formatTable(point.figures)}\n`);
  }
  const figures = points.flatMap((p) => p.figures);
  if (points.length > 1) process.stdout.write(`\nGrowth\n\n${growthTable(points)}\n`);
  const verdicts = judge(figures);
  process.stdout.write(`\nTargets\n\n${verdicts.map((v) => `${v.met ? 'met   ' : 'MISSED'}  ${v.target}  (at ${formatNumber(v.events)} events: ${formatNumber(v.value)})`).join('\n')}\n`);
  const file = resultsFile(options.resultsDir);
  const { resultsDir: _r, workDir: _w, ...settings } = options;
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), machine, settings, points: points.map(({ figures: _f, ...p }) => p), figures, targets: verdicts }, null, 2)}\n`,
  );
  process.stdout.write(`\nWrote ${file}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

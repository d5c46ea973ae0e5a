import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ALL_PROJECTIONS } from './all-projections';
import type { Projection } from './projection';
import type { ShadowBuildJob, ShadowBuildMessage } from './shadow-build.worker';

/**
 * A rebuild's share of the work per read model: the time each one's `apply` took in a
 * single-thread build of a 5·10^4-event log (bench/README.md, issue 15, 2026-12-06), in percent. What
 * the split below balances. A read model not listed counts as 1; every name listed must be
 * a read model's (test/audit/rebuild.spec.ts), since a misspelt one silently counts as 1.
 */
export const WEIGHT: Readonly<Record<string, number>> = {
  'attested-seat': 26,
  meeting: 24,
  'group-membership': 18,
  'decision-status': 10,
  affiliation: 6,
  'decision-effects': 6,
  'event-locator': 4,
  'chair-term': 4,
};

/** Which read models a second thread builds, and from which file it reads the log. */
export interface ShadowSplit {
  readonly here: readonly Projection[];
  readonly helper: readonly Projection[];
}

/**
 * Splits a rebuild over two threads when that can help: the machine has a second core, the
 * log is an SQLite file the helper can open itself, the reads are upcast as the ledger's
 * default (the helper applies LEDGER_UPCASTERS), and the read models are the ledger's own
 * (the helper builds its own instances, found by name; a test's changed versions are not).
 * Every read model owns its tables and reads no other's (projection.ts), so two shadows built
 * apart hold what one would. Returns null when one thread it is.
 */
export function splitForHelper(projections: readonly Projection[], helper: { readonly logFile: string } | null): ShadowSplit | null {
  if (!helper || availableParallelism() < 2) return null;
  const movable = projections.filter((p) => ALL_PROJECTIONS.includes(p));
  if (movable.length < 2) return null;
  // Greedy by weight, heaviest first, each to the lighter side; the helper's side only takes movable ones.
  const weight = (p: Projection) => WEIGHT[p.name] ?? 1;
  const here: Projection[] = projections.filter((p) => !movable.includes(p));
  const away: Projection[] = [];
  const sum = (ps: readonly Projection[]) => ps.reduce((total, p) => total + weight(p), 0);
  for (const p of [...movable].sort((a, b) => weight(b) - weight(a))) (sum(away) < sum(here) ? away : here).push(p);
  if (away.length === 0 || here.length === 0) return null;
  return { here: projections.filter((p) => here.includes(p)), helper: projections.filter((p) => away.includes(p)) };
}

/** Builds `job` in a worker thread; resolves with the position reached. */
export function buildInHelper(job: ShadowBuildJob, onProgress: (position: number) => void): { done: Promise<number>; stop: () => Promise<void> } {
  const worker = startWorker(job);
  const done = new Promise<number>((resolve, reject) => {
    worker.on('message', (message: ShadowBuildMessage) => {
      if ('progress' in message) onProgress(message.progress);
      else if ('done' in message) resolve(message.done);
      else reject(new Error(`the read-model build in a second thread failed: ${message.error}`));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the read-model build thread stopped (exit code ${code})`)));
  });
  return { done, stop: async () => void (await worker.terminate()) };
}

/**
 * The compiled worker next to this file; under ts-jest the sources are TypeScript, so the
 * thread compiles them as it requires them (TypeScript's own transpiler, the compiler options
 * of tsconfig.json that change emitted code).
 */
function startWorker(job: ShadowBuildJob): Worker {
  const compiled = join(__dirname, 'shadow-build.worker.js');
  if (existsSync(compiled)) return new Worker(compiled, { workerData: job });
  const source = join(__dirname, 'shadow-build.worker.ts');
  const bootstrap = `
    const fs = require('node:fs');
    const ts = require(${JSON.stringify(require.resolve('typescript'))});
    require.extensions['.ts'] = (module, filename) => {
      const output = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
        fileName: filename,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, experimentalDecorators: true, emitDecoratorMetadata: true },
      });
      module._compile(output.outputText, filename);
    };
    require(${JSON.stringify(require.resolve('reflect-metadata'))});
    require(${JSON.stringify(source)});`;
  return new Worker(bootstrap, { eval: true, workerData: job });
}

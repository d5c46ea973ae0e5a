import { join } from 'node:path';

export interface BenchOptions {
  /** Log sizes to measure at, in order: one, or the growth points. */
  readonly sizes: readonly number[];
  readonly seed: number;
  /** Commands per import batch (one all-or-nothing `writer.execute`, one transaction). */
  readonly batch: number;
  /** Seconds per autocannon run, unless `httpRequests` is given. */
  readonly httpSeconds: number;
  /** Requests per autocannon run (for tiny runs); overrides `httpSeconds`. */
  readonly httpRequests: number | null;
  /** Roster queries timed in-process. */
  readonly queries: number;
  readonly resultsDir: string;
  /** Where the databases go; a temp directory when null. */
  readonly workDir: string | null;
  readonly keep: boolean;
  /** Children (rebuild, server) write V8 CPU profiles here. */
  readonly profileDir: string | null;
  /** Run only these measurements (and the import they need); null for all. */
  readonly only: readonly string[] | null;
  /** Events the peer measurement appends (the first of the imported log): 3 stores × 2 batch sizes × rounds, so kept below the log size by default. */
  readonly peerEvents: number;
  /** Interleaved rounds of the peer measurement. */
  readonly peerRounds: number;
}

export const MAX_EVENTS = 10_000_000;
export const USAGE = `npm run bench -- [--events N] [--growth] [--full] [--seed N] [--batch N]
  [--http-seconds N] [--http-requests N] [--queries N] [--out DIR] [--work DIR] [--keep] [--profile DIR]
  [--only NAME,NAME] [--peer-events N] [--peer-rounds N]

  --events N        log size to measure at (default 100000, at most ${MAX_EVENTS})
  --growth          measure at 10^5 and 10^6 events
  --full            measure at 10^5, 10^6 and 10^7 events
  --seed N          generator seed (default 1)
  --batch N         commands per import batch, 1-500 (default 500, the most one request may hold)
  --http-seconds N  seconds per HTTP load run (default 3)
  --http-requests N requests per HTTP load run instead of a duration (tiny runs)
  --queries N       roster queries timed in-process (default 2000)
  --out DIR         results directory (default bench/results)
  --work DIR        directory for the databases (default: a temp directory, removed afterwards)
  --keep            keep the databases
  --profile DIR     run the rebuild and server children with --cpu-prof into DIR
  --only NAMES      run only these measurements, comma-separated (the bulk import always runs):
                    e.g. --only peer-append
  --peer-events N   events the peer measurement appends, the first of the log (default 20000;
                    100000 is the issue's size, about four minutes here)
  --peer-rounds N   interleaved rounds of the peer measurement (default 3)`;

export class UsageError extends Error {}

export function parseBenchArgs(argv: readonly string[], repoRoot: string): BenchOptions {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const name = arg.slice(2);
    if (['growth', 'full', 'keep', 'help'].includes(name)) flags.set(name, true);
    else {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    }
  }
  const known = ['events', 'growth', 'full', 'seed', 'batch', 'http-seconds', 'http-requests', 'queries', 'out', 'work', 'keep', 'profile', 'only', 'peer-events', 'peer-rounds', 'help'];
  for (const name of flags.keys()) if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
  if (flags.has('help')) throw new UsageError('');

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const value = flags.get(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (value === true || !Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  const text = (name: string): string | null => {
    const value = flags.get(name);
    return typeof value === 'string' ? value : null;
  };
  const events = int('events', 100_000, 1, MAX_EVENTS);
  if (flags.has('events') && (flags.has('growth') || flags.has('full'))) throw new UsageError('--events cannot be combined with --growth or --full');
  const sizes = flags.has('full') ? [100_000, 1_000_000, 10_000_000] : flags.has('growth') ? [100_000, 1_000_000] : [events];
  const requests = flags.has('http-requests') ? int('http-requests', 1, 1, 10_000_000) : null;
  return {
    sizes,
    seed: int('seed', 1, 0, 2 ** 31 - 1),
    batch: int('batch', 500, 1, 500),
    httpSeconds: int('http-seconds', 3, 1, 600),
    httpRequests: requests,
    queries: int('queries', 2000, 1, 10_000_000),
    resultsDir: text('out') ?? join(repoRoot, 'bench', 'results'),
    workDir: text('work'),
    keep: flags.has('keep'),
    profileDir: text('profile'),
    only: text('only')?.split(',').map((name) => name.trim()).filter((name) => name.length > 0) ?? null,
    peerEvents: int('peer-events', 20_000, 100, MAX_EVENTS),
    peerRounds: int('peer-rounds', 3, 1, 99),
  };
}

import type { BenchOptions } from '../support/bench-options';
import type { FigureDraft } from '../support/figures';
import type { World } from '../generator/world';

/** What the bulk import leaves for the measurements after it. */
export interface ImportedHistory {
  /** Events in the log after the import. */
  readonly events: number;
  readonly commands: number;
  /** Events appended by each import request (transaction), in order: the raw limit inserts in the same transactions. */
  readonly batchEventCounts: readonly number[];
  readonly world: World;
  readonly firstRecordedAt: string;
  readonly lastRecordedAt: string;
}

export interface BenchContext {
  readonly options: BenchOptions;
  /** The log size this point aims at. */
  readonly target: number;
  /** A directory of this point's own, removed afterwards unless --keep. */
  readonly dir: string;
  /** The ledger's SQLite file (log and read models). */
  readonly dbPath: string;
  imported: ImportedHistory | null;
  /** The real server on `dbPath` in a child process, started on first use and stopped after the point. */
  server(): Promise<{ readonly url: string }>;
  log(message: string): void;
}

/**
 * One thing the benchmark measures. Measurements run in registry order on the same
 * database; a new slice adds one file and one line in `all-measurements.ts`.
 */
export interface Measurement {
  readonly name: string;
  run(ctx: BenchContext): Promise<FigureDraft[]>;
}

export function imported(ctx: BenchContext): ImportedHistory {
  if (!ctx.imported) throw new Error('the bulk import must run before this measurement');
  return ctx.imported;
}

import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { toStoredEvent } from '../event-store/sqlite/sqlite-event-store';
import type { EventRow } from '../event-store/sqlite/sqlite-event-log.schema';
import { LEDGER_UPCASTERS, UpcasterRegistry } from '../events/upcasters';
import { ALL_PROJECTIONS } from './all-projections';
import { buildShadow } from './shadow-rebuild';

/** What the ledger's thread hands a helper thread (see `parallel-shadow-build.ts`). */
export interface ShadowBuildJob {
  /** The ledger's SQLite file: the helper reads the log from it on a read-only connection of its own. */
  readonly logFile: string;
  readonly shadowPath: string;
  /** Names of projections in ALL_PROJECTIONS (the helper has its own instances of them). */
  readonly projections: readonly string[];
  /** The last position to build up to: the same for every part of one rebuild. */
  readonly head: number;
}

export type ShadowBuildMessage = { readonly progress: number } | { readonly done: number } | { readonly error: string };

async function run(job: ShadowBuildJob): Promise<number> {
  const projections = job.projections.map((name) => {
    const p = ALL_PROJECTIONS.find((candidate) => candidate.name === name);
    if (!p) throw new Error(`no projection named ${name}`);
    return p;
  });
  const log = new Database(job.logFile, { readonly: true, fileMustExist: true });
  try {
    // The same events the ledger's own read gives: rows as stored, upcast with the ledger's upcasters.
    const upcasters = new UpcasterRegistry(LEDGER_UPCASTERS);
    const read = log.prepare<[number, number], EventRow>(
      'SELECT position, id, stream, stream_version, type, schema_version, data, metadata FROM events WHERE position > ? ORDER BY position LIMIT ?',
    );
    return await buildShadow(job.shadowPath, projections, async (after, limit) => read.all(after, limit).map((row) => upcasters.upcast(toStoredEvent(row))), job.head, (position) =>
      parentPort!.postMessage({ progress: position } satisfies ShadowBuildMessage),
    );
  } finally {
    log.close();
  }
}

run(workerData as ShadowBuildJob).then(
  (position) => parentPort!.postMessage({ done: position } satisfies ShadowBuildMessage),
  (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ShadowBuildMessage),
);

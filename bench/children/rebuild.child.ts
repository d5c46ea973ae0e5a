import 'reflect-metadata';
import Database from 'better-sqlite3';
import { openLedger } from '../../src/ledger';

/**
 * A full rebuild of every read model in a process of its own, so its peak RSS is the
 * rebuild's: forget the checkpoints, then open the ledger as the server does on start —
 * every projection drops its tables and catches up from the first event.
 */
export interface RebuildReport {
  readonly events: number;
  readonly ms: number;
  readonly readModelPosition: number;
  readonly rssBeforeKb: number;
  readonly maxRssKb: number;
}

async function main(dbPath: string): Promise<void> {
  const db = new Database(dbPath);
  db.exec('DROP TABLE IF EXISTS projection_checkpoints');
  db.close();
  const rssBeforeKb = Math.round(process.memoryUsage().rss / 1024);
  const start = process.hrtime.bigint();
  const ledger = await openLedger({ store: 'sqlite', dbPath, eventStoreConnectionString: null, readModelWaitMs: 0 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const report: RebuildReport = {
    events: await ledger.store.headPosition(),
    ms,
    readModelPosition: ledger.engine.position(),
    rssBeforeKb,
    maxRssKb: process.resourceUsage().maxRSS,
  };
  await ledger.close();
  process.send?.(report);
}

main(process.argv[2] as string).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

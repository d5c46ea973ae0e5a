import 'reflect-metadata';
import { openAuditLog } from '../../src/audit/open-audit-log';

/**
 * `ledger verify` in a process of its own, so its peak RSS is the verification's: open the
 * log alone (no read models), as the CLI does, and recompute every stream's hash chain.
 */
export interface VerifyReport {
  readonly events: number;
  readonly streams: number;
  readonly ok: boolean;
  readonly problems: number;
  readonly ms: number;
  readonly rssBeforeKb: number;
  readonly maxRssKb: number;
}

async function main(dbPath: string): Promise<void> {
  const log = await openAuditLog({ store: 'sqlite', dbPath, eventStoreConnectionString: null });
  const rssBeforeKb = Math.round(process.memoryUsage().rss / 1024);
  try {
    const start = process.hrtime.bigint();
    const verified = await log.audit.verify();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const report: VerifyReport = {
      events: verified.events,
      streams: verified.streams,
      ok: verified.ok,
      problems: verified.totalProblems,
      ms,
      rssBeforeKb,
      maxRssKb: process.resourceUsage().maxRSS,
    };
    process.send?.(report);
  } finally {
    await log.close();
  }
}

main(process.argv[2] as string).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

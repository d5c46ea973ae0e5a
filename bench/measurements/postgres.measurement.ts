import { LedgerAudit } from '../../src/audit/ledger-audit';
import { connectPostgres } from '../../src/event-store/postgres/postgres-event-store';
import { openBenchPostgres } from '../support/bench-postgres';
import { SettableClock } from '../support/settable-clock';
import { msSince } from '../support/stats';
import { batchesOf } from './import-breakdown.measurement';
import { imported, type Measurement } from './measurement';

/**
 * The same log on the verified server option, beside the SQLite figures: the events the
 * import stored, appended again in the same batches through `PostgresEventStore.append`
 * (one transaction under the append lock per batch: versions, hash chain, idempotency check),
 * then read back in pages of 1000 and parsed, then every chain verified from the server.
 * Compare with `import-append-only`, `raw-read-parse` and `verify`. Left out, with a line in
 * the log, when no PostgreSQL is there (see bench/support/bench-postgres.ts).
 */
export const postgresMeasurement: Measurement = {
  name: 'postgres',
  async run(ctx) {
    const { batchEventCounts, events } = imported(ctx);
    const server = await openBenchPostgres((m) => ctx.log(m));
    if (!server) return [];
    ctx.log(`PostgreSQL: ${server.where}`);
    const clock = new SettableClock();
    const store = await connectPostgres(server.url, clock);
    try {
      let appendMs = 0;
      for (const batch of batchesOf(ctx.dbPath, batchEventCounts)) {
        clock.set(batch.at);
        const start = process.hrtime.bigint();
        await store.append(batch.appends);
        appendMs += msSince(start);
      }
      let read = 0;
      let after = 0;
      const readStart = process.hrtime.bigint();
      for (;;) {
        const page = await store.readAll({ after, limit: 1000 });
        if (page.length === 0) break;
        read += page.length;
        after = page.at(-1)!.position;
      }
      const readMs = msSince(readStart);
      if (read !== events) throw new Error(`PostgreSQL read back ${read} of ${events} events`);
      const verifyStart = process.hrtime.bigint();
      const report = await new LedgerAudit(store, clock).verify();
      const verifyMs = msSince(verifyStart);
      if (!report.ok || report.events !== events) throw new Error(`the PostgreSQL log does not verify (${report.events} events, ok=${report.ok})`);
      const note = `PostgreSQL on ${server.where}`;
      return [
        { name: 'postgres-append', value: events / (appendMs / 1000), unit: 'events/s', rawOf: 'import-append-only', note: `${note}; ratio is to the SQLite event store append` },
        { name: 'postgres-read-parse', value: events / (readMs / 1000), unit: 'events/s', rawOf: 'raw-read-parse', note: 'readAll in pages of 1000, parsed' },
        { name: 'postgres-verify', value: events / (verifyMs / 1000), unit: 'events/s', rawOf: 'verify', note: 'every chain recomputed from the server log' },
      ];
    } finally {
      await store.close();
      await server.close();
    }
  },
};

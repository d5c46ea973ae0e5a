import Database from 'better-sqlite3';
import { openLedger } from '../../src/ledger';
import { bodiesForEvents, generateHistory } from '../generator/generate-history';
import type { GeneratedCommand } from '../generator/generate-history';
import { importWriters, splitByRole } from '../support/import-writers';
import { SettableClock } from '../support/settable-clock';
import { msSince } from '../support/stats';
import type { Measurement } from './measurement';

/**
 * Bulk import through the real command path: the generated commands go, a batch at a time,
 * through the same LedgerWriter the server and `ledger import` use (parse and validate,
 * decide against the streams, append, inline read models, one transaction per request).
 * It writes as a clerk and a finance officer with real tokens (`import-writers.ts`), so a
 * batch goes as up to two requests: the clerk's commands, then finance's.
 * Only the time inside `writer.execute` counts; generating the commands does not.
 */
export const bulkImportMeasurement: Measurement = {
  name: 'bulk-import',
  async run(ctx) {
    const clock = new SettableClock();
    const ledger = await openLedger({ store: 'sqlite', dbPath: ctx.dbPath, eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock });
    const { world, commands } = generateHistory({ seed: ctx.options.seed, bodies: bodiesForEvents(ctx.target) });
    const writers = importWriters(ledger.tokens, 'bench import');
    const batchEventCounts: number[] = [];
    let events = 0;
    let commandCount = 0;
    let busyMs = 0;
    let recordedAt = 0;
    let nextReport = ctx.target / 10;
    try {
      while (events < ctx.target) {
        // Every command appends at least one event: never take more than are still wanted, so the log ends close to the target.
        const size = Math.min(ctx.options.batch, ctx.target - events);
        const batch: GeneratedCommand[] = [];
        for (let i = 0; i < size; i++) batch.push(commands.next().value);
        const atOf = new Map(batch.map((b) => [b.command, b.at]));
        for (const part of splitByRole(batch.map((b) => b.command))) {
          // A request is recorded when its first command reaches the ledger, never before the request sent before it.
          recordedAt = Math.max(recordedAt, atOf.get(part.commands[0]!)!.getTime());
          clock.set(new Date(recordedAt));
          const start = process.hrtime.bigint();
          const result = await ledger.writer.execute(part.commands, writers[part.role]);
          busyMs += msSince(start);
          batchEventCounts.push(result.events.length);
          events += result.events.length;
        }
        commandCount += batch.length;
        if (events >= nextReport) {
          ctx.log(`imported ${events} events (${Math.round(events / (busyMs / 1000))} events/s so far)`);
          nextReport += ctx.target / 10;
        }
      }
    } finally {
      await ledger.close();
    }
    const db = new Database(ctx.dbPath, { readonly: true });
    const recordedAtEnd = (order: 'ASC' | 'DESC') => (db.prepare(`SELECT recorded_at AS r FROM events ORDER BY position ${order} LIMIT 1`).get() as { r: string }).r;
    ctx.imported = { events, commands: commandCount, batchEventCounts, world, firstRecordedAt: recordedAtEnd('ASC'), lastRecordedAt: recordedAtEnd('DESC') };
    db.close();
    const seconds = busyMs / 1000;
    return [
      { name: 'bulk-import', value: events / seconds, unit: 'events/s', rawOf: 'raw-insert' },
      { name: 'bulk-import-commands', value: commandCount / seconds, unit: 'commands/s', note: `${ctx.options.batch} commands per batch, ${batchEventCounts.length} requests (clerk, finance)` },
    ];
  },
};

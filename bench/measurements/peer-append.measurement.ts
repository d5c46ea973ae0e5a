import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FigureDraft } from '../support/figures';
import { formatNumber } from '../support/figures';
import { peerBatches } from '../support/peer-batches';
import { PEER_STORES, type PeerStore } from '../support/peer-stores';
import { percentile } from '../support/stats';
import { imported, type Measurement } from './measurement';

/** The batch sizes the issue compares at (events per transaction). */
export const PEER_BATCH_SIZES = [10, 100] as const;

/**
 * The peer measurement: the same events (the first `--peer-events` of the imported log,
 * in log order) in the same batches, one transaction each, appended into fresh files by
 *   - the ledger's event store (`SqliteEventStore.appendSync`, no read models),
 *   - Emmett's SQLite event store (`appendToStream`, @event-driven-io/emmett-sqlite),
 *   - a raw better-sqlite3 insert of the rows serialised beforehand into a bare table,
 * all in WAL with synchronous=FULL (checked on each connection). Rounds are interleaved,
 * the order rotating each round, so a load that comes and goes touches all three alike;
 * each figure is the median over the rounds. Printed every run: ledger/raw and Emmett/raw
 * (the ratio column) and ledger/Emmett.
 */
export const peerAppendMeasurement: Measurement = {
  name: 'peer-append',
  async run(ctx) {
    const { events } = imported(ctx);
    const limit = Math.min(events, ctx.options.peerEvents);
    const rounds = ctx.options.peerRounds;
    const drafts: FigureDraft[] = [];
    for (const size of PEER_BATCH_SIZES) {
      const batches = peerBatches(ctx.dbPath, size, limit);
      const rates = new Map<PeerStore['name'], number[]>(PEER_STORES.map((s) => [s.name, []]));
      const cpuPerEvent = new Map<PeerStore['name'], number[]>(PEER_STORES.map((s) => [s.name, []]));
      const last = new Map<PeerStore['name'], { fileBytes: number; bytesWritten: number }>();
      for (let round = 0; round < rounds; round++) {
        const order = PEER_STORES.map((_, i) => PEER_STORES[(i + round) % PEER_STORES.length]!);
        for (const store of order) {
          const path = join(ctx.dir, `peer-${store.name}-b${size}-r${round + 1}.db`);
          const run = await store.run(path, batches);
          for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
          if (run.stored !== limit) throw new Error(`${store.name} stored ${run.stored} of ${limit} events at batches of ${size}`);
          if (run.journalMode !== 'wal' || run.synchronous !== 2) {
            throw new Error(`${store.name} ran with journal_mode=${run.journalMode}, synchronous=${run.synchronous}, not WAL and FULL (2)`);
          }
          rates.get(store.name)!.push(limit / (run.ms / 1000));
          cpuPerEvent.get(store.name)!.push((run.cpuMs * 1000) / limit);
          last.set(store.name, run);
        }
        const r = (name: PeerStore['name']) => rates.get(name)![round]!;
        ctx.log(
          `peer append, ${limit} events in batches of ${size}, round ${round + 1} (${order.map((s) => s.name).join(', ')}): ` +
            `ledger ${formatNumber(r('ledger'))}, emmett ${formatNumber(r('emmett'))}, raw ${formatNumber(r('raw'))} events/s; ` +
            `ledger/emmett ${formatNumber(r('ledger') / r('emmett'))}, ledger/raw ${formatNumber((r('ledger') / r('raw')) * 100)} %`,
        );
      }
      const median = (name: PeerStore['name']) => percentile(rates.get(name)!, 50);
      const name = (what: string) => `peer-append-${what}-b${size}`;
      const note = `${limit} events, ${batches.length} transactions of ${size}, median of ${rounds} interleaved rounds`;
      drafts.push(
        { name: name('raw'), value: median('raw'), unit: 'events/s', note: `better-sqlite3, bare table, rows serialised beforehand; ${note}` },
        { name: name('ledger'), value: median('ledger'), unit: 'events/s', rawOf: name('raw'), note: 'SqliteEventStore.appendSync (log, indexes, hash chain)' },
        { name: name('emmett'), value: median('emmett'), unit: 'events/s', rawOf: name('raw'), note: 'emmett-sqlite appendToStream, one transaction per batch' },
        { name: name('ledger-per-emmett'), value: median('ledger') / median('emmett'), unit: '×', note: 'ledger events/s over Emmett events/s' },
      );
      for (const store of PEER_STORES) {
        const run = last.get(store.name)!;
        drafts.push(
          { name: `peer-cpu-us-per-event-${store.name}-b${size}`, value: percentile(cpuPerEvent.get(store.name)!, 50), unit: 'µs', note: 'process CPU time in the appends, median of the rounds' },
          { name: `peer-bytes-written-per-event-${store.name}-b${size}`, value: run.bytesWritten / limit, unit: 'bytes', note: 'write(2) bytes, appends and the final checkpoint' },
          { name: `peer-file-bytes-per-event-${store.name}-b${size}`, value: run.fileBytes / limit, unit: 'bytes', note: 'after a WAL checkpoint' },
        );
      }
    }
    return drafts;
  },
};

import { openLedger } from '../../src/ledger';
import { GetGrantBalanceHandler, GetGrantBalanceQuery } from '../../src/queries/finance/grant-balance.query';
import { balanceSamples } from '../support/balance-samples';
import { msSince, percentile } from '../support/stats';
import { imported, type Measurement } from './measurement';

/**
 * "How much of grant G was received, allocated, used and left on day D, and who owes whom,
 * as known at K?" in-process: the query handler GET /grants/:g/balance dispatches to, on the
 * real read models (postings), without HTTP. Half the questions ask what the ledger says
 * now, half what it said at a moment after the grant became known.
 */
export const balanceInProcessMeasurement: Measurement = {
  name: 'balance-in-process',
  async run(ctx) {
    const samples = balanceSamples(ctx.dbPath, imported(ctx), ctx.options.seed, ctx.options.queries);
    if (samples.length === 0) {
      ctx.log('no grant in the log yet (too few events to reach a meeting): balance queries skipped');
      return [];
    }
    const ledger = await openLedger({ store: 'sqlite', dbPath: ctx.dbPath, eventStoreConnectionString: null, readModelWaitMs: 0 });
    const handler = new GetGrantBalanceHandler(ledger);
    const ask = (s: (typeof samples)[number]) => handler.execute(new GetGrantBalanceQuery(s.grant, s.at, s.knownAt ?? undefined));
    try {
      for (const sample of samples.slice(0, Math.min(200, samples.length))) await ask(sample);
      const latencies: number[] = [];
      let invoices = 0;
      const start = process.hrtime.bigint();
      for (const sample of samples) {
        const one = process.hrtime.bigint();
        invoices += (await ask(sample)).invoices.length;
        latencies.push(msSince(one));
      }
      const seconds = msSince(start) / 1000;
      const note = `${samples.length} queries, ${Math.round((invoices / samples.length) * 100) / 100} invoices per answer`;
      return [
        { name: 'balance-in-process-p50', value: percentile(latencies, 50), unit: 'ms', note },
        { name: 'balance-in-process-p99', value: percentile(latencies, 99), unit: 'ms', note },
        { name: 'balance-in-process-throughput', value: samples.length / seconds, unit: 'queries/s' },
      ];
    } finally {
      await ledger.close();
    }
  },
};

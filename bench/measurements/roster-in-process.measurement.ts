import { openLedger } from '../../src/ledger';
import { GetGroupRosterHandler, GetGroupRosterQuery } from '../../src/queries/group-roster.query';
import { rosterSamples } from '../support/roster-samples';
import { msSince, percentile } from '../support/stats';
import { imported, type Measurement } from './measurement';

/**
 * "Who sat on group X on day D, as known at K?" in-process: the query handler the HTTP
 * controller dispatches to, on the real read models, without HTTP. Half the questions ask
 * what the ledger says now, half what it said at a moment during the import.
 */
export const rosterInProcessMeasurement: Measurement = {
  name: 'roster-in-process',
  async run(ctx) {
    const history = imported(ctx);
    const samples = rosterSamples(ctx.dbPath, history, ctx.options.seed, ctx.options.queries);
    const ledger = await openLedger({ store: 'sqlite', dbPath: ctx.dbPath, eventStoreConnectionString: null, readModelWaitMs: 0 });
    const handler = new GetGroupRosterHandler(ledger);
    const ask = (s: (typeof samples)[number]) => handler.execute(new GetGroupRosterQuery(s.group, s.at, s.knownAt ?? undefined));
    try {
      for (const sample of samples.slice(0, Math.min(200, samples.length))) await ask(sample);
      const latencies: number[] = [];
      let members = 0;
      const start = process.hrtime.bigint();
      for (const sample of samples) {
        const one = process.hrtime.bigint();
        members += (await ask(sample)).members.length;
        latencies.push(msSince(one));
      }
      const seconds = msSince(start) / 1000;
      const note = `${samples.length} queries, ${Math.round((members / samples.length) * 10) / 10} members per answer`;
      return [
        { name: 'roster-in-process-p50', value: percentile(latencies, 50), unit: 'ms', note },
        { name: 'roster-in-process-p99', value: percentile(latencies, 99), unit: 'ms', note },
        { name: 'roster-in-process-throughput', value: samples.length / seconds, unit: 'queries/s' },
      ];
    } finally {
      await ledger.close();
    }
  },
};

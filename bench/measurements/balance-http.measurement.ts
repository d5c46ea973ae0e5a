import { runLoad } from '../support/load';
import { balancePath, balanceSamples } from '../support/balance-samples';
import { imported, type Measurement } from './measurement';

/**
 * The same balance questions over HTTP (GET /grants/:g/balance?at=&knownAt=) against the
 * real server in its own process, with autocannon: latency on one connection, throughput on
 * eight. Reads need no token unless LEDGER_READ_AUTH=on, which the bench's server leaves off.
 */
export const balanceHttpMeasurement: Measurement = {
  name: 'balance-http',
  async run(ctx) {
    const samples = balanceSamples(ctx.dbPath, imported(ctx), ctx.options.seed, Math.max(ctx.options.queries, 100));
    if (samples.length === 0) {
      ctx.log('no grant in the log yet (too few events to reach a meeting): balance requests skipped');
      return [];
    }
    const { url } = await ctx.server();
    let i = 0;
    const next = () => ({ method: 'GET' as const, path: balancePath(samples[i++ % samples.length]!) });
    const load = { url, seconds: ctx.options.httpSeconds, amount: ctx.options.httpRequests, next };
    const single = await runLoad({ ...load, connections: 1 });
    const eight = await runLoad({ ...load, connections: 8 });
    const note = `${single.responses} requests on 1 connection`;
    return [
      { name: 'balance-http-p50', value: single.p50, unit: 'ms', note },
      { name: 'balance-http-p99', value: single.p99, unit: 'ms', note },
      { name: 'balance-http-throughput', value: eight.perSecond, unit: 'requests/s', note: `8 connections; p99 ${eight.p99.toFixed(1)} ms` },
    ];
  },
};

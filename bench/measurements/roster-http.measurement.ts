import { runLoad } from '../support/load';
import { rosterPath, rosterSamples } from '../support/roster-samples';
import { imported, type Measurement } from './measurement';

/**
 * The same roster questions over HTTP against the real server in its own process, with
 * autocannon: latency with one connection (what one user waits), throughput with eight.
 */
export const rosterHttpMeasurement: Measurement = {
  name: 'roster-http',
  async run(ctx) {
    const samples = rosterSamples(ctx.dbPath, imported(ctx), ctx.options.seed, Math.max(ctx.options.queries, 100));
    const { url } = await ctx.server();
    let i = 0;
    const next = () => ({ method: 'GET' as const, path: rosterPath(samples[i++ % samples.length]!) });
    const load = { url, seconds: ctx.options.httpSeconds, amount: ctx.options.httpRequests, next };
    const single = await runLoad({ ...load, connections: 1 });
    const eight = await runLoad({ ...load, connections: 8 });
    const note = `${single.responses} requests on 1 connection`;
    return [
      { name: 'roster-http-p50', value: single.p50, unit: 'ms', note },
      { name: 'roster-http-p99', value: single.p99, unit: 'ms', note },
      { name: 'roster-http-throughput', value: eight.perSecond, unit: 'requests/s', note: `8 connections; p99 ${eight.p99.toFixed(1)} ms` },
    ];
  },
};

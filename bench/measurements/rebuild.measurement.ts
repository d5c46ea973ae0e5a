import type { RebuildReport } from '../children/rebuild.child';
import { forkChild } from '../support/children';
import type { Measurement } from './measurement';

/** A full rebuild of every read model from the log, in a child process (its peak RSS is the rebuild's). */
export const rebuildMeasurement: Measurement = {
  name: 'rebuild',
  async run(ctx) {
    const child = forkChild<RebuildReport>('rebuild', [ctx.dbPath], ctx.options.profileDir);
    const report = await child.ready;
    const code = await child.exited;
    if (code !== 0) throw new Error(`the rebuild child exited with code ${code}`);
    if (report.readModelPosition !== report.events) throw new Error(`the rebuild stopped at ${report.readModelPosition} of ${report.events} events`);
    return [
      { name: 'rebuild', value: report.events / (report.ms / 1000), unit: 'events/s', rawOf: 'raw-read-parse', note: 'every read model, from event 1' },
      { name: 'rebuild-peak-rss', value: report.maxRssKb / 1024, unit: 'MB', note: `the child held ${Math.round(report.rssBeforeKb / 1024)} MB before it began` },
    ];
  },
};

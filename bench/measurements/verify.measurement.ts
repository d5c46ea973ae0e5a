import type { VerifyReport } from '../children/verify.child';
import { forkChild } from '../support/children';
import { imported, type Measurement } from './measurement';

/**
 * `ledger verify` over the whole log (the code behind the CLI command and GET /audit/verify):
 * every event read as stored and its stream's hash chain recomputed and compared with the
 * links recorded at append. In a child process, so its peak RSS is the verification's (it
 * holds the whole log's records at once). A log that does not verify fails the run.
 */
export const verifyMeasurement: Measurement = {
  name: 'verify',
  async run(ctx) {
    const { events } = imported(ctx);
    const child = forkChild<VerifyReport>('verify', [ctx.dbPath], ctx.options.profileDir);
    const report = await child.ready;
    const code = await child.exited;
    if (code !== 0) throw new Error(`the verify child exited with code ${code}`);
    if (!report.ok) throw new Error(`the log does not verify: ${report.problems} problems`);
    if (report.events !== events) throw new Error(`verify read ${report.events} of ${events} events`);
    return [
      { name: 'verify', value: report.events / (report.ms / 1000), unit: 'events/s', note: `${report.streams} streams, every chain recomputed` },
      { name: 'verify-peak-rss', value: report.maxRssKb / 1024, unit: 'MB', note: `the child held ${Math.round(report.rssBeforeKb / 1024)} MB before it began` },
    ];
  },
};

import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger } from '../../src/ledger';
import { generateHistory, type GeneratedCommand } from '../generator/generate-history';
import { importWriters, splitByRole } from '../support/import-writers';
import { SettableClock } from '../support/settable-clock';

/**
 * How many events a body makes at go-live and per year of meetings, by command type: what
 * `bodiesForEvents` is tuned from. Imports a small history through the real writer (as the
 * bulk import does), so every count is what the ledger appended, and any refusal stops it.
 *
 *   node dist-bench/bench/tools/events-per-body-year.js [bodies=3] [years=3] [seed=1]
 */
async function main(bodies: number, years: number, seed: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-calibrate-'));
  const clock = new SettableClock();
  const ledger = await openLedger({ store: 'sqlite', dbPath: join(dir, 'ledger.db'), eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock });
  const writers = importWriters(ledger.tokens, 'calibration');
  const startYear = 2016;
  const { commands } = generateHistory({ seed, bodies, startYear });
  const byType = new Map<string, { commands: number; events: number }>();
  let goLive = 0;
  let meetings = 0;
  try {
    for (let done = false; !done; ) {
      const batch: GeneratedCommand[] = [];
      while (batch.length < 500) {
        const next = commands.next().value;
        if (Number(next.command.metadata.decidedOn!.slice(0, 4)) >= startYear + years) {
          done = true;
          break;
        }
        batch.push(next);
      }
      const goLiveIds = new Set(batch.filter((b) => b.command.metadata.source?.document.startsWith('Inläsning')).map((b) => b.command.metadata.commandId));
      for (const part of splitByRole(batch.map((b) => b.command))) {
        clock.set(batch[0]!.at);
        const result = await ledger.writer.execute(part.commands, writers[part.role]);
        for (const outcome of result.commands) {
          const count = byType.get(outcome.type) ?? { commands: 0, events: 0 };
          byType.set(outcome.type, { commands: count.commands + 1, events: count.events + outcome.events.length });
          if (goLiveIds.has(outcome.commandId)) goLive += outcome.events.length;
          else meetings += outcome.events.length;
        }
      }
    }
  } finally {
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const perBodyYear = meetings / bodies / years;
  const perGoLive = goLive / bodies;
  process.stdout.write(`${bodies} bodies, ${years} years, seed ${seed}\n`);
  process.stdout.write(`go-live: ${Math.round(perGoLive)} events per body\nmeetings: ${Math.round(perBodyYear)} events per body-year\n`);
  process.stdout.write(`a body over a decade: ${Math.round(perGoLive + 10 * perBodyYear)} events, so 10^6 events is ${Math.round(1e6 / (perGoLive + 10 * perBodyYear))} bodies\n\n`);
  const total = goLive + meetings;
  for (const [type, count] of [...byType].sort((a, b) => b[1].events - a[1].events)) {
    process.stdout.write(`${type.padEnd(22)} ${String(count.commands).padStart(7)} commands ${String(count.events).padStart(7)} events ${((count.events / total) * 100).toFixed(2).padStart(6)} %\n`);
  }
}

const [bodies = '3', years = '3', seed = '1'] = process.argv.slice(2);
main(Number(bodies), Number(years), Number(seed)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

import type { Figure } from './support/figures';

/** The targets: goals to reach or explain, judged here, never in tests. */
export interface Target {
  readonly text: string;
  readonly figure: string;
  /** Compare the ratio to the raw limit instead of the value. */
  readonly onRatio?: boolean;
  readonly atLeast?: number;
  readonly below?: number;
  /** The log size the target is set at; judged at every size, flagged when it differs. */
  readonly atEvents?: number;
}

export const TARGETS: readonly Target[] = [
  { text: 'bulk import >= 50 % of raw insert', figure: 'bulk-import', onRatio: true, atLeast: 0.5 },
  { text: 'rebuild >= 50 % of raw read+parse', figure: 'rebuild', onRatio: true, atLeast: 0.5 },
  { text: 'roster p99 < 2 ms in-process at 10^6', figure: 'roster-in-process-p99', below: 2, atEvents: 1_000_000 },
  { text: 'roster p99 < 10 ms over HTTP at 10^6', figure: 'roster-http-p99', below: 10, atEvents: 1_000_000 },
  { text: 'rebuild of 10^6 events < 1 GB RSS', figure: 'rebuild-peak-rss', below: 1024, atEvents: 1_000_000 },
  // Issue 15: the event store's append beside Emmett-SQLite and the raw insert (bench/measurements/peer-append.measurement.ts).
  { text: 'event-store append >= 1.5x Emmett-SQLite, batches of 10', figure: 'peer-append-ledger-per-emmett-b10', atLeast: 1.5 },
  { text: 'event-store append >= 1.5x Emmett-SQLite, batches of 100', figure: 'peer-append-ledger-per-emmett-b100', atLeast: 1.5 },
  { text: 'event-store append >= 40 % of raw insert, batches of 10', figure: 'peer-append-ledger-b10', onRatio: true, atLeast: 0.4 },
  { text: 'event-store append >= 40 % of raw insert, batches of 100', figure: 'peer-append-ledger-b100', onRatio: true, atLeast: 0.4 },
  { text: 'bytes written per event <= 6 KB, batches of 10', figure: 'peer-bytes-written-per-event-ledger-b10', below: 6 * 1024 + 1 },
  { text: 'bytes written per event <= 6 KB, batches of 100', figure: 'peer-bytes-written-per-event-ledger-b100', below: 6 * 1024 + 1 },
  { text: 'import through the command path >= 10 % of raw insert', figure: 'bulk-import', onRatio: true, atLeast: 0.1 },
  { text: 'rebuild >= 30 % of raw read+parse', figure: 'rebuild', onRatio: true, atLeast: 0.3 },
  { text: 'rebuild of 10^6 events in under a minute', figure: 'rebuild', atLeast: 1_000_000 / 60, atEvents: 1_000_000 },
  { text: 'POST /commands p50 < 5 ms at 1 connection', figure: 'commands-http-p50', below: 5 },
  { text: 'POST /commands >= 500 commands/s at 8 connections', figure: 'commands-http-throughput', atLeast: 500 },
];

export interface Verdict {
  readonly target: string;
  readonly events: number;
  readonly value: number;
  readonly met: boolean;
}

export function judge(figures: readonly Figure[]): Verdict[] {
  return TARGETS.flatMap((t) =>
    figures
      // A ratio target is judged only where its raw limit ran too (not under --only without it).
      .filter((f) => f.name === t.figure && (!t.onRatio || f.ratio !== undefined))
      .map((f) => {
        const value = t.onRatio ? (f.ratio ?? Number.NaN) : f.value;
        const met = t.atLeast !== undefined ? value >= t.atLeast : t.below !== undefined ? value < t.below : true;
        return { target: t.text, events: f.events, value, met };
      }),
  );
}

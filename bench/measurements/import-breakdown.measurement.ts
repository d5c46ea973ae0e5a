import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { NewEvent, StoredEvent } from '../../src/events/event-envelope';
import type { StreamAppend } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { ALL_PROJECTIONS } from '../../src/projections/all-projections';
import { ProjectionEngine } from '../../src/projections/projection-engine';
import { SettableClock } from '../support/settable-clock';
import { msSince } from '../support/stats';
import { imported, type Measurement } from './measurement';

/**
 * Where the import's time goes, between the raw insert and the whole command path: the
 * events the import stored, appended again in the same batches into fresh files,
 *   1. through the event store alone (log table and its indexes, hash chain, version checks);
 *   2. the same with every read model fed inline in the same transaction (as `openLedger`).
 * What `bulk-import` adds on top of (2) is the command path: parsing, validation, reading
 * the streams and deciding. Same pragmas as the ledger (src/ledger.ts).
 */
export const importBreakdownMeasurement: Measurement = {
  name: 'import-breakdown',
  async run(ctx) {
    const { batchEventCounts, events } = imported(ctx);
    const appendOnly = await appendAll(ctx.dbPath, batchEventCounts, join(ctx.dir, 'append-only.db'), false);
    const withReadModels = await appendAll(ctx.dbPath, batchEventCounts, join(ctx.dir, 'append-read-models.db'), true);
    return [
      { name: 'import-append-only', value: events / (appendOnly / 1000), unit: 'events/s', rawOf: 'raw-insert', note: 'event store append: log, indexes, hash chain' },
      { name: 'import-append-read-models', value: events / (withReadModels / 1000), unit: 'events/s', rawOf: 'raw-insert', note: 'the same with every read model inline' },
    ];
  },
};

/** The stored events, a batch at a time in the batches the import appended them in, as appends again. */
export function* batchesOf(dbPath: string, batchEventCounts: readonly number[]): Generator<{ at: Date; appends: StreamAppend[] }> {
  const db = new Database(dbPath, { readonly: true });
  const store = new SqliteEventStore(db, { clock: new SettableClock() });
  try {
    const versions = new Map<string, number>();
    let after = 0;
    for (const count of batchEventCounts) {
      if (count === 0) continue;
      const events = store.readAllSync({ after, limit: count });
      after = events.at(-1)!.position;
      const byStream = new Map<string, NewEvent[]>();
      for (const e of events) byStream.set(e.stream, [...(byStream.get(e.stream) ?? []), asNew(e)]);
      const appends = [...byStream].map(([stream, staged]) => {
        const expectedVersion = versions.get(stream) ?? 0;
        versions.set(stream, expectedVersion + staged.length);
        return { stream, expectedVersion, events: staged };
      });
      yield { at: new Date(events[0]!.metadata.recordedAt), appends };
    }
  } finally {
    db.close();
  }
}

function asNew(e: StoredEvent): NewEvent {
  const { recordedAt: _recordedAt, ...metadata } = e.metadata;
  return { id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata } as NewEvent;
}

/** Appends every batch in one immediate transaction each into a fresh file; returns the milliseconds spent appending (reading the batches not counted). */
async function appendAll(sourcePath: string, batchEventCounts: readonly number[], path: string, readModels: boolean): Promise<number> {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const clock = new SettableClock();
  const engine = new ProjectionEngine(db, ALL_PROJECTIONS);
  if (readModels) {
    engine.prepare();
    await engine.buildPending(async () => [], 0);
  }
  const store = new SqliteEventStore(db, { clock, ...(readModels && { inline: (events: readonly StoredEvent[]) => engine.apply(events) }) });
  try {
    let ms = 0;
    for (const batch of batchesOf(sourcePath, batchEventCounts)) {
      clock.set(batch.at);
      const start = process.hrtime.bigint();
      store.appendSync(batch.appends);
      ms += msSince(start);
    }
    return ms;
  } finally {
    db.close();
  }
}

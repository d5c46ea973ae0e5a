import Database from 'better-sqlite3';
import type { NewEventMetadata, StoredEvent } from '../../src/events/event-envelope';
import { toStoredEvent } from '../../src/event-store/sqlite/sqlite-event-store';
import type { EventRow } from '../../src/event-store/sqlite/sqlite-event-log.schema';

/** One stream's part of a batch: its events in order, and the version the stream stood at before them. */
export interface PeerStreamAppend {
  readonly stream: string;
  readonly expectedVersion: number;
  readonly events: readonly StoredEvent[];
}

/** A batch: one transaction for every store measured, its streams in the order their first event came. */
export interface PeerBatch {
  /** When the batch was recorded (the store's clock is set to it). */
  readonly at: Date;
  readonly appends: readonly PeerStreamAppend[];
  readonly events: number;
}

/**
 * The first `limit` events of the imported log, in log order, cut into batches of
 * `size` events: the same events and the same batches for every store measured.
 */
export function peerBatches(dbPath: string, size: number, limit: number): PeerBatch[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    const rows = db
      .prepare<[number], EventRow>('SELECT position, id, stream, stream_version, type, schema_version, data, metadata FROM events ORDER BY position LIMIT ?')
      .all(limit);
    const events = rows.map(toStoredEvent);
    const versions = new Map<string, number>();
    const batches: PeerBatch[] = [];
    for (let from = 0; from < events.length; from += size) {
      const slice = events.slice(from, from + size);
      const byStream = new Map<string, StoredEvent[]>();
      for (const e of slice) byStream.set(e.stream, [...(byStream.get(e.stream) ?? []), e]);
      const appends = [...byStream].map(([stream, staged]) => {
        const expectedVersion = versions.get(stream) ?? 0;
        versions.set(stream, expectedVersion + staged.length);
        return { stream, expectedVersion, events: staged };
      });
      batches.push({ at: new Date(slice[0]!.metadata.recordedAt), appends, events: slice.length });
    }
    return batches;
  } finally {
    db.close();
  }
}

/** The metadata an appender hands over: everything but `recordedAt`, which the ledger's store stamps itself. */
export function submittedMetadata(event: StoredEvent): NewEventMetadata {
  const { recordedAt: _recordedAt, ...metadata } = event.metadata;
  return metadata;
}

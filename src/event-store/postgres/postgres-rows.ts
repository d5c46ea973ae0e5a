import type { EventMetadata, StoredEvent } from '../../events/event-envelope';
import type { AuditRow } from '../sqlite/sqlite-event-chain';

/** A row of ledger_events as the driver returns it: BIGINT comes back as a string. */
export interface PostgresEventRow {
  position: string;
  id: string;
  stream: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  command_id: string;
  recorded_at: string;
  hash: string;
  prev_hash: string;
}

export const EVENT_COLUMNS = 'position, id, stream, stream_version, type, schema_version, data, metadata, command_id, recorded_at, hash, prev_hash';

/** A BIGINT as a JavaScript number, refused when it cannot be held exactly. */
export function safeInteger(value: string | number | bigint | null, what: string): number {
  if (value === null) throw new Error(`${what} is NULL`);
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n) || (typeof value !== 'number' && String(n) !== String(value).trim())) {
    throw new Error(`${what} ${String(value)} is not a safe integer (JavaScript holds whole numbers exactly only up to ${Number.MAX_SAFE_INTEGER})`);
  }
  return n;
}

export function rowToStoredEvent(row: PostgresEventRow): StoredEvent {
  return {
    id: row.id,
    type: row.type,
    schemaVersion: row.schema_version,
    stream: row.stream,
    streamVersion: row.stream_version,
    position: safeInteger(row.position, 'position'),
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as EventMetadata,
  };
}

/** The same audit row the SQLite chain reads, so the defect checks are shared (the link lives in the event's own row here). */
export function rowToAuditRow(row: PostgresEventRow): AuditRow {
  const position = safeInteger(row.position, 'position');
  return {
    position,
    id: row.id,
    stream: row.stream,
    stream_version: row.stream_version,
    type: row.type,
    schema_version: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    command_id: row.command_id,
    recorded_at: row.recorded_at,
    h_position: position,
    h_event_id: row.id,
    h_stream: row.stream,
    h_stream_version: row.stream_version,
    hash: row.hash,
    prev_hash: row.prev_hash,
  };
}

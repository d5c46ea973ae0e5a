import type Database from 'better-sqlite3';

/**
 * The event log table. Triggers make it append-only for every writer that goes through
 * SQLite, the product included: corrections are new events, never edits.
 *
 * Two lookups beside the position: `(stream, stream_version)` (reading a stream, the version
 * check at append, a stream's head) and `command_id` (idempotency). Every other key an
 * append writes is in position order, so a transaction dirties the last pages of those
 * trees and not a random page per event (issue 15: that was most of an append's time and
 * bytes). Logs made before it also hold a UNIQUE index on `id`. The ids are derived from
 * the commandId (`eventIdFor`), so the append refuses an id its command already holds by
 * probing the command index instead (`SqliteEventStore.refuseTakenId`); an id under another
 * command (a caller choosing ids itself) is not refused, and fails `ledger verify` (the
 * chain finds the id's link recorded at another position).
 */
export function createEventLogSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position        INTEGER PRIMARY KEY AUTOINCREMENT,
      id              TEXT    NOT NULL,
      stream          TEXT    NOT NULL,
      stream_version  INTEGER NOT NULL,
      type            TEXT    NOT NULL,
      schema_version  INTEGER NOT NULL,
      data            TEXT    NOT NULL,
      metadata        TEXT    NOT NULL,
      command_id      TEXT    NOT NULL,
      recorded_at     TEXT    NOT NULL,
      UNIQUE (stream, stream_version)
    );
    CREATE INDEX IF NOT EXISTS events_by_command ON events (command_id);
    CREATE TRIGGER IF NOT EXISTS events_are_never_updated BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE TRIGGER IF NOT EXISTS events_are_never_deleted BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
  `);
}

export interface EventRow {
  position: number;
  id: string;
  stream: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
}

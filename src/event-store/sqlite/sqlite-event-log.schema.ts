import type Database from 'better-sqlite3';

/**
 * The event log table. Triggers make it append-only for every writer that goes through
 * SQLite, the product included: corrections are new events, never edits.
 */
export function createEventLogSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position        INTEGER PRIMARY KEY AUTOINCREMENT,
      id              TEXT    NOT NULL UNIQUE,
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

import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { AuditRecord } from '../event-store/event-store.port';
import { createEventLogSchema } from '../event-store/sqlite/sqlite-event-log.schema';
import { createChainSchema } from '../event-store/sqlite/sqlite-event-chain';

/** How far to replay: up to a log position, or up to a transaction time (recordedAt). */
export type ReplayUntil = { readonly position: number } | { readonly recordedAt: string };

export interface ReplayCopy {
  readonly events: number;
  /** The last position copied (0 when nothing was). */
  readonly position: number;
  readonly lastRecordedAt: string | null;
}

/**
 * Copies the prefix of the log up to `until` into a new SQLite file: the events exactly as
 * stored, at their original positions, with the chain links recorded at append, so the
 * copy verifies on its own. Opening the file as a ledger (`--db`, `LEDGER_DB`) then builds
 * every read model from that prefix: the ledger exactly as it stood.
 *
 * `recordedAt` never runs backwards in the log, so "everything recorded up to T" is a prefix.
 * Refuses to overwrite an existing file.
 */
export function copyLogPrefix(records: readonly AuditRecord[], until: ReplayUntil, outPath: string, madeAt: string, source: string): ReplayCopy {
  if (existsSync(outPath)) throw new Error(`${outPath} exists already; replay writes a new database and never overwrites one`);
  const inPrefix = (r: AuditRecord) =>
    'position' in until ? r.position <= until.position : r.event !== null && r.event.metadata.recordedAt <= until.recordedAt;
  const prefix: AuditRecord[] = [];
  for (const r of records) {
    if (!inPrefix(r)) break;
    prefix.push(r);
  }
  const db = new Database(outPath);
  try {
    db.pragma('journal_mode = WAL');
    createEventLogSchema(db);
    createChainSchema(db);
    db.exec(`CREATE TABLE replay_of (until TEXT NOT NULL, position INTEGER NOT NULL, events INTEGER NOT NULL, source TEXT NOT NULL, made_at TEXT NOT NULL)`);
    const insertEvent = db.prepare(
      `INSERT INTO events (position, id, stream, stream_version, type, schema_version, data, metadata, command_id, recorded_at)
       VALUES (@position, @id, @stream, @streamVersion, @type, @schemaVersion, @data, @metadata, @commandId, @recordedAt)`,
    );
    const insertLink = db.prepare(
      `INSERT INTO event_hashes (position, event_id, stream, stream_version, hash, prev_hash) VALUES (@position, @eventId, @stream, @streamVersion, @hash, @prevHash)`,
    );
    let events = 0;
    let position = 0;
    let lastRecordedAt: string | null = null;
    db.transaction(() => {
      for (const { event, link } of prefix) {
        if (!event) continue;
        insertEvent.run({
          ...event,
          data: JSON.stringify(event.data),
          metadata: JSON.stringify(event.metadata),
          commandId: event.metadata.commandId,
          recordedAt: event.metadata.recordedAt,
        });
        if (link && link.eventId === event.id) insertLink.run(link);
        events += 1;
        position = event.position;
        lastRecordedAt = event.metadata.recordedAt;
      }
      const label = 'position' in until ? `position ${until.position}` : `recordedAt ${until.recordedAt}`;
      db.prepare('INSERT INTO replay_of (until, position, events, source, made_at) VALUES (?, ?, ?, ?, ?)').run(label, position, events, source, madeAt);
    })();
    return { events, position, lastRecordedAt };
  } finally {
    db.close();
  }
}

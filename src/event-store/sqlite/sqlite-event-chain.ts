import type Database from 'better-sqlite3';
import { eventHash, GENESIS_HASH } from '../../audit/event-hash';
import type { EventMetadata, StoredEvent } from '../../events/event-envelope';
import type { AuditRecord, ChainLink, ReadAllOptions } from '../event-store.port';

/**
 * The hash chain beside the log: one row per event, written in the append's transaction,
 * append-only like `events` (the same triggers). Kept in a table of its own so that adding
 * it to an existing log never needs an UPDATE of `events`. Keyed by position alone: a
 * stream's head link is found through the stream's last event (`events` by stream and
 * version), so an append writes no second stream index (logs made before keep the
 * `event_hashes_by_stream` index they have; nothing reads it).
 *
 * `event_hash_backfills` records each time chains were computed on open for events that
 * were appended before hashing existed: those events were hashed when first opened by this
 * code, not when they were appended, and an auditor should know that.
 */
export function createChainSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS event_hashes (
      position        INTEGER PRIMARY KEY,
      event_id        TEXT    NOT NULL,
      stream          TEXT    NOT NULL,
      stream_version  INTEGER NOT NULL,
      hash            TEXT    NOT NULL,
      prev_hash       TEXT    NOT NULL
    );
    CREATE TRIGGER IF NOT EXISTS event_hashes_are_never_updated BEFORE UPDATE ON event_hashes
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE TRIGGER IF NOT EXISTS event_hashes_are_never_deleted BEFORE DELETE ON event_hashes
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE TABLE IF NOT EXISTS event_hash_backfills (
      id              INTEGER PRIMARY KEY AUTOINCREMENT,
      up_to_position  INTEGER NOT NULL,
      events          INTEGER NOT NULL,
      done_at         TEXT    NOT NULL
    );
    CREATE TRIGGER IF NOT EXISTS event_hash_backfills_are_never_updated BEFORE UPDATE ON event_hash_backfills
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE TRIGGER IF NOT EXISTS event_hash_backfills_are_never_deleted BEFORE DELETE ON event_hash_backfills
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
  `);
}

export interface ChainBackfill {
  readonly events: number;
  readonly upToPosition: number;
  readonly doneAt: string;
}

interface LinkRow {
  position: number;
  event_id: string;
  stream: string;
  stream_version: number;
  hash: string;
  prev_hash: string;
}

/** Reads and writes chain links on one connection. */
export class SqliteEventChain {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    createChainSchema(db);
    this.statements = {
      head: db.prepare<[string], { hash: string }>('SELECT hash FROM event_hashes WHERE stream = ? ORDER BY stream_version DESC LIMIT 1'),
      insert: db.prepare<[number, string, string, number, string, string]>(
        `INSERT INTO event_hashes (position, event_id, stream, stream_version, hash, prev_hash) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      auditEvents: db.prepare<[number, number], AuditRow>(AUDIT_EVENTS_SQL),
      auditOrphanLinks: db.prepare<[number, number], AuditRow>(AUDIT_ORPHAN_LINKS_SQL),
    };
  }

  /** The hash of the stream's last event, GENESIS_HASH for a new stream. */
  headHash(stream: string): string {
    return this.statements.head.get(stream)?.hash ?? GENESIS_HASH;
  }

  /** Chains an event just inserted (call inside the append's transaction). */
  link(event: StoredEvent, prevHash: string): ChainLink {
    return this.linkHashed(event, prevHash, eventHash(prevHash, event));
  }

  /** The same, with the event's hash computed by the caller (`eventHashAsStored`). */
  linkHashed(event: Pick<StoredEvent, 'position' | 'id' | 'stream' | 'streamVersion'>, prevHash: string, hash: string): ChainLink {
    const link: ChainLink = {
      position: event.position,
      eventId: event.id,
      stream: event.stream,
      streamVersion: event.streamVersion,
      hash,
      prevHash,
    };
    this.insertLink(link.position, link.eventId, link.stream, link.streamVersion, hash, prevHash);
    return link;
  }

  /** The same, as values (the append's path: no link object per event). */
  insertLink(position: number, eventId: string, stream: string, streamVersion: number, hash: string, prevHash: string): void {
    this.statements.insert.run(position, eventId, stream, streamVersion, hash, prevHash);
  }

  /**
   * A log written before hashing existed has events and no links: chain them now, in log
   * order, by INSERTing links (never an update), and record that it was done. Only an
   * empty chain table is filled: an event without a link beside linked ones is evidence of
   * tampering, and filling it in would hide that.
   */
  backfillIfUnchained(readEvents: (after: number, limit: number) => StoredEvent[], now: () => string): ChainBackfill | null {
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    if (count('SELECT COUNT(*) AS n FROM event_hashes') > 0 || count('SELECT COUNT(*) AS n FROM events') === 0) return null;
    return this.db
      .transaction(() => {
        const heads = new Map<string, string>();
        let after = 0;
        let events = 0;
        for (;;) {
          const page = readEvents(after, 1000);
          if (page.length === 0) break;
          for (const event of page) {
            heads.set(event.stream, this.link(event, heads.get(event.stream) ?? GENESIS_HASH).hash);
            after = event.position;
            events += 1;
          }
        }
        const doneAt = now();
        this.db.prepare('INSERT INTO event_hash_backfills (up_to_position, events, done_at) VALUES (?, ?, ?)').run(after, events, doneAt);
        return { events, upToPosition: after, doneAt };
      })
      .immediate();
  }

  backfills(): ChainBackfill[] {
    return this.db
      .prepare<[], { events: number; up_to_position: number; done_at: string }>('SELECT events, up_to_position, done_at FROM event_hash_backfills ORDER BY id')
      .all()
      .map((r) => ({ events: r.events, upToPosition: r.up_to_position, doneAt: r.done_at }));
  }

  /**
   * A page of the log as recorded: the next `limit` events after `after`, with the links
   * whose event is gone merged in by position. Each part is read through its primary key
   * from `after` on, so a page costs its own size whatever the log's length (one query over
   * a UNION sorted the whole rest of the log for every page: quadratic, minutes at 10^6).
   */
  readAudit(options: ReadAllOptions = {}): AuditRecord[] {
    const after = options.after ?? 0;
    const limit = options.limit ?? -1;
    const events = this.statements.auditEvents.all(after, limit);
    // Links without an event up to the last event read; beyond it they belong to later pages (or to this one at the end of the log).
    const full = limit >= 0 && events.length === limit;
    const upTo = full ? events.at(-1)!.position : Number.MAX_SAFE_INTEGER;
    const orphans = this.statements.auditOrphanLinks.all(after, upTo);
    const rows = orphans.length === 0 ? events : [...events, ...orphans].sort((a, b) => a.position - b.position);
    return (limit >= 0 ? rows.slice(0, limit) : rows).map(toAuditRecord);
  }
}

export interface AuditRow {
  position: number;
  id: string | null;
  stream: string | null;
  stream_version: number | null;
  type: string | null;
  schema_version: number | null;
  data: string | null;
  metadata: string | null;
  command_id: string | null;
  recorded_at: string | null;
  h_position: number | null;
  h_event_id: string | null;
  h_stream: string | null;
  h_stream_version: number | null;
  hash: string | null;
  prev_hash: string | null;
}

// Every position holding an event, with the link recorded there if any.
const AUDIT_EVENTS_SQL = `
  SELECT e.position, e.id, e.stream, e.stream_version, e.type, e.schema_version, e.data, e.metadata, e.command_id, e.recorded_at,
         h.position AS h_position, h.event_id AS h_event_id, h.stream AS h_stream, h.stream_version AS h_stream_version, h.hash, h.prev_hash
    FROM events e LEFT JOIN event_hashes h ON h.position = e.position
   WHERE e.position > ? ORDER BY e.position LIMIT ?`;

// Every link whose position holds no event (the event was deleted), in a range of positions.
const AUDIT_ORPHAN_LINKS_SQL = `
  SELECT h.position, NULL AS id, NULL AS stream, NULL AS stream_version, NULL AS type, NULL AS schema_version, NULL AS data, NULL AS metadata,
         NULL AS command_id, NULL AS recorded_at,
         h.position AS h_position, h.event_id AS h_event_id, h.stream AS h_stream, h.stream_version AS h_stream_version, h.hash, h.prev_hash
    FROM event_hashes h
   WHERE h.position > ? AND h.position <= ? AND NOT EXISTS (SELECT 1 FROM events e WHERE e.position = h.position)
   ORDER BY h.position`;

export function toAuditRecord(row: AuditRow): AuditRecord {
  const link: ChainLink | null =
    row.h_position === null
      ? null
      : { position: row.h_position, eventId: row.h_event_id!, stream: row.h_stream!, streamVersion: row.h_stream_version!, hash: row.hash!, prevHash: row.prev_hash! };
  if (row.id === null) return { position: row.position, event: null, ref: null, defect: null, link };
  const ref = { id: row.id, stream: row.stream!, streamVersion: row.stream_version! };
  let data: unknown;
  let metadata: EventMetadata;
  try {
    data = JSON.parse(row.data!) as unknown;
  } catch (error) {
    return { position: row.position, event: null, ref, defect: `its data is not valid JSON (${(error as Error).message})`, link };
  }
  try {
    metadata = JSON.parse(row.metadata!) as EventMetadata;
  } catch (error) {
    return { position: row.position, event: null, ref, defect: `its metadata is not valid JSON (${(error as Error).message})`, link };
  }
  const event: StoredEvent = { ...ref, type: row.type!, schemaVersion: row.schema_version!, position: row.position, data, metadata };
  const defect =
    typeof metadata !== 'object' || metadata === null
      ? 'its metadata is not an object'
      : metadata.commandId !== row.command_id
        ? `its command_id column (${row.command_id}) disagrees with its metadata (${String(metadata.commandId)})`
        : metadata.recordedAt !== row.recorded_at
          ? `its recorded_at column (${row.recorded_at}) disagrees with its metadata (${String(metadata.recordedAt)})`
          : null;
  return { position: row.position, event, ref, defect, link };
}

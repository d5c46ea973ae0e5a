import { EventEmitter } from 'node:events';
import type Database from 'better-sqlite3';
import { ConcurrencyConflict, ConcurrentWrite } from '../../domain/ledger-errors';
import type { EventMetadata, NewEvent, StoredEvent } from '../../events/event-envelope';
import type { AuditRecord, Clock, EventStore, ReadAllOptions, ReadStreamOptions, StreamAppend, SubscribeOptions, Subscription } from '../event-store.port';
import { createEventLogSchema, type EventRow } from './sqlite-event-log.schema';
import { SqliteEventChain, type ChainBackfill } from './sqlite-event-chain';
import { pollingSubscription } from './polling-subscription';
import { storageError } from './sqlite-errors';
import { eventHashAsStored, GENESIS_HASH } from '../../audit/event-hash';

/**
 * Runs inside the append transaction with the same connection: the inline read models.
 * If it throws, the append rolls back, so a read model is never ahead of or behind the log.
 */
export type InlineProjector = (events: readonly StoredEvent[]) => void;

export interface SqliteEventStoreOptions {
  readonly clock: Clock;
  readonly inline?: InlineProjector;
  /** Told when an append transaction rolled back, so inline state cached in memory can be reloaded. */
  readonly onRollback?: () => void;
  /** How often a live subscription looks for events written by other processes. */
  readonly pollIntervalMs?: number;
}

/** A transaction shared by the appends of one turn of the event loop (group commit). */
interface OpenGroup {
  readonly committed: Promise<void>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
  /** Appends written in it so far. */
  members: number;
}

const SELECT_COLUMNS = 'position, id, stream, stream_version, type, schema_version, data, metadata';

export class SqliteEventStore implements EventStore {
  readonly name = 'sqlite';
  readonly atomicMultiStream = true;
  private readonly appended = new EventEmitter();
  private readonly statements;
  private readonly chain: SqliteEventChain;
  /** The open group transaction, if appends of this turn of the event loop are waiting for its COMMIT. */
  private group: OpenGroup | null = null;
  /** Set when this open chained a log written before hashing existed (see SqliteEventChain). */
  readonly chainBackfill: ChainBackfill | null;

  constructor(
    private readonly db: Database.Database,
    private readonly options: SqliteEventStoreOptions,
  ) {
    createEventLogSchema(db);
    this.chain = new SqliteEventChain(db);
    this.appended.setMaxListeners(0);
    this.statements = {
      // A stream's last event and the chain link recorded with it: one probe of the stream index, then the link by position.
      streamHead: db.prepare<[string], { v: number; hash: string | null }>(
        'SELECT e.stream_version AS v, h.hash AS hash FROM events e LEFT JOIN event_hashes h ON h.position = e.position WHERE e.stream = ? ORDER BY e.stream_version DESC LIMIT 1',
      ),
      lastRecordedAt: db.prepare<[], { r: string }>('SELECT recorded_at AS r FROM events ORDER BY position DESC LIMIT 1'),
      // Bound by position, not by name: better-sqlite3 looks a named parameter up on the object per column and row.
      insert: db.prepare<[string, string, number, string, number, string, string, string, string]>(
        `INSERT INTO events (id, stream, stream_version, type, schema_version, data, metadata, command_id, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      idsOfCommand: db.prepare<[string], string>('SELECT id FROM events WHERE command_id = ?').pluck(),
      readStream: db.prepare<[string, number], EventRow>(`SELECT ${SELECT_COLUMNS} FROM events WHERE stream = ? AND stream_version > ? ORDER BY stream_version`),
      readAll: db.prepare<[number, number], EventRow>(`SELECT ${SELECT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
      byCommand: db.prepare<[string], EventRow>(`SELECT ${SELECT_COLUMNS} FROM events WHERE command_id = ? ORDER BY position`),
      head: db.prepare<[], { p: number | null }>('SELECT MAX(position) AS p FROM events'),
    };
    this.chainBackfill = this.chain.backfillIfUnchained(
      (after, limit) => this.readAllSync({ after, limit }),
      () => this.options.clock.now().toISOString(),
    );
  }

  /**
   * Group commit (issue 15): appends made in one turn of the event loop share one
   * transaction and one fsync. The first opens the transaction (BEGIN IMMEDIATE) and asks for
   * its COMMIT after the I/O callbacks of this turn (setImmediate); every append writes its
   * events at once, in a savepoint of its own, so a refused append rolls back alone. Each
   * caller's promise settles when the shared COMMIT is on disk, so nothing is answered
   * before it is durable. A writer in this process reads, decides and appends in one
   * macrotask, and reads through this connection see the events written before it in the
   * open transaction: two requests never decide on the same version. (The first group
   * commit waited for the tick *before* writing, and requests of one process lost races to
   * each other: bench/README.md.)
   */
  async append(appends: readonly StreamAppend[]): Promise<StoredEvent[]> {
    if (appends.every((a) => a.events.length === 0)) return this.appendSync(appends);
    const group = this.openGroup();
    group.members += 1;
    let stored: StoredEvent[];
    try {
      // Inside the open transaction better-sqlite3 makes this a savepoint.
      stored = this.db.transaction(() => this.insertAll(appends))();
    } catch (error) {
      group.members -= 1;
      // Alone in it: nothing to keep, so the write lock is let go now, not a turn later (a retry on another connection of this process would wait for it).
      if (group.members === 0) this.commitGroup(group);
      this.options.onRollback?.();
      throw storageError(error);
    }
    await group.committed;
    if (stored.length > 0) this.appended.emit('appended');
    return stored;
  }

  /** Resolves when no group transaction is open: what a reader waits for so it never reads events not yet committed. */
  settled(): Promise<void> {
    return this.group?.committed.then(
      () => undefined,
      () => undefined,
    ) ?? Promise.resolve();
  }

  private openGroup(): OpenGroup {
    if (this.group) return this.group;
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      throw storageError(error);
    }
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const committed = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Every caller awaits it; this keeps a failed COMMIT from counting as unhandled before they do.
    committed.catch(() => undefined);
    const group: OpenGroup = { committed, resolve, reject, members: 0 };
    this.group = group;
    setImmediate(() => this.commitGroup(group));
    return group;
  }

  private commitGroup(group: OpenGroup): void {
    if (this.group !== group) return;
    this.group = null;
    try {
      this.db.exec('COMMIT');
      group.resolve();
    } catch (error) {
      // Nothing of the group is written; every member is told so, even if the rollback itself fails (SQLite has then rolled back already).
      try {
        if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK');
      } catch {
        // The COMMIT's own error is the one to report.
      }
      group.reject(storageError(error));
      try {
        this.options.onRollback?.();
      } catch {
        // A closed connection: the ledger is closed, nothing cached will be used again.
      }
    }
  }

  /** Synchronous form, for callers already inside a better-sqlite3 transaction (or with no event loop turn to share). */
  appendSync(appends: readonly StreamAppend[]): StoredEvent[] {
    let stored: StoredEvent[];
    try {
      stored = this.db.transaction(() => this.insertAll(appends)).immediate();
    } catch (error) {
      this.options.onRollback?.();
      throw storageError(error);
    }
    if (stored.length > 0) this.appended.emit('appended');
    return stored;
  }

  private insertAll(appends: readonly StreamAppend[]): StoredEvent[] {
    const recordedAt = this.nextRecordedAt();
    const stored: StoredEvent[] = [];
    const idsByCommand = new Map<string, Set<string>>();
    for (const { stream, expectedVersion, events } of appends) {
      const head = this.statements.streamHead.get(stream);
      const actual = head?.v ?? 0;
      if (expectedVersion !== 'any' && expectedVersion !== actual) {
        throw new ConcurrencyConflict(stream, expectedVersion, actual);
      }
      // The stream's last link; without one beside its last event (a log altered outside the ledger), its last link by version.
      let prevHash = head === undefined ? GENESIS_HASH : (head.hash ?? this.chain.headHash(stream));
      let version = actual;
      for (const event of events) {
        this.refuseTakenId(event, idsByCommand);
        version += 1;
        const metadata: EventMetadata = { ...event.metadata, recordedAt };
        const data = JSON.stringify(event.data);
        const metadataText = JSON.stringify(metadata);
        const position = Number(this.statements.insert.run(event.id, stream, version, event.type, event.schemaVersion, data, metadataText, metadata.commandId, recordedAt).lastInsertRowid);
        // The hash covers the stored form (what a reader of this row gets back), computed from the values handed over where that is the same.
        const envelope = { id: event.id, type: event.type, schemaVersion: event.schemaVersion, stream, streamVersion: version, data: event.data, metadata };
        const hash = eventHashAsStored(prevHash, envelope, () => ({ ...envelope, data: JSON.parse(data) as unknown, metadata: JSON.parse(metadataText) as EventMetadata }));
        this.chain.insertLink(position, event.id, stream, version, hash, prevHash);
        prevHash = hash;
        stored.push({ ...event, stream, streamVersion: version, position, metadata });
      }
    }
    this.options.inline?.(stored);
    return stored;
  }

  /**
   * An event id is never appended twice under its command. The ids are derived from the
   * commandId (`eventIdFor`), so this is what a UNIQUE index on `id` guarded: two writers
   * racing with one command that decided events into different streams (which no version
   * check catches) would otherwise both be appended. Checked through the command index, a
   * probe per command and not an index insert per event; a ConcurrentWrite: read again, and
   * the command is found applied.
   */
  private refuseTakenId(event: NewEvent, idsByCommand: Map<string, Set<string>>): void {
    const commandId = event.metadata.commandId;
    let ids = idsByCommand.get(commandId);
    if (ids === undefined) idsByCommand.set(commandId, (ids = new Set(this.statements.idsOfCommand.all(commandId))));
    if (ids.has(event.id)) {
      throw new ConcurrentWrite(`Another writer appended event ${event.id} of command ${commandId} meanwhile; nothing of this request was written. Retry: the commandId makes that safe.`);
    }
    ids.add(event.id);
  }

  /** Transaction time never runs backwards in the log, even if the wall clock does. */
  private nextRecordedAt(): string {
    const now = this.options.clock.now().toISOString();
    const last = this.statements.lastRecordedAt.get()?.r;
    return last !== undefined && last > now ? last : now;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return this.statements.readStream.all(stream, options.afterVersion ?? 0).map(toStoredEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.readAllSync(options);
  }

  readAllSync(options: ReadAllOptions = {}): StoredEvent[] {
    return this.statements.readAll.all(options.after ?? 0, options.limit ?? -1).map(toStoredEvent);
  }

  async readByCommandId(commandId: string): Promise<StoredEvent[]> {
    return this.statements.byCommand.all(commandId).map(toStoredEvent);
  }

  async readAudit(options: ReadAllOptions = {}): Promise<AuditRecord[]> {
    return this.chain.readAudit(options);
  }

  /** Every time chains were computed on open for events appended before hashing existed. */
  chainBackfills(): ChainBackfill[] {
    return this.chain.backfills();
  }

  async headPosition(): Promise<number> {
    return this.statements.head.get()?.p ?? 0;
  }

  subscribe(options: SubscribeOptions): Subscription {
    return pollingSubscription({
      ...options,
      readPage: (after) => this.readAllSync({ after, limit: 500 }),
      wakeUp: this.appended,
      pollIntervalMs: this.options.pollIntervalMs ?? 250,
    });
  }

  async close(): Promise<void> {
    if (this.group) this.commitGroup(this.group);
    this.appended.emit('closing');
  }
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.id,
    type: row.type,
    schemaVersion: row.schema_version,
    stream: row.stream,
    streamVersion: row.stream_version,
    position: row.position,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as EventMetadata,
  };
}

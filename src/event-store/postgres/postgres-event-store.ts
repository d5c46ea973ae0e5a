import { EventEmitter } from 'node:events';
import { Client, Pool, type PoolClient } from 'pg';
import { eventHash, GENESIS_HASH } from '../../audit/event-hash';
import { ConcurrencyConflict, StoreUnavailable } from '../../domain/ledger-errors';
import type { EventMetadata, StoredEvent } from '../../events/event-envelope';
import { toAuditRecord } from '../sqlite/sqlite-event-chain';
import { pollingSubscription } from '../sqlite/polling-subscription';
import type { AuditRecord, Clock, EventStore, ReadAllOptions, ReadStreamOptions, StreamAppend, SubscribeOptions, Subscription } from '../event-store.port';
import { APPEND_LOCK_KEY, APPENDED_CHANNEL, createPostgresSchema } from './postgres-schema';
import { EVENT_COLUMNS, rowToAuditRow, rowToStoredEvent, safeInteger, type PostgresEventRow } from './postgres-rows';

export interface PostgresEventStoreOptions {
  readonly clock: Clock;
  /** How often a live subscription polls; NOTIFY only wakes it sooner. */
  readonly pollIntervalMs?: number;
  /** Connections in the pool. */
  readonly maxConnections?: number;
}

/**
 * The EventStore port on PostgreSQL (driver `pg`), for several app processes on one server.
 *
 * - One transaction per append batch: all streams or none, versions checked inside it.
 * - Global order with no gaps a reader can skip: each append takes one transaction-scoped
 *   advisory lock before it reads the head, so positions are handed out and committed one
 *   append after the other. A reader that has seen position p has seen everything below p.
 *   (A bare sequence would let a reader pass over an event whose transaction commits late.)
 * - Under the same lock: the hash chain's previous hash, `recordedAt` never running
 *   backwards, and idempotency by command id (a retry whose events are all stored gets them back).
 * - UNIQUE(stream, stream_version) and UNIQUE(id) are backstops; a breach maps to 409.
 */
export class PostgresEventStore implements EventStore {
  readonly name = 'postgres';
  readonly atomicMultiStream = true;
  private readonly wakeUp = new EventEmitter();
  private listener: Client | null = null;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly connectionString: string,
    private readonly options: PostgresEventStoreOptions,
  ) {
    this.wakeUp.setMaxListeners(0);
    // An idle client that loses its connection emits 'error' on the pool; the next query reconnects.
    pool.on('error', () => undefined);
  }

  /** Connects, creates the schema when it is missing, and listens for appends of other processes. */
  static async open(connectionString: string, options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const pool = new Pool({ connectionString, max: options.maxConnections ?? 8 });
    const store = new PostgresEventStore(pool, connectionString, options);
    try {
      const client = await pool.connect();
      try {
        await createPostgresSchema(client);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw unavailable(error) ?? error;
    }
    await store.listen();
    return store;
  }

  async append(appends: readonly StreamAppend[]): Promise<StoredEvent[]> {
    if (appends.length === 0) return [];
    const client = await this.connect();
    let stored: StoredEvent[];
    try {
      await client.query('BEGIN');
      stored = await this.appendInTransaction(client, appends);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw await this.toLedgerError(error, appends);
    }
    client.release();
    if (stored.length > 0) this.wakeUp.emit('appended');
    return stored;
  }

  private async appendInTransaction(client: PoolClient, appends: readonly StreamAppend[]): Promise<StoredEvent[]> {
    await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);

    const repeated = await this.alreadyStored(client, appends);
    if (repeated) return repeated;

    const head = await client.query<{ position: string | null; recorded_at: string | null }>(
      'SELECT position, recorded_at FROM ledger_events ORDER BY position DESC LIMIT 1',
    );
    let position = safeInteger(head.rows[0]?.position ?? 0, 'head position');
    const lastRecordedAt = head.rows[0]?.recorded_at ?? '';
    const now = this.options.clock.now().toISOString();
    const recordedAt = lastRecordedAt > now ? lastRecordedAt : now;

    const streams = new Map<string, { version: number; hash: string }>();
    const stored: StoredEvent[] = [];
    for (const { stream, expectedVersion, events } of appends) {
      let tip = streams.get(stream);
      if (tip === undefined) {
        const last = await client.query<{ stream_version: number; hash: string }>(
          'SELECT stream_version, hash FROM ledger_events WHERE stream = $1 ORDER BY stream_version DESC LIMIT 1',
          [stream],
        );
        tip = { version: last.rows[0]?.stream_version ?? 0, hash: last.rows[0]?.hash ?? GENESIS_HASH };
      }
      if (expectedVersion !== 'any' && expectedVersion !== tip.version) throw new ConcurrencyConflict(stream, expectedVersion, tip.version);
      for (const event of events) {
        position += 1;
        const streamVersion: number = tip.version + 1;
        const metadata: EventMetadata = { ...event.metadata, recordedAt };
        const data = JSON.stringify(event.data);
        const metadataText = JSON.stringify(metadata);
        // The hash covers the stored form: what a reader of this row gets back.
        const asStored = { id: event.id, type: event.type, schemaVersion: event.schemaVersion, stream, streamVersion, data: JSON.parse(data) as unknown, metadata: JSON.parse(metadataText) as EventMetadata };
        const hash = eventHash(tip.hash, asStored);
        await client.query(
          `INSERT INTO ledger_events (${EVENT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [position, event.id, stream, streamVersion, event.type, event.schemaVersion, data, metadataText, metadata.commandId, recordedAt, hash, tip.hash],
        );
        tip = { version: streamVersion, hash };
        stored.push({ ...event, stream, streamVersion, position, metadata });
      }
      streams.set(stream, tip);
    }
    if (stored.length > 0) await client.query('SELECT pg_notify($1, $2)', [APPENDED_CHANNEL, String(position)]);
    return stored;
  }

  /**
   * A retried batch whose events are all in the log already (same ids, written by an earlier
   * attempt whose answer was lost): those events, in batch order, and nothing appended.
   * Checked under the append lock, so two copies of one command cannot both write.
   */
  private async alreadyStored(client: PoolClient, appends: readonly StreamAppend[]): Promise<StoredEvent[] | null> {
    const ids = appends.flatMap((a) => a.events.map((e) => e.id));
    const commandIds = [...new Set(appends.flatMap((a) => a.events.map((e) => e.metadata.commandId)))];
    if (ids.length === 0) return null;
    const found = await client.query<PostgresEventRow>(`SELECT ${EVENT_COLUMNS} FROM ledger_events WHERE command_id = ANY($1) OR id = ANY($2) ORDER BY position`, [commandIds, ids]);
    if (found.rows.length === 0) return null;
    const byId = new Map(found.rows.map((row) => [row.id, rowToStoredEvent(row)]));
    if (ids.every((id) => byId.has(id))) return ids.map((id) => byId.get(id)!);
    // Some of the batch's commands or ids are in the log but not this batch: it was decided on a state that is gone.
    const first = found.rows[0]!;
    const stale = appends.find((a) => a.events.some((e) => e.metadata.commandId === first.command_id || e.id === first.id)) ?? appends[0]!;
    const actual = await client.query<{ v: number | null }>('SELECT MAX(stream_version) AS v FROM ledger_events WHERE stream = $1', [stale.stream]);
    throw new ConcurrencyConflict(stale.stream, stale.expectedVersion, actual.rows[0]?.v ?? 0);
  }

  /**
   * Copies records of another log in as they were recorded: the same positions, the stored
   * events and the chain links written with them (`ledger copy`). Only onto this log's head:
   * the first record must come after it, so a copy can resume but never interleave. Every
   * record must hold an intact event with its own link; the chain is verified after.
   */
  async copyIn(records: readonly AuditRecord[]): Promise<number> {
    if (records.length === 0) return 0;
    const client = await this.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
      const head = await client.query<{ p: string | null }>('SELECT MAX(position) AS p FROM ledger_events');
      const at = safeInteger(head.rows[0]?.p ?? 0, 'head position');
      if (records[0]!.position <= at) throw new Error(`the target log already reaches position ${at}; records from position ${records[0]!.position} cannot be added after it`);
      for (const r of records) {
        const { event, link } = r;
        if (event === null || link === null || r.defect !== null || link.eventId !== event.id || link.position !== r.position) {
          throw new Error(`position ${r.position} of the source is not an intact event with its link (${r.defect ?? 'event or link missing'}); nothing of this page was copied`);
        }
        await client.query(`INSERT INTO ledger_events (${EVENT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, [
          r.position, event.id, event.stream, event.streamVersion, event.type, event.schemaVersion,
          JSON.stringify(event.data), JSON.stringify(event.metadata), event.metadata.commandId, event.metadata.recordedAt, link.hash, link.prevHash,
        ]);
      }
      await client.query('SELECT pg_notify($1, $2)', [APPENDED_CHANNEL, String(records.at(-1)!.position)]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    this.wakeUp.emit('appended');
    return records.length;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const result = await this.query<PostgresEventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ledger_events WHERE stream = $1 AND stream_version > $2 ORDER BY stream_version`,
      [stream, options.afterVersion ?? 0],
    );
    return result.rows.map(rowToStoredEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return (await this.page(options)).map(rowToStoredEvent);
  }

  async readByCommandId(commandId: string): Promise<StoredEvent[]> {
    const result = await this.query<PostgresEventRow>(`SELECT ${EVENT_COLUMNS} FROM ledger_events WHERE command_id = $1 ORDER BY position`, [commandId]);
    return result.rows.map(rowToStoredEvent);
  }

  /** Event and link share a row here; a row whose JSON cannot be read is reported as a defect, as with SQLite. */
  async readAudit(options: ReadAllOptions = {}): Promise<AuditRecord[]> {
    return (await this.page(options)).map((row) => toAuditRecord(rowToAuditRow(row)));
  }

  async headPosition(): Promise<number> {
    const result = await this.query<{ p: string | null }>('SELECT MAX(position) AS p FROM ledger_events');
    return safeInteger(result.rows[0]?.p ?? 0, 'head position');
  }

  subscribe(options: SubscribeOptions): Subscription {
    return pollingSubscription({
      ...options,
      readPage: (after) => this.readAll({ after, limit: 500 }),
      wakeUp: this.wakeUp,
      pollIntervalMs: this.options.pollIntervalMs ?? 500,
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wakeUp.emit('closing');
    await this.listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  // -------------------------------------------------------------------------------------

  /**
   * An append that failed: a breach of a UNIQUE backstop is a concurrency conflict (409); a
   * connection lost before COMMIT was answered may have committed, so the caller is told to
   * retry with the same commandId (idempotent, see alreadyStored).
   */
  private async toLedgerError(error: unknown, appends: readonly StreamAppend[]): Promise<unknown> {
    const e = error as { code?: string; constraint?: string } | null;
    if (e?.code === '23505') {
      const { stream, expectedVersion } = appends[0]!;
      const actual = await this.query<{ v: number | null }>('SELECT MAX(stream_version) AS v FROM ledger_events WHERE stream = $1', [stream]).catch(() => null);
      return new ConcurrencyConflict(stream, expectedVersion, actual?.rows[0]?.v ?? 0, [{ field: 'events', message: `refused by ${e.constraint ?? 'a unique constraint'}` }]);
    }
    if (error instanceof StoreUnavailable) return error;
    if (e?.code === '25006') return new StoreUnavailable('this PostgreSQL server is a read-only hot standby: writes go to the primary (nothing was written)', { outcomeUnknown: false });
    const down = unavailable(error);
    if (down) return new StoreUnavailable(down.message.replace(/^PostgreSQL is unavailable/, 'PostgreSQL did not answer the append'), { outcomeUnknown: true });
    return error;
  }

  private async page(options: ReadAllOptions): Promise<PostgresEventRow[]> {
    const limit = options.limit ?? null;
    if (limit !== null && limit <= 0) return [];
    const result = await this.query<PostgresEventRow>(`SELECT ${EVENT_COLUMNS} FROM ledger_events WHERE position > $1 ORDER BY position LIMIT $2`, [options.after ?? 0, limit]);
    return result.rows;
  }

  private async query<R extends object>(sql: string, params: unknown[] = []) {
    try {
      return await this.pool.query<R>(sql, params);
    } catch (error) {
      throw unavailable(error) ?? error;
    }
  }

  private async connect(): Promise<PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw unavailable(error) ?? error;
    }
  }

  /** LISTEN on a dedicated connection: other processes' appends wake the subscriptions at once. Polling stays the source of truth. */
  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.connectionString });
    client.on('notification', () => this.wakeUp.emit('appended'));
    client.on('error', () => {
      // Lost: polling still delivers; try to listen again later.
      if (this.listener === client) this.listener = null;
      client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => void this.listen().catch(() => undefined), 1000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${APPENDED_CHANNEL}`);
      this.listener = client;
    } catch {
      await client.end().catch(() => undefined);
    }
  }
}

/** PostgreSQL's SQLSTATEs for "the server is not there or going away", and the driver's connection errors. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE', '57P01', '57P02', '57P03', '53300', '08000', '08003', '08006', '08001', '08004']);

function unavailable(error: unknown): StoreUnavailable | null {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if ((typeof code === 'string' && UNAVAILABLE_CODES.has(code)) || /Connection terminated|connection timeout/i.test(message)) {
    return new StoreUnavailable(`PostgreSQL is unavailable (${typeof code === 'string' ? code : message})`, { outcomeUnknown: false });
  }
  return null;
}

export function connectPostgres(connectionString: string, clock: Clock, options: Omit<PostgresEventStoreOptions, 'clock'> = {}): Promise<PostgresEventStore> {
  return PostgresEventStore.open(connectionString, { clock, ...options });
}

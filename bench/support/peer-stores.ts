import { readFileSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { getSQLiteEventStore, sqliteConnection } from '@event-driven-io/emmett-sqlite';
import type { StreamAppend } from '../../src/event-store/event-store.port';
import type { NewEvent } from '../../src/events/event-envelope';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import type { EventRow } from '../../src/event-store/sqlite/sqlite-event-log.schema';
import { type PeerBatch, submittedMetadata } from './peer-batches';
import { SettableClock } from './settable-clock';
import { msSince } from './stats';

/** What one store did with all the batches in a fresh file. */
export interface PeerRun {
  /** Time spent inside the appends only (preparing the input is not counted). */
  readonly ms: number;
  /** CPU time of the whole process (all threads) over the same spans, in ms: less moved by other processes' load than `ms`. */
  readonly cpuMs: number;
  /** Rows in the store's event table afterwards: a run that lost events means nothing. */
  readonly stored: number;
  /** The file after a WAL checkpoint (TRUNCATE). */
  readonly fileBytes: number;
  /** Bytes this process handed to write(2) from the first append to the end of the checkpoint (`wchar` in /proc/self/io). */
  readonly bytesWritten: number;
  /** As the connection reported them back: every store runs in WAL with synchronous=FULL. */
  readonly journalMode: string;
  readonly synchronous: number;
}

export interface PeerStore {
  readonly name: 'ledger' | 'emmett' | 'raw';
  /** Appends every batch, one transaction each, into a new file at `path`. */
  run(path: string, batches: readonly PeerBatch[]): Promise<PeerRun>;
}

/** The ledger's event store alone (log table, its indexes, version checks, hash chain), as `openLedger` opens it. */
export const ledgerPeerStore: PeerStore = {
  name: 'ledger',
  async run(path, batches) {
    const db = openBetterSqlite(path);
    const clock = new SettableClock();
    const store = new SqliteEventStore(db, { clock });
    try {
      const input = batches.map((b) => ({ at: b.at, appends: b.appends.map((a): StreamAppend => ({ stream: a.stream, expectedVersion: a.expectedVersion, events: a.events.map(asNewEvent) })) }));
      const written = writtenSoFar();
      let ms = 0;
      const cpu = process.cpuUsage();
      for (const batch of input) {
        clock.set(batch.at);
        const start = process.hrtime.bigint();
        store.appendSync(batch.appends);
        ms += msSince(start);
      }
      const cpuMs = cpuMsSince(cpu);
      db.pragma('wal_checkpoint(TRUNCATE)');
      return { ms, cpuMs, bytesWritten: writtenSoFar() - written, ...betterSqliteFacts(db, path, 'events') };
    } finally {
      db.close();
    }
  },
};

/**
 * Emmett's SQLite event store (`getSQLiteEventStore(...).appendToStream`, node-sqlite3
 * underneath) on one long-lived connection: the pool would otherwise open and close a
 * connection per call, and the pragma must hold for the connection that writes. A batch is
 * one transaction (`connection.withTransaction`, which Emmett's append nests in), one
 * `appendToStream` per stream with the version expected, as the ledger checks it.
 */
export const emmettPeerStore: PeerStore = {
  name: 'emmett',
  async run(path, batches) {
    const connection = sqliteConnection({ fileName: path });
    try {
      await connection.command('PRAGMA synchronous = FULL');
      const store = getSQLiteEventStore({ fileName: path, connectionOptions: { singleton: true, connection } });
      await store.schema.migrate();
      const input = batches.map((b) =>
        b.appends.map((a) => ({
          stream: a.stream,
          expectedStreamVersion: BigInt(a.expectedVersion),
          events: a.events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata: submittedMetadata(e) as unknown as Record<string, unknown> })),
        })),
      );
      const written = writtenSoFar();
      let ms = 0;
      const cpu = process.cpuUsage();
      for (const appends of input) {
        const start = process.hrtime.bigint();
        await connection.withTransaction(async () => {
          for (const a of appends) await store.appendToStream(a.stream, a.events, { expectedStreamVersion: a.expectedStreamVersion });
        });
        ms += msSince(start);
      }
      const cpuMs = cpuMsSince(cpu);
      await connection.query('PRAGMA wal_checkpoint(TRUNCATE)');
      const bytesWritten = writtenSoFar() - written;
      const journalMode = (await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode'))!.journal_mode;
      const synchronous = (await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous'))!.synchronous;
      const stored = (await connection.querySingle<{ n: number }>('SELECT COUNT(*) AS n FROM emt_messages'))!.n;
      return { ms, cpuMs, stored, fileBytes: statSync(path).size, bytesWritten, journalMode, synchronous };
    } finally {
      connection.close();
    }
  },
};

/** A row of the log table as the ledger stores it, without the position the table hands out. */
type RawRow = Omit<EventRow, 'position'> & { command_id: string; recorded_at: string };

/** The raw limit: better-sqlite3 inserting the stored rows, serialised beforehand, into a bare table (no index but its integer key). */
export const rawPeerStore: PeerStore = {
  name: 'raw',
  async run(path, batches) {
    const db = openBetterSqlite(path);
    try {
      db.exec(`CREATE TABLE raw_events (position INTEGER PRIMARY KEY, id TEXT, stream TEXT, stream_version INTEGER, type TEXT,
        schema_version INTEGER, data TEXT, metadata TEXT, command_id TEXT, recorded_at TEXT)`);
      const insert = db.prepare<RawRow>(
        'INSERT INTO raw_events (id, stream, stream_version, type, schema_version, data, metadata, command_id, recorded_at) VALUES (@id, @stream, @stream_version, @type, @schema_version, @data, @metadata, @command_id, @recorded_at)',
      );
      const insertBatch = db.transaction((rows: readonly RawRow[]) => {
        for (const row of rows) insert.run(row);
      });
      const input = batches.map((b) =>
        b.appends.flatMap((a) =>
          a.events.map((e) => ({
            id: e.id,
            stream: e.stream,
            stream_version: e.streamVersion,
            type: e.type,
            schema_version: e.schemaVersion,
            data: JSON.stringify(e.data),
            metadata: JSON.stringify(e.metadata),
            command_id: e.metadata.commandId,
            recorded_at: e.metadata.recordedAt,
          })),
        ),
      );
      const written = writtenSoFar();
      let ms = 0;
      const cpu = process.cpuUsage();
      for (const rows of input) {
        const start = process.hrtime.bigint();
        insertBatch.immediate(rows);
        ms += msSince(start);
      }
      const cpuMs = cpuMsSince(cpu);
      db.pragma('wal_checkpoint(TRUNCATE)');
      return { ms, cpuMs, bytesWritten: writtenSoFar() - written, ...betterSqliteFacts(db, path, 'raw_events') };
    } finally {
      db.close();
    }
  },
};

export const PEER_STORES: readonly PeerStore[] = [ledgerPeerStore, emmettPeerStore, rawPeerStore];

/** The ledger's pragmas (src/ledger.ts): WAL, synchronous=FULL. */
function openBetterSqlite(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

function betterSqliteFacts(db: Database.Database, path: string, table: string): Omit<PeerRun, 'ms' | 'cpuMs' | 'bytesWritten'> {
  return {
    stored: (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
    fileBytes: statSync(path).size,
    journalMode: db.pragma('journal_mode', { simple: true }) as string,
    synchronous: db.pragma('synchronous', { simple: true }) as number,
  };
}

function asNewEvent(e: PeerBatch['appends'][number]['events'][number]): NewEvent {
  return { id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: submittedMetadata(e) };
}

/** CPU milliseconds (user + system, every thread of this process) since a process.cpuUsage() reading. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

/** Bytes this process has passed to write(2) and its kin so far, all threads (node-sqlite3 writes from libuv's pool). */
function writtenSoFar(): number {
  const match = /^wchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
  if (!match) throw new Error('/proc/self/io has no wchar line');
  return Number(match[1]);
}

import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { msSince } from '../support/stats';
import { imported, type Measurement } from './measurement';

interface Row {
  position: number;
  id: string;
  stream: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  command_id: string;
  recorded_at: string;
}

/** Rows per page when reading back: the page size the projection engine's catch-up reads. */
const PAGE = 1000;

/**
 * The raw limit on this machine, in the same run: better-sqlite3 inserting the very rows
 * the import stored (same serialized JSON, same batch sizes, same pragmas, one immediate
 * transaction per batch) into a bare table, then reading them back a page at a time and
 * JSON-parsing data and metadata. Our figures are printed as ratios of these.
 */
export const rawSqliteMeasurement: Measurement = {
  name: 'raw-sqlite',
  async run(ctx) {
    const { batchEventCounts, events } = imported(ctx);
    const rawPath = join(ctx.dir, 'raw.db');
    const source = new Database(ctx.dbPath, { readonly: true });
    const raw = new Database(rawPath);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec(`CREATE TABLE raw_events (position INTEGER PRIMARY KEY, id TEXT, stream TEXT, stream_version INTEGER, type TEXT,
      schema_version INTEGER, data TEXT, metadata TEXT, command_id TEXT, recorded_at TEXT)`);
    try {
      const read = source.prepare<[number, number], Row>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?');
      const insert = raw.prepare<Row>(
        'INSERT INTO raw_events VALUES (@position, @id, @stream, @stream_version, @type, @schema_version, @data, @metadata, @command_id, @recorded_at)',
      );
      const insertBatch = raw.transaction((rows: readonly Row[]) => {
        for (const row of rows) insert.run(row);
      });
      const insertAll = (into: Database.Transaction<(rows: readonly Row[]) => void>) => {
        let after = 0;
        let ms = 0;
        for (const count of batchEventCounts) {
          if (count === 0) continue;
          const rows = read.all(after, count);
          after = rows.at(-1)!.position;
          const start = process.hrtime.bigint();
          into.immediate(rows);
          ms += msSince(start);
        }
        return ms;
      };
      const insertMs = insertAll(insertBatch);

      // The same rows into a table with the three lookups an event log needs (an event by id,
      // a stream in order, a command's events), in a file of its own: random keys, so every
      // batch touches pages all over each index. The gap to raw-insert is the price of those.
      const indexed = new Database(join(ctx.dir, 'raw-indexed.db'));
      let indexedMs: number;
      try {
        indexed.pragma('journal_mode = WAL');
        indexed.pragma('synchronous = FULL');
        indexed.exec(`CREATE TABLE raw_events (position INTEGER PRIMARY KEY, id TEXT, stream TEXT, stream_version INTEGER, type TEXT,
          schema_version INTEGER, data TEXT, metadata TEXT, command_id TEXT, recorded_at TEXT);
          CREATE UNIQUE INDEX raw_events_id ON raw_events (id);
          CREATE UNIQUE INDEX raw_events_stream ON raw_events (stream, stream_version);
          CREATE INDEX raw_events_command ON raw_events (command_id)`);
        const insertIndexed = indexed.prepare<Row>(
          'INSERT INTO raw_events VALUES (@position, @id, @stream, @stream_version, @type, @schema_version, @data, @metadata, @command_id, @recorded_at)',
        );
        indexedMs = insertAll(
          indexed.transaction((rows: readonly Row[]) => {
            for (const row of rows) insertIndexed.run(row);
          }),
        );
      } finally {
        indexed.close();
      }

      const page = raw.prepare<[number, number], Row>('SELECT position, id, stream, stream_version, type, schema_version, data, metadata FROM raw_events WHERE position > ? ORDER BY position LIMIT ?');
      let parsed = 0;
      const start = process.hrtime.bigint();
      for (let from = 0; ; ) {
        const rows = page.all(from, PAGE);
        if (rows.length === 0) break;
        for (const row of rows) {
          JSON.parse(row.data);
          JSON.parse(row.metadata);
        }
        parsed += rows.length;
        from = rows.at(-1)!.position;
      }
      const readMs = msSince(start);
      raw.pragma('wal_checkpoint(TRUNCATE)');
      return [
        { name: 'raw-insert', value: events / (insertMs / 1000), unit: 'events/s', note: `${batchEventCounts.length} transactions, as the import` },
        { name: 'raw-insert-indexed', value: events / (indexedMs / 1000), unit: 'events/s', rawOf: 'raw-insert', note: 'with unique id, (stream, version) and command indexes' },
        { name: 'raw-read-parse', value: parsed / (readMs / 1000), unit: 'events/s', note: `pages of ${PAGE}` },
        { name: 'raw-db-bytes-per-event', value: statSync(rawPath).size / events, unit: 'bytes' },
      ];
    } finally {
      source.close();
      raw.close();
    }
  },
};

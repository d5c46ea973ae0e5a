import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { imported, type Measurement } from './measurement';

/**
 * Database size per event: the whole file after a WAL checkpoint, and (from SQLite's
 * dbstat) the part that is the log (the events table and its indexes) and the part that
 * is read models, which a rebuild can always regenerate.
 */
export const dbSizeMeasurement: Measurement = {
  name: 'db-size',
  async run(ctx) {
    const { events } = imported(ctx);
    const db = new Database(ctx.dbPath);
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      const owners = new Map(db.prepare<[], { name: string; tbl: string }>("SELECT name, tbl_name AS tbl FROM sqlite_schema WHERE type IN ('table', 'index')").all().map((r) => [r.name, r.tbl]));
      let log = 0;
      let readModels = 0;
      for (const { name, bytes } of db.prepare<[], { name: string; bytes: number }>('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all()) {
        const table = owners.get(name) ?? name;
        if (table === 'events') log += bytes;
        else if (table.startsWith('rm_')) readModels += bytes;
      }
      return [
        { name: 'db-bytes-per-event', value: statSync(ctx.dbPath).size / events, unit: 'bytes', rawOf: 'raw-db-bytes-per-event', note: 'whole file: log, indexes, read models' },
        { name: 'db-log-bytes-per-event', value: log / events, unit: 'bytes', rawOf: 'raw-db-bytes-per-event', note: 'events table and its indexes' },
        { name: 'db-read-model-bytes-per-event', value: readModels / events, unit: 'bytes' },
      ];
    } finally {
      db.close();
    }
  },
};

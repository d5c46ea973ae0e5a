import Database from 'better-sqlite3';
import type { LedgerConfig } from '../config/ledger-config';
import { systemClock, type Clock } from '../event-store/event-store.port';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { backfillNote, LedgerAudit } from './ledger-audit';

/**
 * The log alone, for verify, digest, export and replay: no read models are opened or fed,
 * so a damaged log (a row that is not even valid JSON) can still be examined and reported.
 */
export async function openAuditLog(
  config: Pick<LedgerConfig, 'store' | 'dbPath' | 'eventStoreConnectionString'> & Partial<Pick<LedgerConfig, 'postgresUrl'>>,
  clock: Clock = systemClock,
): Promise<{ audit: LedgerAudit; close(): Promise<void> }> {
  if (config.store === 'postgres') {
    const { connectPostgres } = await import('../event-store/postgres/postgres-event-store');
    const store = await connectPostgres(config.postgresUrl as string, clock);
    return { audit: new LedgerAudit(store, clock), close: () => store.close() };
  }
  if (config.store === 'eventstoredb') {
    const { connectEventStoreDb } = await import('../event-store/eventstoredb/eventstoredb-event-store');
    const store = connectEventStoreDb(config.eventStoreConnectionString as string, clock);
    return { audit: new LedgerAudit(store, clock), close: () => store.close() };
  }
  const db = new Database(config.dbPath, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const store = new SqliteEventStore(db, { clock });
  const notes = () => store.chainBackfills().map(backfillNote);
  return {
    audit: new LedgerAudit(store, clock, notes),
    async close() {
      await store.close();
      db.close();
    },
  };
}

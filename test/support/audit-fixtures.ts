import Database from 'better-sqlite3';
import { openLedger, type Ledger, type OpenOptions } from '../../src/ledger';
import { KALMAR_DATA_DIR, importCommands } from '../../src/seed/kalmar-seed';
import { FixedClock } from './fixtures';

export const sqliteConfig = (dbPath: string) => ({ store: 'sqlite' as const, dbPath, eventStoreConnectionString: null, readModelWaitMs: 0 });

/** A ledger on a real file holding the Kalmar dataset, each file recorded an hour after the one before. */
export async function kalmarLedger(dbPath: string, options: OpenOptions = {}): Promise<{ ledger: Ledger; clock: FixedClock }> {
  const clock = new FixedClock(new Date('2026-01-15T09:00:00.000Z'));
  const ledger = await openLedger(sqliteConfig(dbPath), { clock, ...options });
  const { readdirSync } = await import('node:fs');
  for (const file of readdirSync(KALMAR_DATA_DIR).filter((f) => f.endsWith('.json')).sort()) {
    await importCommands(ledger, `${KALMAR_DATA_DIR}/${file}`, 'test:kalmar');
    clock.advance(3_600_000);
  }
  return { ledger, clock };
}

/**
 * Opens the file the way an intruder with file access would: outside the product, with the
 * append-only triggers dropped. The product's next open recreates them.
 */
export function tamper(dbPath: string, change: (db: Database.Database) => void): void {
  const db = new Database(dbPath);
  try {
    for (const trigger of ['events_are_never_updated', 'events_are_never_deleted', 'event_hashes_are_never_updated', 'event_hashes_are_never_deleted']) {
      db.exec(`DROP TRIGGER IF EXISTS ${trigger}`);
    }
    change(db);
  } finally {
    db.close();
  }
}

export interface EventRowLite {
  position: number;
  id: string;
  stream: string;
  stream_version: number;
  type: string;
  data: string;
}

export function eventRows(dbPath: string): EventRowLite[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare<[], EventRowLite>('SELECT position, id, stream, stream_version, type, data FROM events ORDER BY position').all();
  } finally {
    db.close();
  }
}

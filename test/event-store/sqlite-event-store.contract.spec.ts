import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { FixedClock, tempDir } from '../support/fixtures';
import { describeEventStoreContract } from './event-store.contract';

describeEventStoreContract('sqlite (file)', async () => {
  const tmp = tempDir();
  const db = new Database(tmp.file('ledger.db'));
  db.pragma('journal_mode = WAL');
  const clock = new FixedClock();
  const store = new SqliteEventStore(db, { clock, pollIntervalMs: 20 });
  return {
    store,
    setClock: (iso) => clock.set(iso),
    dispose: async () => {
      await store.close();
      db.close();
      tmp.cleanup();
    },
  };
});

import Database from 'better-sqlite3';
import { tempDir } from '../support/fixtures';
import { startServer } from '../support/server-process';
import { batch, dumpReadModels, open, rebuiltFromLog } from './fault-fixtures';

/** The log is intact, a read model is not: the app rebuilds it on start and says so. */
describe('read models lost while the log is intact', () => {
  const tmp = tempDir('ledger-lost-');
  afterAll(() => tmp.cleanup());

  async function seeded(name: string): Promise<{ db: string; roster: unknown }> {
    const db = tmp.file(name);
    const ledger = await open(db);
    await ledger.writer.execute([...batch(1), ...batch(2).slice(0)], 'test');
    const roster = ledger.rosters.roster(ledger.directory.group('fault-group-1', null)!, { at: '2025-06-01', knownAt: null });
    await ledger.close();
    return { db, roster };
  }

  it.each([
    ['a dropped read-model table', (db: Database.Database) => db.exec('DROP TABLE rm_memberships')],
    ['every checkpoint deleted', (db: Database.Database) => db.exec('DELETE FROM projection_checkpoints')],
    ['all read-model tables and checkpoints dropped', (db: Database.Database) => {
      for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'rm_%' OR name = 'projection_checkpoints')").all() as { name: string }[]) db.exec(`DROP TABLE "${name}"`);
    }],
  ])('%s: rebuilt on start, with a message, answering as before', async (label, damage) => {
    const { db, roster } = await seeded(`${label.replace(/\W+/g, '-')}.db`);
    const raw = new Database(db);
    damage(raw);
    raw.close();

    const server = await startServer(db);
    try {
      expect(server.output()).toMatch(/rebuilt them from the log|Rebuilt read models/);
      const response = await fetch(`${server.url}/groups/fault-group-1/roster?at=2025-06-01`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(JSON.parse(JSON.stringify(roster)));
    } finally {
      await server.stop();
    }
    const ledger = await open(db);
    try {
      expect(dumpReadModels(ledger.engine.db)).toEqual(await rebuiltFromLog(ledger));
    } finally {
      await ledger.close();
    }
  }, 120_000);
});

import { statement, type Projection } from './projection';

/** Which people the ledger knows: id, slug, name. */
export const personDirectoryProjection: Projection = {
  name: 'person-directory',
  version: 1,
  tables: ['rm_persons'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_persons (
      id TEXT PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, event_id TEXT NOT NULL, known_from TEXT NOT NULL)`);
  },
  apply(db, event) {
    if (event.type !== 'PersonRegistered') return;
    const { personId, slug, name } = event.data;
    statement(db, 'INSERT INTO rm_persons (id, slug, name, event_id, known_from) VALUES (?, ?, ?, ?, ?)').run(personId, slug, name, event.id, event.metadata.recordedAt);
  },
};

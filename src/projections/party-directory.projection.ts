import { statement, type Projection } from './projection';

/** Which parties exist, and the other spellings (aliases) that lead to them. */
export const partyDirectoryProjection: Projection = {
  name: 'party-directory',
  version: 1,
  tables: ['rm_parties', 'rm_party_aliases'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_parties (
      id TEXT PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL, event_id TEXT NOT NULL, known_from TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS rm_party_aliases (alias TEXT PRIMARY KEY, party_id TEXT NOT NULL, slug TEXT NOT NULL)`);
  },
  apply(db, event) {
    if (event.type !== 'PartyRegistered') return;
    const { partyId, slug, name, kind, aliases } = event.data;
    statement(db, 'INSERT INTO rm_parties (id, slug, name, kind, event_id, known_from) VALUES (?, ?, ?, ?, ?, ?)').run(partyId, slug, name, kind, event.id, event.metadata.recordedAt);
    // The first party to claim an alias keeps it: an alias never silently moves.
    const alias = statement(db, 'INSERT OR IGNORE INTO rm_party_aliases (alias, party_id, slug) VALUES (?, ?, ?)');
    for (const a of aliases) alias.run(a, partyId, slug);
  },
};

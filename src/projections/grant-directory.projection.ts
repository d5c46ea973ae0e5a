import { statement, type Projection } from './projection';

/** Which grants exist and their terms (agreement, year, holder, parts), in transaction time. */
export const grantDirectoryProjection: Projection = {
  name: 'grant-directory',
  version: 1,
  tables: ['rm_grants'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_grants (
      event_id TEXT PRIMARY KEY, grant_id TEXT NOT NULL, slug TEXT NOT NULL, name TEXT NOT NULL, agreement TEXT NOT NULL,
      year INTEGER NOT NULL, holder_id TEXT NOT NULL, received TEXT NOT NULL, parts TEXT NOT NULL,
      effective_date TEXT, source TEXT, decision TEXT,
      known_from TEXT NOT NULL, known_until TEXT, position INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS rm_grants_by_id ON rm_grants (grant_id, known_from)`);
  },
  apply(db, event) {
    if (event.type === 'GrantRegistered') {
      const { grantId, slug, name, agreement, year, holderId, received, parts } = event.data;
      statement(
        db,
        `INSERT INTO rm_grants (event_id, grant_id, slug, name, agreement, year, holder_id, received, parts, effective_date, source, decision, known_from, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        event.id,
        grantId,
        slug,
        name,
        agreement,
        year,
        holderId,
        JSON.stringify(received),
        JSON.stringify(parts),
        event.metadata.effectiveFrom?.date ?? null,
        JSON.stringify(event.metadata.source),
        JSON.stringify(event.metadata.decision ?? null),
        event.metadata.recordedAt,
        event.position,
      );
    } else if (event.type === 'EventRevoked') {
      statement(db, 'UPDATE rm_grants SET known_until = ? WHERE event_id = ? AND known_until IS NULL').run(event.metadata.recordedAt, event.data.targetEventId);
    }
  },
};

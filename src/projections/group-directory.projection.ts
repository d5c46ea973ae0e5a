import { statement, type Projection } from './projection';

/** Which groups exist: id, slug, name, kind, parent. */
export const groupDirectoryProjection: Projection = {
  name: 'group-directory',
  version: 1,
  tables: ['rm_groups'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_groups (
      id TEXT PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL, parent_id TEXT,
      established_from TEXT, established_precision TEXT NOT NULL,
      event_id TEXT NOT NULL, source TEXT, known_from TEXT NOT NULL)`);
  },
  apply(db, event) {
    if (event.type !== 'GroupEstablished') return;
    const { groupId, slug, name, kind, parentId } = event.data;
    const from = event.metadata.effectiveFrom;
    statement(db, 
      `INSERT INTO rm_groups (id, slug, name, kind, parent_id, established_from, established_precision, event_id, source, known_from)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(groupId, slug, name, kind, parentId, from?.date ?? null, from?.precision ?? 'unknown', event.id, JSON.stringify(event.metadata.source), event.metadata.recordedAt);
  },
};

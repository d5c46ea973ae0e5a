import { statement, type Projection } from './projection';

/** Where each event lives (id → stream, type, position): how RevokeEvent and CorrectEvent find a target on any store. */
export const eventLocatorProjection: Projection = {
  name: 'event-locator',
  version: 1,
  tables: ['rm_event_locator'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_event_locator (
      event_id TEXT PRIMARY KEY, stream TEXT NOT NULL, type TEXT NOT NULL, position INTEGER NOT NULL, recorded_at TEXT NOT NULL)`);
  },
  apply(db, event) {
    statement(db, 'INSERT OR IGNORE INTO rm_event_locator (event_id, stream, type, position, recorded_at) VALUES (?, ?, ?, ?, ?)').run(
      event.id,
      event.stream,
      event.type,
      event.position,
      event.metadata.recordedAt,
    );
  },
};

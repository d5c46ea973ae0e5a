import { earliestDay } from '../domain/effective-date';
import { statement, type Projection } from './projection';

/** A person's title and employer as of a date: each row holds from its date until the next. */
export const affiliationProjection: Projection = {
  name: 'affiliation',
  version: 1,
  tables: ['rm_affiliations'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_affiliations (
      event_id TEXT PRIMARY KEY, person_id TEXT NOT NULL, organisation_id TEXT NOT NULL, unit TEXT, title TEXT,
      from_date TEXT NOT NULL, from_precision TEXT NOT NULL, from_lo TEXT NOT NULL,
      source TEXT, known_from TEXT NOT NULL, position INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS rm_affiliations_by_person ON rm_affiliations (person_id, from_lo)`);
  },
  apply(db, event) {
    if (event.type !== 'AffiliationRecorded') return;
    const { personId, organisationId, unit, title } = event.data;
    const from = event.metadata.effectiveFrom;
    if (!from || from.date === null) return;
    statement(db, 
      `INSERT INTO rm_affiliations (event_id, person_id, organisation_id, unit, title, from_date, from_precision, from_lo, source, known_from, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(event.id, personId, organisationId, unit, title, from.date, from.precision, earliestDay(from), JSON.stringify(event.metadata.source), event.metadata.recordedAt, event.position);
  },
};

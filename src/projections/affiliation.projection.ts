import { basisOf } from '../domain/basis';
import { earliestDay } from '../domain/effective-date';
import { applyCorrections, isCorrection, type Effective } from '../events/apply-corrections';
import type { LedgerEvent } from '../events/ledger-event';
import type { Projection } from './projection';
import { KNOWN_COLUMNS } from './projection';
import { ScopedLog } from './scoped-log';
import { insertVersion, syncVersionedRows, type Row } from './versioned-rows';

const log = new ScopedLog('rm_affiliations_log');

/** The row an (effective) AffiliationRecorded stands for; none when it has no date. */
function affiliationRows(e: Effective<LedgerEvent>, personId: string): Row[] {
  if (e.type !== 'AffiliationRecorded') return [];
  const from = e.metadata.effectiveFrom;
  if (!from || from.date === null) return [];
  const { organisationId, unit, title } = e.data;
  return [
    {
      event_id: e.id,
      person_id: personId,
      organisation_id: organisationId,
      unit,
      title,
      from_date: from.date,
      from_precision: from.precision,
      from_lo: earliestDay(from),
      source: JSON.stringify(e.metadata.source),
      basis: JSON.stringify(basisOf(e.metadata)),
      position: e.position,
      events: JSON.stringify([e.id, ...e.correctedBy]),
    },
  ];
}

/**
 * A person's title and employer as of a date: each row holds from its date until the next.
 * Versioned in transaction time, so a corrected or revoked affiliation stops being known at
 * the correction while a knownAt before it still shows it. `position` orders same-day rows.
 * Each row depends on its own event only: an append inserts one row, a correction
 * recomputes the person's rows from their (corrected) events.
 */
export const affiliationProjection: Projection = {
  name: 'affiliation',
  version: 4,
  tables: ['rm_affiliations', 'rm_affiliations_log'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_affiliations (
      event_id TEXT NOT NULL, person_id TEXT NOT NULL, organisation_id TEXT NOT NULL, unit TEXT, title TEXT,
      from_date TEXT NOT NULL, from_precision TEXT NOT NULL, from_lo TEXT NOT NULL,
      source TEXT, basis TEXT NOT NULL, position INTEGER NOT NULL, events TEXT NOT NULL,
      ${KNOWN_COLUMNS});
      CREATE INDEX IF NOT EXISTS rm_affiliations_by_person ON rm_affiliations (person_id, from_lo);
      ${log.setupSql()}`);
  },
  apply(db, event) {
    const personId = log.scopeFor(db, event, (e) => (e.type === 'AffiliationRecorded' ? e.data.personId : null));
    if (personId === null) return;
    log.append(db, personId, event);
    if (isCorrection(event)) {
      const rows = applyCorrections(log.events(db, personId)).flatMap((e) => affiliationRows(e, personId));
      syncVersionedRows(db, 'rm_affiliations', { column: 'person_id', value: personId }, ['event_id'], rows, event);
      return;
    }
    // A new event: its row is new too.
    for (const row of affiliationRows({ ...event, correctedBy: [] }, personId)) insertVersion(db, 'rm_affiliations', row, event);
  },
};

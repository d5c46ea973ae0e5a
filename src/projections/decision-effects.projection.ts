import type { LedgerEvent } from '../events/ledger-event';
import { KNOWN_COLUMNS, statement, type Projection } from './projection';
import { closeVersion, insertVersion, json, type CurrentRow, type Row } from './versioned-rows';

/** The row of an event that cites a decision, with the data and valid time believed now. */
function effectRow(e: LedgerEvent): Row {
  return {
    event_id: e.id,
    meeting_id: e.metadata.decision!.meetingId,
    item: e.metadata.decision!.item,
    stream: e.stream,
    type: e.type,
    data: json(e.data),
    effective_from: json(e.metadata.effectiveFrom),
    position: e.position,
    events: json([e.id]),
  };
}

/**
 * "Which decision made this so?" read backwards: every event whose metadata.decision cites a
 * meeting item, in any stream (rosters, projects, grants). A revoked effect stops being known
 * at the revocation; a corrected one shows its corrected data and valid time from then on.
 * A row depends on its own event and that event's corrections only, so the row itself is
 * all a correction needs: no copy of the events is kept.
 */
export const decisionEffectsProjection: Projection = {
  name: 'decision-effects',
  version: 3,
  tables: ['rm_decision_effects'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_decision_effects (
      event_id TEXT NOT NULL, meeting_id TEXT NOT NULL, item TEXT NOT NULL, stream TEXT NOT NULL, type TEXT NOT NULL,
      data TEXT NOT NULL, effective_from TEXT, position INTEGER NOT NULL, events TEXT NOT NULL, ${KNOWN_COLUMNS});
      CREATE INDEX IF NOT EXISTS rm_decision_effects_by_item ON rm_decision_effects (meeting_id, item, position);
      CREATE INDEX IF NOT EXISTS rm_decision_effects_by_event ON rm_decision_effects (event_id, known_until)`);
  },
  apply(db, event) {
    if (event.type === 'EventRevoked' || event.type === 'EventCorrected') {
      const current = statement(db, 'SELECT rowid AS _rowid, * FROM rm_decision_effects WHERE event_id = ? AND known_until IS NULL').get(event.data.targetEventId) as
        | CurrentRow
        | undefined;
      if (!current) return;
      closeVersion(db, 'rm_decision_effects', current._rowid, event);
      if (event.type === 'EventCorrected') {
        const { _rowid, known_from: _from, known_until: _until, known_from_position: _position, ...row } = current;
        const events = [...(JSON.parse(row.events as string) as string[]), event.id];
        insertVersion(db, 'rm_decision_effects', { ...row, data: json(event.data.correctedData), effective_from: json(event.metadata.effectiveFrom), events: json(events) }, event);
      }
      return;
    }
    if (event.metadata.decision) insertVersion(db, 'rm_decision_effects', effectRow(event), event);
  },
};

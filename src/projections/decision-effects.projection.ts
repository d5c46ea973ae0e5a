import { applyCorrections } from '../events/apply-corrections';
import { KNOWN_COLUMNS, type Projection } from './projection';
import { ScopedLog } from './scoped-log';
import { json, syncVersionedRows } from './versioned-rows';

const log = new ScopedLog('rm_decision_effects_log');

/**
 * "Which decision made this so?" read backwards: every event whose metadata.decision cites a
 * meeting item, in any stream (rosters, projects, grants). A revoked effect stops being known
 * at the revocation; a corrected one shows its corrected data from then on.
 */
export const decisionEffectsProjection: Projection = {
  name: 'decision-effects',
  version: 2,
  tables: ['rm_decision_effects', 'rm_decision_effects_log'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_decision_effects (
      event_id TEXT NOT NULL, meeting_id TEXT NOT NULL, item TEXT NOT NULL, stream TEXT NOT NULL, type TEXT NOT NULL,
      data TEXT NOT NULL, effective_from TEXT, position INTEGER NOT NULL, events TEXT NOT NULL, ${KNOWN_COLUMNS});
      CREATE INDEX IF NOT EXISTS rm_decision_effects_by_item ON rm_decision_effects (meeting_id, item, position);
      CREATE INDEX IF NOT EXISTS rm_decision_effects_by_event ON rm_decision_effects (event_id);
      ${log.setupSql()}`);
  },
  apply(db, event) {
    const scope = log.scopeFor(db, event, (e) => (e.metadata.decision ? e.id : null));
    if (scope === null) return;
    log.append(db, scope, event);
    const rows = applyCorrections(log.events(db, scope))
      .filter((e) => e.metadata.decision)
      .map((e) => ({
        event_id: e.id,
        meeting_id: e.metadata.decision!.meetingId,
        item: e.metadata.decision!.item,
        stream: e.stream,
        type: e.type,
        data: json(e.data),
        effective_from: json(e.metadata.effectiveFrom),
        position: e.position,
        events: json([e.id, ...e.correctedBy]),
      }));
    syncVersionedRows(db, 'rm_decision_effects', { column: 'event_id', value: scope }, ['event_id'], rows, event);
  },
};

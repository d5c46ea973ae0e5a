import type { Projection } from './projection';
import { closeInterval, effectiveFromOf, insertRow, INTERVAL_COLUMNS, intervalValues, sourcesWith } from './interval-columns';

const TERM_COLUMNS = ['term_id', 'group_id', 'person_id', 'role'] as const;

/** Who chaired (or was vice chair of) which group, in valid and transaction time. */
export const chairTermProjection: Projection = {
  name: 'chair-term',
  version: 1,
  tables: ['rm_chair_terms'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_chair_terms (
      term_id TEXT NOT NULL, group_id TEXT NOT NULL, person_id TEXT NOT NULL, role TEXT NOT NULL,
      ${INTERVAL_COLUMNS});
      CREATE INDEX IF NOT EXISTS rm_chair_terms_by_group ON rm_chair_terms (group_id, from_lo);
      CREATE INDEX IF NOT EXISTS rm_chair_terms_by_person ON rm_chair_terms (person_id);
      CREATE INDEX IF NOT EXISTS rm_chair_terms_by_id ON rm_chair_terms (term_id, known_until)`);
  },
  apply(db, event) {
    if (event.type !== 'ChairAppointed') return;
    const { groupId, personId, role, effectiveTo, succeeds } = event.data;
    for (const s of succeeds) closeInterval(db, 'rm_chair_terms', 'term_id', s.termId, event, TERM_COLUMNS);
    const term = { term_id: event.id, group_id: groupId, person_id: personId, role };
    insertRow(db, 'rm_chair_terms', { ...term, ...intervalValues(effectiveFromOf(event), effectiveTo, [event.id], sourcesWith([], event), event) });
  },
};

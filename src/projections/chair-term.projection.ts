import type { EffectiveDate } from '../domain/effective-date';
import { applyCorrections, type Effective } from '../events/apply-corrections';
import type { SourceRef } from '../events/event-envelope';
import type { LedgerEvent } from '../events/ledger-event';
import type { Projection } from './projection';
import { effectiveFromOf, endBy, INTERVAL_COLUMNS, intervalColumns, sourcesWith } from './interval-columns';
import { ScopedLog } from './scoped-log';
import { syncVersionedRows, type Row } from './versioned-rows';

const log = new ScopedLog('rm_chair_terms_log');

interface Term {
  term_id: string;
  group_id: string;
  person_id: string;
  role: string;
  from: EffectiveDate;
  to: EffectiveDate | null;
  events: string[];
  sources: SourceRef[];
}

/** The chair terms of one group as its (corrected) ChairAppointed events say. */
export function termsOf(events: readonly Effective<LedgerEvent>[]): Row[] {
  const terms = new Map<string, Term>();
  for (const e of events) {
    if (e.type !== 'ChairAppointed') continue;
    for (const s of e.data.succeeds) {
      const term = terms.get(s.termId);
      if (term) terms.set(s.termId, { ...term, to: endBy(e), events: [...term.events, e.id, ...e.correctedBy], sources: sourcesWith(term.sources, e) });
    }
    const { groupId, personId, role, effectiveTo } = e.data;
    terms.set(e.id, { term_id: e.id, group_id: groupId, person_id: personId, role, from: effectiveFromOf(e), to: effectiveTo, events: [e.id, ...e.correctedBy], sources: sourcesWith([], e) });
  }
  return [...terms.values()].map(({ from, to, events: ids, sources, ...term }) => ({ ...term, ...intervalColumns(from, to, ids, sources) }));
}

/** Who chaired (or was vice chair of) which group, in valid and transaction time; corrections honoured like the seats. */
export const chairTermProjection: Projection = {
  name: 'chair-term',
  version: 2,
  tables: ['rm_chair_terms', 'rm_chair_terms_log'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_chair_terms (
      term_id TEXT NOT NULL, group_id TEXT NOT NULL, person_id TEXT NOT NULL, role TEXT NOT NULL,
      ${INTERVAL_COLUMNS});
      CREATE INDEX IF NOT EXISTS rm_chair_terms_by_group ON rm_chair_terms (group_id, from_lo);
      CREATE INDEX IF NOT EXISTS rm_chair_terms_by_person ON rm_chair_terms (person_id);
      CREATE INDEX IF NOT EXISTS rm_chair_terms_by_id ON rm_chair_terms (term_id, known_until);
      ${log.setupSql()}`);
  },
  apply(db, event) {
    const groupId = log.scopeFor(db, event, (e) => (e.type === 'ChairAppointed' ? e.data.groupId : null));
    if (groupId === null) return;
    log.append(db, groupId, event);
    syncVersionedRows(db, 'rm_chair_terms', { column: 'group_id', value: groupId }, ['term_id'], termsOf(applyCorrections(log.events(db, groupId))), event);
  },
};

import { applyCorrections, isCorrection, type Effective } from '../events/apply-corrections';
import type { LedgerEvent } from '../events/ledger-event';
import { CurrentRows, type Entities } from './current-rows';
import { attestedDaysOf, basisOf } from '../domain/basis';
import { effectiveFromOf, endBy, INTERVAL_COLUMNS, intervalColumns, intervalOf, sourcesWith, type Interval } from './interval-columns';
import type { Projection } from './projection';
import { ScopedLog } from './scoped-log';
import { syncVersionedRows, type Row } from './versioned-rows';

const log = new ScopedLog('rm_chair_terms_log');

interface Term extends Interval {
  readonly term_id: string;
  readonly group_id: string;
  readonly person_id: string;
  readonly role: string;
}

/** One ChairAppointed's effect: it ends the terms it succeeds and opens its own. */
export function evolveTerms(terms: Entities<Term>, e: Effective<LedgerEvent>): void {
  if (e.type !== 'ChairAppointed') return;
  for (const s of e.data.succeeds) {
    const term = terms.get(s.termId);
    if (term) terms.set(s.termId, { ...term, to: endBy(e), events: [...term.events, e.id, ...e.correctedBy], sources: sourcesWith(term.sources, e) });
  }
  const { groupId, personId, role, effectiveTo } = e.data;
  terms.set(e.id, { term_id: e.id, group_id: groupId, person_id: personId, role, from: effectiveFromOf(e), to: effectiveTo, events: [e.id, ...e.correctedBy], sources: sourcesWith([], e), basis: basisOf(e.metadata), attested: attestedDaysOf(e.metadata) });
}

const termRow = ({ from, to, events, sources, basis, attested, ...term }: Term): Row => ({ ...term, ...intervalColumns({ from, to, events, sources, basis, attested }) });

const termOfRow = (row: Row): Term => ({
  term_id: row.term_id as string,
  group_id: row.group_id as string,
  person_id: row.person_id as string,
  role: row.role as string,
  ...intervalOf(row),
});

/** The chair terms of one group as its (corrected) ChairAppointed events say. */
export function termsOf(events: readonly Effective<LedgerEvent>[]): Row[] {
  const terms = new Map<string, Term>();
  for (const e of events) evolveTerms(terms, e);
  return [...terms.values()].map(termRow);
}

/**
 * Who chaired (or was vice chair of) which group, in valid and transaction time. Like the
 * seats: an appended ChairAppointed patches the terms it touches, a correction refolds the group.
 */
export const chairTermProjection: Projection = {
  name: 'chair-term',
  version: 4,
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
    if (isCorrection(event)) {
      syncVersionedRows(db, 'rm_chair_terms', { column: 'group_id', value: groupId }, ['term_id'], termsOf(applyCorrections(log.events(db, groupId))), event);
      return;
    }
    const terms = new CurrentRows(db, 'rm_chair_terms', 'term_id', termOfRow);
    evolveTerms(terms, { ...event, correctedBy: [] });
    terms.save(termRow, event);
  },
};

import { applyCorrections, type Effective } from '../events/apply-corrections';
import type { LedgerEvent } from '../events/ledger-event';
import type { SourceRef } from '../events/event-envelope';
import type { EffectiveDate } from '../domain/effective-date';
import type { Projection } from './projection';
import { effectiveFromOf, endBy, INTERVAL_COLUMNS, intervalColumns, sourcesWith } from './interval-columns';
import { ScopedLog } from './scoped-log';
import { syncVersionedRows, type Row } from './versioned-rows';

const TYPES = ['MemberAppointed', 'MemberReplaced', 'MembershipEnded'];
const log = new ScopedLog('rm_memberships_log');

interface Seat {
  membership_id: string;
  group_id: string;
  person_id: string;
  role: string;
  representing_id: string | null;
  field: string | null;
  title: string | null;
  from: EffectiveDate;
  to: EffectiveDate | null;
  events: string[];
  sources: SourceRef[];
}

/** The seats of one group as its (corrected) seat events say: what the roster rows must be now. */
export function seatsOf(events: readonly Effective<LedgerEvent>[]): Row[] {
  const seats = new Map<string, Seat>();
  const close = (membershipId: string, e: Effective<LedgerEvent>) => {
    const seat = seats.get(membershipId);
    if (seat) seats.set(membershipId, { ...seat, to: endBy(e), events: [...seat.events, e.id, ...e.correctedBy], sources: sourcesWith(seat.sources, e) });
  };
  const open = (e: Effective<LedgerEvent>, groupId: string, s: { personId: string; role: string; representingId: string | null; field: string | null; title: string | null }) =>
    seats.set(e.id, {
      membership_id: e.id,
      group_id: groupId,
      person_id: s.personId,
      role: s.role,
      representing_id: s.representingId,
      field: s.field,
      title: s.title,
      from: effectiveFromOf(e),
      to: null,
      events: [e.id, ...e.correctedBy],
      sources: sourcesWith([], e),
    });
  for (const e of events) {
    if (e.type === 'MemberAppointed') open(e, e.data.groupId, e.data);
    if (e.type === 'MemberReplaced') {
      close(e.data.outgoing.membershipId, e);
      open(e, e.data.groupId, e.data.incoming);
    }
    if (e.type === 'MembershipEnded') close(e.data.membershipId, e);
  }
  return [...seats.values()].map(({ from, to, events: ids, sources, ...seat }) => ({ ...seat, ...intervalColumns(from, to, ids, sources) }));
}

/**
 * Who sits in which group, in valid and transaction time: the roster and a person's history.
 * A revocation or correction in the group's stream recomputes the group's seats; rows that
 * change stop being known at the correction's recordedAt, so a knownAt before it still shows them.
 */
export const groupMembershipProjection: Projection = {
  name: 'group-membership',
  version: 2,
  tables: ['rm_memberships', 'rm_memberships_log'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_memberships (
      membership_id TEXT NOT NULL, group_id TEXT NOT NULL, person_id TEXT NOT NULL,
      role TEXT NOT NULL, representing_id TEXT, field TEXT, title TEXT,
      ${INTERVAL_COLUMNS});
      CREATE INDEX IF NOT EXISTS rm_memberships_by_group ON rm_memberships (group_id, from_lo);
      CREATE INDEX IF NOT EXISTS rm_memberships_by_person ON rm_memberships (person_id);
      CREATE INDEX IF NOT EXISTS rm_memberships_by_id ON rm_memberships (membership_id, known_until);
      ${log.setupSql()}`);
  },
  apply(db, event) {
    const groupId = log.scopeFor(db, event, (e) => (TYPES.includes(e.type) ? (e.data as { groupId: string }).groupId : null));
    if (groupId === null) return;
    log.append(db, groupId, event);
    const rows = seatsOf(applyCorrections(log.events(db, groupId)));
    syncVersionedRows(db, 'rm_memberships', { column: 'group_id', value: groupId }, ['membership_id'], rows, event);
  },
};

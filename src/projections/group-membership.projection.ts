import { applyCorrections, isCorrection, type Effective } from '../events/apply-corrections';
import type { LedgerEvent } from '../events/ledger-event';
import { CurrentRows, type Entities } from './current-rows';
import { attestedDaysOf, basisOf } from '../domain/basis';
import { effectiveFromOf, endBy, INTERVAL_COLUMNS, intervalColumns, intervalOf, sourcesWith, type Interval } from './interval-columns';
import type { Projection } from './projection';
import { ScopedLog } from './scoped-log';
import { syncVersionedRows, type Row } from './versioned-rows';

const TYPES = ['MemberAppointed', 'MemberReplaced', 'MembershipEnded'];
const log = new ScopedLog('rm_memberships_log');

interface Seat extends Interval {
  readonly membership_id: string;
  readonly group_id: string;
  readonly person_id: string;
  readonly role: string;
  readonly representing_id: string | null;
  readonly field: string | null;
  readonly title: string | null;
}

/** One seat event's effect: an appointment opens a seat, a replacement closes one and opens another, an end closes one. */
export function evolveSeats(seats: Entities<Seat>, e: Effective<LedgerEvent>): void {
  const close = (membershipId: string) => {
    const seat = seats.get(membershipId);
    if (seat) seats.set(membershipId, { ...seat, to: endBy(e), events: [...seat.events, e.id, ...e.correctedBy], sources: sourcesWith(seat.sources, e) });
  };
  const open = (groupId: string, s: { personId: string; role: string; representingId: string | null; field: string | null; title: string | null }) =>
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
      basis: basisOf(e.metadata),
      attested: attestedDaysOf(e.metadata),
    });
  if (e.type === 'MemberAppointed') open(e.data.groupId, e.data);
  if (e.type === 'MemberReplaced') {
    close(e.data.outgoing.membershipId);
    open(e.data.groupId, e.data.incoming);
  }
  if (e.type === 'MembershipEnded') close(e.data.membershipId);
}

const seatRow = ({ from, to, events, sources, basis, attested, ...seat }: Seat): Row => ({ ...seat, ...intervalColumns({ from, to, events, sources, basis, attested }) });

const seatOfRow = (row: Row): Seat => ({
  membership_id: row.membership_id as string,
  group_id: row.group_id as string,
  person_id: row.person_id as string,
  role: row.role as string,
  representing_id: row.representing_id as string | null,
  field: row.field as string | null,
  title: row.title as string | null,
  ...intervalOf(row),
});

/** The seats of one group as its (corrected) seat events say: what the roster rows must be now. */
export function seatsOf(events: readonly Effective<LedgerEvent>[]): Row[] {
  const seats = new Map<string, Seat>();
  for (const e of events) evolveSeats(seats, e);
  return [...seats.values()].map(seatRow);
}

/**
 * Who sits in which group, in valid and transaction time: the roster and a person's history.
 * An appended seat event patches the seats it opens or closes. A revocation or correction
 * refolds the group's seats from its events; rows that change stop being known at the
 * correction's recordedAt, so a knownAt before it still shows them.
 */
export const groupMembershipProjection: Projection = {
  name: 'group-membership',
  version: 4,
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
    if (isCorrection(event)) {
      syncVersionedRows(db, 'rm_memberships', { column: 'group_id', value: groupId }, ['membership_id'], seatsOf(applyCorrections(log.events(db, groupId))), event);
      return;
    }
    const seats = new CurrentRows(db, 'rm_memberships', 'membership_id', seatOfRow);
    evolveSeats(seats, { ...event, correctedBy: [] });
    seats.save(seatRow, event);
  },
};

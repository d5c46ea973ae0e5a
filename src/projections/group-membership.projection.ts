import type { Projection } from './projection';
import { closeInterval, effectiveFromOf, insertRow, INTERVAL_COLUMNS, intervalValues, sourcesWith } from './interval-columns';

const SEAT_COLUMNS = ['membership_id', 'group_id', 'person_id', 'role', 'representing_id', 'field', 'title'] as const;

/** Who sits in which group, in valid and transaction time: the roster and a person's history. */
export const groupMembershipProjection: Projection = {
  name: 'group-membership',
  version: 1,
  tables: ['rm_memberships'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_memberships (
      membership_id TEXT NOT NULL, group_id TEXT NOT NULL, person_id TEXT NOT NULL,
      role TEXT NOT NULL, representing_id TEXT, field TEXT, title TEXT,
      ${INTERVAL_COLUMNS});
      CREATE INDEX IF NOT EXISTS rm_memberships_by_group ON rm_memberships (group_id, from_lo);
      CREATE INDEX IF NOT EXISTS rm_memberships_by_person ON rm_memberships (person_id);
      CREATE INDEX IF NOT EXISTS rm_memberships_by_id ON rm_memberships (membership_id, known_until)`);
  },
  apply(db, event) {
    switch (event.type) {
      case 'MemberAppointed': {
        const { groupId, personId, role, representingId, field, title } = event.data;
        const seat = { membership_id: event.id, group_id: groupId, person_id: personId, role, representing_id: representingId, field, title };
        insertRow(db, 'rm_memberships', { ...seat, ...intervalValues(effectiveFromOf(event), null, [event.id], sourcesWith([], event), event) });
        return;
      }
      case 'MemberReplaced': {
        const { groupId, outgoing, incoming } = event.data;
        closeInterval(db, 'rm_memberships', 'membership_id', outgoing.membershipId, event, SEAT_COLUMNS);
        const seat = {
          membership_id: event.id,
          group_id: groupId,
          person_id: incoming.personId,
          role: incoming.role,
          representing_id: incoming.representingId,
          field: incoming.field,
          title: incoming.title,
        };
        insertRow(db, 'rm_memberships', { ...seat, ...intervalValues(effectiveFromOf(event), null, [event.id], sourcesWith([], event), event) });
        return;
      }
      case 'MembershipEnded':
        closeInterval(db, 'rm_memberships', 'membership_id', event.data.membershipId, event, SEAT_COLUMNS);
        return;
      default:
        return;
    }
  },
};

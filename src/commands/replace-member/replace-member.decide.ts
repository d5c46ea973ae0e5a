import { RuleViolation } from '../../domain/ledger-errors';
import type { MemberReplaced } from '../../events/group.events';
import type { ReplaceMemberCommand } from '../group/group.commands';
import { requireEstablished, requireNotBeforeGroup, requireNotSitting, requireSittingOn } from '../group/group-rules';
import type { GroupState } from '../group/group.state';

/** "X ersätter tidigare deltagare Y": Y's seat ends the day before, X takes it over from that day. */
export function replaceMember(command: ReplaceMemberCommand, state: GroupState): MemberReplaced[] {
  const group = requireEstablished(state);
  const { outgoingId, incomingId, seat, effectiveFrom } = command.data;
  if (outgoingId === incomingId) {
    throw new RuleViolation('replace-with-someone-else', 'A member cannot replace themselves', [{ field: 'data.incoming', message: 'must differ from outgoing' }]);
  }
  requireNotBeforeGroup(group, effectiveFrom);
  const outgoing = requireSittingOn(group, outgoingId, effectiveFrom, 'data.outgoing');
  requireNotSitting(group, incomingId, effectiveFrom, 'data.incoming');
  return [
    {
      type: 'MemberReplaced',
      data: {
        groupId: group.id,
        outgoing: { personId: outgoingId, membershipId: outgoing.id },
        incoming: {
          personId: incomingId,
          role: seat.role ?? outgoing.seat.role,
          representingId: seat.representingId !== undefined ? seat.representingId : outgoing.seat.representingId,
          field: seat.field !== undefined ? seat.field : outgoing.seat.field,
          title: seat.title ?? null,
        },
      },
    },
  ];
}

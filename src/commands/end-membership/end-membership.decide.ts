import type { MembershipEnded } from '../../events/group.events';
import type { EndMembershipCommand } from '../group/group.commands';
import { requireEstablished, requireNotBeforeGroup, requireSittingOn } from '../group/group-rules';
import type { GroupState } from '../group/group.state';

/** From effectiveFrom on, the person no longer sits: the seat's last day is the day before. */
export function endMembership(command: EndMembershipCommand, state: GroupState): MembershipEnded[] {
  const group = requireEstablished(state);
  const { personId, effectiveFrom } = command.data;
  requireNotBeforeGroup(group, effectiveFrom);
  const seat = requireSittingOn(group, personId, effectiveFrom, 'data.person');
  return [{ type: 'MembershipEnded', data: { groupId: group.id, personId, membershipId: seat.id } }];
}

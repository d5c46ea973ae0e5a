import type { MemberAppointed } from '../../events/group.events';
import type { AppointMemberCommand } from '../group/group.commands';
import { requireEstablished, requireNotBeforeGroup, requireNotSitting } from '../group/group-rules';
import type { GroupState } from '../group/group.state';

export function appointMember(command: AppointMemberCommand, state: GroupState): MemberAppointed[] {
  const group = requireEstablished(state);
  const { personId, seat, effectiveFrom } = command.data;
  requireNotBeforeGroup(group, effectiveFrom);
  requireNotSitting(group, personId, effectiveFrom, 'data.person');
  return [{ type: 'MemberAppointed', data: { groupId: group.id, personId, ...seat } }];
}

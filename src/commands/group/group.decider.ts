import type { GroupEvent } from '../../events/group.events';
import { appointChair } from '../appoint-chair/appoint-chair.decide';
import { appointMember } from '../appoint-member/appoint-member.decide';
import { endMembership } from '../end-membership/end-membership.decide';
import { establishGroup } from '../establish-group/establish-group.decide';
import { replaceMember } from '../replace-member/replace-member.decide';
import type { GroupCommand } from './group.commands';
import { evolveGroup, initialGroupState, type GroupState } from './group.state';

/** The group decider: `decide` only routes; each decision lives in its command's folder. */
export function decideGroup(command: GroupCommand, state: GroupState): GroupEvent[] {
  switch (command.type) {
    case 'EstablishGroup':
      return establishGroup(command, state);
    case 'AppointMember':
      return appointMember(command, state);
    case 'ReplaceMember':
      return replaceMember(command, state);
    case 'EndMembership':
      return endMembership(command, state);
    case 'AppointChair':
      return appointChair(command, state);
    default:
      return assertNever(command);
  }
}

export const groupDecider = { decide: decideGroup, evolve: evolveGroup, initialState: initialGroupState };

function assertNever(value: never): never {
  throw new Error(`Unhandled command ${JSON.stringify(value)}`);
}

import { appointChairCommand } from './appoint-chair/appoint-chair.command';
import { appointMemberCommand } from './appoint-member/appoint-member.command';
import { endMembershipCommand } from './end-membership/end-membership.command';
import { establishGroupCommand } from './establish-group/establish-group.command';
import { recordAffiliationCommand } from './record-affiliation/record-affiliation.command';
import { registerPartyCommand } from './register-party/register-party.command';
import { replaceMemberCommand } from './replace-member/replace-member.command';
import type { CommandDefinition } from './shared/command-definition';
import { FINANCE_COMMANDS } from './finance-commands';
import { recordMeetingCommand } from './record-meeting/record-meeting.command';
import { addAgendaItemCommand } from './add-agenda-item/add-agenda-item.command';
import { amendAgendaItemCommand } from './amend-agenda-item/amend-agenda-item.command';
import { recordAttendanceCommand } from './record-attendance/record-attendance.command';
import { attachSourceCommand } from './attach-source/attach-source.command';
import { signOffMeetingCommand } from './sign-off-meeting/sign-off-meeting.command';
import { recordDeferredDecisionCommand } from './record-deferred-decision/record-deferred-decision.command';
import { recordRatificationCommand } from './record-ratification/record-ratification.command';
import { revokeEventCommand } from './revoke-event/revoke-event.command';
import { correctEventCommand } from './correct-event/correct-event.command';

/** Every command the ledger accepts, by type. A new command is added here and nowhere else. */
export const COMMANDS: readonly CommandDefinition<any>[] = [
  registerPartyCommand,
  establishGroupCommand,
  appointMemberCommand,
  replaceMemberCommand,
  endMembershipCommand,
  appointChairCommand,
  recordAffiliationCommand,
  ...FINANCE_COMMANDS,
  recordMeetingCommand,
  addAgendaItemCommand,
  amendAgendaItemCommand,
  recordAttendanceCommand,
  attachSourceCommand,
  signOffMeetingCommand,
  recordDeferredDecisionCommand,
  recordRatificationCommand,
  revokeEventCommand,
  correctEventCommand,
];

export const COMMANDS_BY_TYPE: ReadonlyMap<string, CommandDefinition<any>> = new Map(COMMANDS.map((c) => [c.type, c]));

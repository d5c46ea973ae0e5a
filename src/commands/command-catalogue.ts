import { appointChairCommand } from './appoint-chair/appoint-chair.command';
import { appointMemberCommand } from './appoint-member/appoint-member.command';
import { endMembershipCommand } from './end-membership/end-membership.command';
import { establishGroupCommand } from './establish-group/establish-group.command';
import { recordAffiliationCommand } from './record-affiliation/record-affiliation.command';
import { registerPartyCommand } from './register-party/register-party.command';
import { replaceMemberCommand } from './replace-member/replace-member.command';
import type { CommandDefinition } from './shared/command-definition';
import { FINANCE_COMMANDS } from './finance-commands';

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
];

export const COMMANDS_BY_TYPE: ReadonlyMap<string, CommandDefinition<any>> = new Map(COMMANDS.map((c) => [c.type, c]));

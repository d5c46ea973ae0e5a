import { RuleViolation } from '../../domain/ledger-errors';
import type { PartyRegistered } from '../../events/party.events';
import type { PartyState } from '../party/party.state';

export interface RegisterPartyCommand {
  readonly type: 'RegisterParty';
  readonly data: PartyRegistered['data'];
}

export function registerParty(command: RegisterPartyCommand, state: PartyState): PartyRegistered[] {
  if (state.status === 'registered') {
    throw new RuleViolation('party-exists', `A party with the slug ${state.slug} is already registered`, [{ field: 'data.slug', message: 'already taken' }]);
  }
  const aliases = [...new Set(command.data.aliases.filter((a) => a !== command.data.slug))];
  return [{ type: 'PartyRegistered', data: { ...command.data, aliases } }];
}

import { RuleViolation } from '../../domain/ledger-errors';
import type { FundsDistributedEarly } from '../../events/grant.events';
import type { DistributeFundsEarlyCommand } from '../grant/grant.commands';
import { amountsOf, requireRegistered, requireWithin } from '../grant/grant-rules';
import type { GrantState } from '../grant/grant.state';

/** Funds paid out before the final accounting; after it, what remains is settled instead. */
export function distributeFundsEarly(command: DistributeFundsEarlyCommand, state: GrantState): FundsDistributedEarly[] {
  const grant = requireRegistered(state);
  if (grant.entries.finalAccountings.length > 0) {
    throw new RuleViolation('final-accounting-closed', 'The final accounting is recorded: what remains is settled, not distributed early', [{ field: 'data.grant', message: 'has its final accounting' }]);
  }
  requireWithin('distribution-exceeds-grant', 'The early distributions', [...amountsOf(grant.entries.earlyDistributions), command.data.amount], grant.terms.received, 'data.amount', false);
  return [{ type: 'FundsDistributedEarly', data: { grantId: grant.terms.grantId, holderId: grant.terms.holderId, ...command.data } }];
}

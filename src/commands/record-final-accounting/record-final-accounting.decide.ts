import { RuleViolation } from '../../domain/ledger-errors';
import type { FinalAccountingRecorded } from '../../events/grant.events';
import type { RecordFinalAccountingCommand } from '../grant/grant.commands';
import { amountsOf, requireRegistered, requireWithin } from '../grant/grant-rules';
import type { GrantState } from '../grant/grant.state';

/**
 * The final accounting (slutredovisning) of the grant's year: used + remaining + early
 * distributions = received, as far as the amounts are known. One per grant-year, unless
 * the first was revoked.
 */
export function recordFinalAccounting(command: RecordFinalAccountingCommand, state: GrantState): FinalAccountingRecorded[] {
  const grant = requireRegistered(state);
  const { year, used, remaining } = command.data;
  if (year !== grant.terms.year) {
    throw new RuleViolation('final-accounting-year', `The grant is for ${grant.terms.year}, not ${year}`, [{ field: 'data.year', message: `must be the grant's year (${grant.terms.year})` }]);
  }
  if (grant.entries.finalAccountings.some((f) => f.year === year)) {
    throw new RuleViolation('no-second-final-accounting', `The final accounting of ${year} is already recorded; revoke it to record another`, [{ field: 'data.year', message: 'already has a final accounting' }]);
  }
  requireWithin('final-accounting-must-add-up', 'Used, remaining and early distributions', [used, remaining, ...amountsOf(grant.entries.earlyDistributions)], grant.terms.received, 'data.remaining', true);
  return [{ type: 'FinalAccountingRecorded', data: { grantId: grant.terms.grantId, holderId: grant.terms.holderId, year, used, remaining } }];
}

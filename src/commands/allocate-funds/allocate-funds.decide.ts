import { earliestDay, latestDay } from '../../domain/effective-date';
import { RuleViolation } from '../../domain/ledger-errors';
import type { FundsAllocated } from '../../events/grant.events';
import type { AllocateFundsCommand } from '../grant/grant.commands';
import { amountsOf, requireRegistered, requireWithin } from '../grant/grant-rules';
import type { GrantState } from '../grant/grant.state';

/** A budget or allocation to a programme, project or activity; all allocations stay within what was received. */
export function allocateFunds(command: AllocateFundsCommand, state: GrantState): FundsAllocated[] {
  const grant = requireRegistered(state);
  const { allocation, period, amount } = command.data;
  if (grant.entries.allocations.some((a) => a.allocation === allocation)) {
    throw new RuleViolation('allocation-exists', `The grant already has an allocation "${allocation}"`, [{ field: 'data.allocation', message: 'already used in this grant' }]);
  }
  if (latestDay(period.to) < earliestDay(period.from)) {
    throw new RuleViolation('effective-date-order', `The period ends (${period.to.date}) before it begins (${period.from.date})`, [{ field: 'data.periodTo', message: 'must not be before periodFrom' }]);
  }
  requireWithin('allocations-exceed-grant', 'The allocations', [...amountsOf(grant.entries.allocations), amount], grant.terms.received, 'data.amount', false);
  return [{ type: 'FundsAllocated', data: { grantId: grant.terms.grantId, holderId: grant.terms.holderId, ...command.data } }];
}

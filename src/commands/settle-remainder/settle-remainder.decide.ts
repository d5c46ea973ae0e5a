import { isKnown, type Amount } from '../../domain/money';
import { RuleViolation } from '../../domain/ledger-errors';
import type { RemainderSettled, SettlementShare } from '../../events/grant.events';
import type { SettleRemainderCommand, ShareInput } from '../grant/grant.commands';
import { amountsOf, requireRegistered, requireWithin } from '../grant/grant-rules';
import type { GrantState } from '../grant/grant.state';

/**
 * What remained after the final accounting, divided between parties as amounts or
 * fractions that must add up to it. A grant is settled once, unless the settlement is revoked.
 */
export function settleRemainder(command: SettleRemainderCommand, state: GrantState): RemainderSettled[] {
  const grant = requireRegistered(state);
  const final = grant.entries.finalAccountings[0];
  if (!final) throw new RuleViolation('settlement-needs-final-accounting', 'What remains is known only after the final accounting', [{ field: 'data.grant', message: 'has no final accounting' }]);
  if (grant.entries.settlements.length > 0) {
    throw new RuleViolation('no-double-settlement', 'The remainder of this grant is already settled; revoke that settlement to settle it again', [{ field: 'data.shares', message: 'already settled' }]);
  }
  const { shares } = command.data;
  if (shares.length === 0) throw new RuleViolation('settlement-must-add-up', 'A settlement needs at least one share', [{ field: 'data.shares', message: 'is empty' }]);
  const parties = shares.map((s) => s.partyId);
  const twice = parties.findIndex((p, i) => parties.indexOf(p) !== i);
  if (twice >= 0) throw new RuleViolation('settlement-parties-unique', 'A party has two shares', [{ field: `data.shares[${twice}].party`, message: 'has a share already' }]);
  const settled = shares.map((s, i) => shareOf(s, final.remaining, i));
  requireWithin('settlement-must-add-up', 'The shares', amountsOf(settled), final.remaining, 'data.shares', true);
  return [{ type: 'RemainderSettled', data: { grantId: grant.terms.grantId, holderId: grant.terms.holderId, shares: settled } }];
}

/** A fraction of a known remainder, in whole kronor; a fraction that does not give whole kronor is refused rather than rounded. */
function shareOf(share: ShareInput, remaining: Amount, index: number): SettlementShare {
  if ('amount' in share) return { partyId: share.partyId, amount: share.amount, fraction: null };
  const field = `data.shares[${index}].fraction`;
  if (!isKnown(remaining)) throw new RuleViolation('fraction-needs-known-remainder', 'What remained is unknown, so a fraction of it is too; give the amount', [{ field, message: 'needs a known remainder' }]);
  const [n, d] = share.fraction.split('/').map(Number) as [number, number];
  if (n > d) throw new RuleViolation('settlement-must-add-up', `The fraction ${share.fraction} is more than the whole`, [{ field, message: 'must not exceed 1' }]);
  const exact = remaining * n;
  if (exact % d !== 0) {
    throw new RuleViolation('fraction-not-whole-kronor', `${share.fraction} of ${remaining} kr is not a whole number of kronor; give the amounts`, [{ field, message: 'does not give whole kronor' }]);
  }
  return { partyId: share.partyId, amount: exact / d, fraction: share.fraction };
}

import { formatKronor, isKnown, total, type Amount } from '../../domain/money';
import { RuleViolation } from '../../domain/ledger-errors';
import type { GrantState, RegisteredGrant } from './grant.state';

/** Rules shared by the grant deciders. Each throws a RuleViolation naming its rule and field. */

export function requireRegistered(state: GrantState): RegisteredGrant {
  if (state.status !== 'registered') {
    throw new RuleViolation('grant-must-exist', 'No such grant is registered', [{ field: 'data.grant', message: 'unknown grant' }]);
  }
  return state;
}

/** The known amounts must not exceed a known ceiling; with everything known they may be required to equal it. */
export function requireWithin(rule: string, what: string, parts: readonly Amount[], ceiling: Amount, field: string, exact: boolean): void {
  const sum = total(parts);
  if (!isKnown(ceiling)) return;
  if (sum.knownPart > ceiling) {
    throw new RuleViolation(rule, `${what} come to at least ${formatKronor(sum.knownPart)}, more than ${formatKronor(ceiling)}`, [{ field, message: `exceed ${formatKronor(ceiling)}` }]);
  }
  if (exact && sum.amount !== null && sum.amount !== ceiling) {
    throw new RuleViolation(rule, `${what} come to ${formatKronor(sum.amount)}, not ${formatKronor(ceiling)}`, [{ field, message: `must add up to ${formatKronor(ceiling)}, they add up to ${formatKronor(sum.amount)}` }]);
  }
}

export const amountsOf = <T extends { amount: Amount }>(list: readonly T[]): Amount[] => list.map((x) => x.amount);

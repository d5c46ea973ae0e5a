import { isKnown, total } from '../../domain/money';
import { RuleViolation } from '../../domain/ledger-errors';
import type { GrantRegistered } from '../../events/grant.events';
import type { RegisterGrantCommand } from '../grant/grant.commands';
import { amountsOf, requireWithin } from '../grant/grant-rules';
import type { GrantState } from '../grant/grant.state';

/** A grant: its agreement, year, holder, what was received and its parts by area, which must add up. */
export function registerGrant(command: RegisterGrantCommand, state: GrantState): GrantRegistered[] {
  if (state.status === 'registered') {
    throw new RuleViolation('grant-exists', `The grant ${state.terms.slug} is already registered`, [{ field: 'data.slug', message: 'already taken' }]);
  }
  const { parts, received } = command.data;
  const areas = parts.map((p) => p.area.trim().toLowerCase());
  const twice = areas.findIndex((a, i) => areas.indexOf(a) !== i);
  if (twice >= 0) throw new RuleViolation('parts-areas-unique', `The area "${parts[twice]!.area}" is given twice`, [{ field: `data.parts[${twice}].area`, message: 'is given twice' }]);
  if (parts.length > 0) {
    requireWithin('parts-must-add-up', 'The parts', amountsOf(parts), received, 'data.parts', true);
    const sum = total(amountsOf(parts));
    if (!isKnown(received) && sum.amount !== null) {
      throw new RuleViolation('parts-must-add-up', 'Every part is known, so the received amount is their sum and cannot be unknown', [
        { field: 'data.received', message: `must be the sum of the parts (${sum.amount})` },
      ]);
    }
  }
  return [{ type: 'GrantRegistered', data: { ...command.data, parts: parts.map((p) => ({ area: p.area.trim(), amount: p.amount })) } }];
}

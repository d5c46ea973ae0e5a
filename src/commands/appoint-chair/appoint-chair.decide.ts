import { earliestDay } from '../../domain/effective-date';
import { RuleViolation } from '../../domain/ledger-errors';
import type { ChairAppointed } from '../../events/group.events';
import type { AppointChairCommand } from '../group/group.commands';
import { mayOverlap, requireEndNotBeforeStart, requireEstablished, requireNotBeforeGroup } from '../group/group-rules';
import type { ChairTerm, GroupState } from '../group/group.state';

/**
 * One chair at a time, any number of vice chairs, one role per person at a time.
 * A term that began before this one and would still run is succeeded: it ends the day before.
 * A term that begins on or after this one's start is a clash the clerk must resolve.
 */
export function appointChair(command: AppointChairCommand, state: GroupState): ChairAppointed[] {
  const group = requireEstablished(state);
  const { personId, role, effectiveFrom, effectiveTo } = command.data;
  requireNotBeforeGroup(group, effectiveFrom);
  requireEndNotBeforeStart(effectiveFrom, effectiveTo);

  const meets = (t: ChairTerm) => mayOverlap(effectiveFrom, effectiveTo, t.from, t.to);
  const competing = group.chairTerms.filter((t) => meets(t) && (t.personId === personId || (role === 'chair' && t.role === 'chair')));
  const startsEarlier = (t: ChairTerm) => earliestDay(t.from) < earliestDay(effectiveFrom);
  const clash = competing.find((t) => !startsEarlier(t));
  if (clash) {
    const who = clash.personId === personId ? 'The person already holds' : 'Someone else holds';
    throw new RuleViolation('one-chair-at-a-time', `${who} the ${clash.role} role of ${group.slug} from ${clash.from.date ?? 'an unknown date'}`, [
      { field: 'data.effectiveFrom', message: `clashes with a ${clash.role} term from ${clash.from.date ?? 'an unknown date'}` },
    ]);
  }
  const succeeds = competing.map((t) => ({ termId: t.id, personId: t.personId }));
  return [{ type: 'ChairAppointed', data: { groupId: group.id, personId, role, effectiveTo, succeeds } }];
}

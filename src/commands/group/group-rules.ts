import { earliestDay, latestDay, type EffectiveDate } from '../../domain/effective-date';
import { RuleViolation } from '../../domain/ledger-errors';
import type { ChairTerm, EstablishedGroup, GroupState, Membership } from './group.state';

/** Rules shared by the group deciders. Each throws a RuleViolation that names its rule and field. */

export function requireEstablished(state: GroupState): EstablishedGroup {
  if (state.status !== 'established') {
    throw new RuleViolation('group-must-exist', 'The group has not been established', [{ field: 'data.group', message: 'unknown group' }]);
  }
  return state;
}

/** A change cannot take effect before the group exists. */
export function requireNotBeforeGroup(group: EstablishedGroup, date: EffectiveDate, field = 'data.effectiveFrom'): void {
  if (latestDay(date) < earliestDay(group.establishedFrom)) {
    throw new RuleViolation('effective-date-order', `The group ${group.slug} was established on ${group.establishedFrom.date}, after ${date.date}`, [
      { field, message: `must not be before the group was established (${group.establishedFrom.date})` },
    ]);
  }
}

/** True when [from, to] may share a day with [otherFrom, otherTo] (null ends are open). */
export function mayOverlap(from: EffectiveDate, to: EffectiveDate | null, otherFrom: EffectiveDate, otherTo: EffectiveDate | null): boolean {
  const endsAfterOtherStarts = to === null || latestDay(to) >= earliestDay(otherFrom);
  const otherEndsAfterStart = otherTo === null || latestDay(otherTo) >= earliestDay(from);
  return endsAfterOtherStarts && otherEndsAfterStart;
}

/** Nobody sits twice in one group at once: a new open-ended seat from `from` must not meet another. */
export function requireNotSitting(group: EstablishedGroup, personId: string, from: EffectiveDate, field: string): void {
  const clash = group.memberships.find((m) => m.personId === personId && mayOverlap(from, null, m.from, m.to));
  if (clash) {
    const since = clash.from.date ?? 'an unknown date';
    throw new RuleViolation('no-double-seat', `The person already sits in ${group.slug} (since ${since}${clash.to ? `, until ${clash.to.date}` : ''})`, [
      { field, message: 'already sits in this group at or after that date' },
    ]);
  }
}

/** The open seat a person holds, which a change on `date` may end; throws when there is none. */
export function requireSittingOn(group: EstablishedGroup, personId: string, date: EffectiveDate, field: string): Membership {
  const open = group.memberships.find((m) => m.personId === personId && m.to === null);
  if (!open) {
    throw new RuleViolation('must-be-sitting', `The person does not sit in ${group.slug} on ${date.date}`, [{ field, message: 'does not sit in this group on that date' }]);
  }
  if (latestDay(date) <= earliestDay(open.from)) {
    throw new RuleViolation('effective-date-order', `The seat began on ${open.from.date}; a change on ${date.date} would end it before it began`, [
      { field: 'data.effectiveFrom', message: `must be after the seat began (${open.from.date})` },
    ]);
  }
  return open;
}

/** A term's end must not come before its start. */
export function requireEndNotBeforeStart(from: EffectiveDate, to: EffectiveDate | null): void {
  if (to !== null && latestDay(to) < earliestDay(from)) {
    throw new RuleViolation('effective-date-order', `The term would end (${to.date}) before it begins (${from.date})`, [
      { field: 'data.effectiveTo', message: 'must not be before effectiveFrom' },
    ]);
  }
}

export function termsOf(group: EstablishedGroup, predicate: (t: ChairTerm) => boolean): ChairTerm[] {
  return group.chairTerms.filter(predicate);
}

import { earliestDay, latestDay } from '../../domain/effective-date';
import { RuleViolation } from '../../domain/ledger-errors';
import { mayOverlap } from './group-rules';
import type { GroupState } from './group.state';

interface Breach {
  readonly rule: string;
  readonly message: string;
}

/** What must hold for a group after any change; the deciders check the same rules for each new event as it comes. */
export function groupBreaches(state: GroupState): Breach[] {
  if (state.status !== 'established') return [];
  const established = earliestDay(state.establishedFrom);
  const breaches: Breach[] = [];
  for (const m of state.memberships) {
    if (latestDay(m.from) < established) breaches.push({ rule: 'effective-date-order', message: `a seat (${m.id}) would begin before the group was established` });
    if (m.to !== null && latestDay(m.to) < earliestDay(m.from)) breaches.push({ rule: 'effective-date-order', message: `a seat (${m.id}) would end before it began` });
    if (state.memberships.some((o) => o !== m && o.personId === m.personId && mayOverlap(m.from, m.to, o.from, o.to))) {
      breaches.push({ rule: 'no-double-seat', message: `a person would sit twice in the group at once (${m.id})` });
    }
  }
  for (const t of state.chairTerms) {
    if (t.to !== null && latestDay(t.to) < earliestDay(t.from)) breaches.push({ rule: 'effective-date-order', message: `a chair term (${t.id}) would end before it began` });
  }
  return breaches;
}

/**
 * A correction rewrites history, so the group is checked as a whole afterwards. Only breaches
 * the correction introduces are refused: imprecise dates may already leave some questions open.
 */
export function requireNoNewBreaches(before: GroupState, after: GroupState, field: string): void {
  const known = new Set(groupBreaches(before).map((b) => b.message));
  const breach = groupBreaches(after).find((b) => !known.has(b.message));
  if (breach) throw new RuleViolation(breach.rule, `After this correction ${breach.message}`, [{ field, message: breach.message }]);
}

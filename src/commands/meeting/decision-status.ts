import type { FollowUps, ItemState } from './meeting.state';

/**
 * Where a decision stands: decided at (or after) the meeting, ratified by every party it
 * names, or pending — deferred with no later decision yet, or short of some ratifications.
 */
export type DecisionStatus = 'decided' | 'ratified' | 'pending';

export type Waiting = { readonly kind: 'later-decision'; readonly procedure: string; readonly subject: string | null } | { readonly kind: 'ratification'; readonly ratifier: string };

export function decisionStatus(item: ItemState, followUps: FollowUps): { status: DecisionStatus; waitingFor: Waiting[] } {
  const decision = item.decision;
  if (!decision || decision.outcome === 'decided') return { status: 'decided', waitingFor: [] };
  if (decision.outcome === 'deferred') {
    if (followUps.laterDecision) return { status: 'decided', waitingFor: [] };
    const deferral = decision.deferral ?? { procedure: 'a later decision', subject: null };
    return { status: 'pending', waitingFor: [{ kind: 'later-decision', procedure: deferral.procedure, subject: deferral.subject }] };
  }
  const ratified = new Set(followUps.ratifications.map((r) => r.ratifier));
  const missing = decision.ratifiers.filter((r) => !ratified.has(r.key));
  if (missing.length === 0) return { status: 'ratified', waitingFor: [] };
  return { status: 'pending', waitingFor: missing.map((r) => ({ kind: 'ratification', ratifier: r.key })) };
}

import { RuleViolation } from '../../domain/ledger-errors';
import { applyCorrections } from '../../events/apply-corrections';
import type { EventRevoked } from '../../events/correction.events';
import type { LedgerNewEvent } from '../../events/ledger-event';
import { requireTarget } from './correction-rules';

export interface RevokeEventCommand {
  readonly type: 'RevokeEvent';
  readonly data: { readonly targetId: string; readonly reason: string };
}

/** Identities are permanent and a sign-off is final: these are corrected, never revoked. */
const NOT_REVOCABLE: Readonly<Record<string, string>> = {
  PersonRegistered: 'a person, once registered, keeps the identity; revoke the events that name the wrong person',
  PartyRegistered: 'a party, once registered, keeps its identity; revoke the events that name the wrong party',
  GroupEstablished: 'a group, once established, keeps its identity; revoke the events recorded in it',
  MeetingRecorded: "a recorded meeting keeps its identity; revoke or correct its items, or correct the meeting's details",
  MeetingSignedOff: 'a sign-off (justering) is final; correct its date or signers with CorrectEvent',
};

/**
 * The target should never have been recorded. It works for any event type, in any stream:
 * the stream's decider and the read models then leave the event out. An event that later
 * events build on (a seat that was later replaced) cannot be revoked before them.
 */
export function revokeEvent(command: RevokeEventCommand, events: readonly LedgerNewEvent[]): EventRevoked[] {
  const { targetId, reason } = command.data;
  const target = requireTarget(events, targetId);
  const why = NOT_REVOCABLE[target.type];
  if (why) throw new RuleViolation('cannot-be-revoked', `A ${target.type} cannot be revoked: ${why}`, [{ field: 'data.event', message: `${target.type} cannot be revoked` }]);
  const later = applyCorrections(events.slice(events.indexOf(target) + 1));
  const dependents = later.filter((e) => JSON.stringify(e.data).includes(targetId));
  if (dependents.length > 0) {
    throw new RuleViolation('has-dependents', `Later events build on ${targetId}: ${dependents.map((e) => `${e.type} ${e.id}`).join(', ')}`, [
      { field: 'data.event', message: `revoke the events that build on it first: ${dependents.map((e) => e.id).join(', ')}` },
    ]);
  }
  return [{ type: 'EventRevoked', data: { targetEventId: targetId, targetType: target.type, reason } }];
}

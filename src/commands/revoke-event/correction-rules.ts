import { RuleViolation } from '../../domain/ledger-errors';
import { isCorrection } from '../../events/apply-corrections';
import type { LedgerNewEvent } from '../../events/ledger-event';

/** Rules shared by RevokeEvent and CorrectEvent, checked on the stream that holds the target. */

export function requireTarget(events: readonly LedgerNewEvent[], targetId: string): LedgerNewEvent {
  const target = events.find((e) => e.id === targetId);
  if (!target) throw unknownEvent(targetId);
  if (isCorrection(target)) {
    throw new RuleViolation('cannot-correct-a-correction', `${targetId} is itself a correction (${target.type})`, [
      { field: 'data.event', message: 'is a correction: correct or revoke the original event instead' },
    ]);
  }
  if (events.some((e) => e.type === 'EventRevoked' && e.data.targetEventId === targetId)) {
    throw new RuleViolation('already-revoked', `${target.type} ${targetId} was revoked`, [{ field: 'data.event', message: 'was revoked: record the right fact anew instead' }]);
  }
  return target;
}

export function unknownEvent(targetId: string): RuleViolation {
  return new RuleViolation('event-must-exist', `No event ${targetId} is in the ledger`, [{ field: 'data.event', message: 'unknown event id' }]);
}

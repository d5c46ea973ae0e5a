import { RuleViolation } from '../../domain/ledger-errors';
import type { EventCorrected } from '../../events/correction.events';
import type { LedgerNewEvent } from '../../events/ledger-event';
import { requireTarget } from '../revoke-event/correction-rules';

export interface CorrectEventCommand {
  readonly type: 'CorrectEvent';
  /** `correctedData`: the target's full corrected data, already resolved and validated for its type. */
  readonly data: { readonly targetId: string; readonly reason: string; readonly correctedData: unknown };
}

/** The target's data was wrong: append its corrected data to the same stream; the original stays in the log. */
export function correctEvent(command: CorrectEventCommand, events: readonly LedgerNewEvent[]): EventCorrected[] {
  const { targetId, reason, correctedData } = command.data;
  const target = requireTarget(events, targetId);
  // The same data is allowed: a correction may change only the valid time (in its metadata).
  if (correctedData === null || typeof correctedData !== 'object') {
    throw new RuleViolation('corrected-data-required', 'The correction carries no data', [{ field: 'data.data', message: 'must be an object' }]);
  }
  return [{ type: 'EventCorrected', data: { targetEventId: targetId, targetType: target.type, reason, correctedData } }];
}

import { formatEffectiveDate } from '../../domain/effective-date';
import { RuleViolation } from '../../domain/ledger-errors';
import type { DeferredDecisionRecorded } from '../../events/decision.events';
import type { RecordDeferredDecisionCommand } from '../meeting/meeting.commands';
import { requireDecisionItem, requireNotBeforeMeeting, requireRecorded } from '../meeting/meeting-rules';
import { followUpsOf, type MeetingState } from '../meeting/meeting.state';

/** "beslutas via mejl": the decision the meeting deferred is taken later (per capsulam, another forum). */
export function recordDeferredDecision(command: RecordDeferredDecisionCommand, state: MeetingState): DeferredDecisionRecorded[] {
  const meeting = requireRecorded(state);
  const { item: number, decidedOn, procedure, forum, text } = command.data;
  const item = requireDecisionItem(meeting, number, 'data.item');
  if (item.decision.outcome !== 'deferred') {
    throw new RuleViolation('must-be-deferred', `Item ${number} was not deferred (${item.decision.outcome})`, [{ field: 'data.item', message: 'the meeting did not defer this decision' }]);
  }
  const earlier = followUpsOf(meeting, number).laterDecision;
  if (earlier) {
    throw new RuleViolation('already-decided', `Item ${number} was decided on ${earlier.decidedOn}`, [{ field: 'data.item', message: 'already decided: correct that event instead' }]);
  }
  requireNotBeforeMeeting(meeting, decidedOn, 'data.decidedOn');
  return [{ type: 'DeferredDecisionRecorded', data: { meetingId: meeting.id, item: number, decidedOn: formatEffectiveDate(decidedOn), procedure, forum, text } }];
}

import { formatEffectiveDate } from '../../domain/effective-date';
import { RuleViolation } from '../../domain/ledger-errors';
import type { RatificationRecorded } from '../../events/decision.events';
import type { RecordRatificationCommand } from '../meeting/meeting.commands';
import { requireDecisionItem, requireNotBeforeMeeting, requireRecorded } from '../meeting/meeting-rules';
import { followUpsOf, type MeetingState } from '../meeting/meeting.state';

/** One named party says yes; the decision is complete once every named party has. */
export function recordRatification(command: RecordRatificationCommand, state: MeetingState): RatificationRecorded[] {
  const meeting = requireRecorded(state);
  const { item: number, ratifier, ratifiedOn, forum } = command.data;
  const item = requireDecisionItem(meeting, number, 'data.item');
  if (item.decision.outcome !== 'needs-ratification') {
    throw new RuleViolation('needs-no-ratification', `Item ${number} needs no ratification (${item.decision.outcome})`, [{ field: 'data.item', message: 'this decision needs no ratification' }]);
  }
  if (!item.decision.ratifiers.some((r) => r.key === ratifier)) {
    throw new RuleViolation('ratifier-must-be-named', `The decision does not name ${ratifier} among those who must ratify`, [
      { field: 'data.ratifier', message: `must be one of: ${item.decision.ratifiers.map((r) => r.key).join(', ')}` },
    ]);
  }
  if (followUpsOf(meeting, number).ratifications.some((r) => r.ratifier === ratifier)) {
    throw new RuleViolation('already-ratified', `${ratifier} has already ratified item ${number}`, [{ field: 'data.ratifier', message: 'has already ratified this decision' }]);
  }
  requireNotBeforeMeeting(meeting, ratifiedOn, 'data.ratifiedOn');
  return [{ type: 'RatificationRecorded', data: { meetingId: meeting.id, item: number, ratifier, ratifiedOn: formatEffectiveDate(ratifiedOn), forum } }];
}

import { RuleViolation } from '../../domain/ledger-errors';
import type { AgendaItemAdded, MeetingRecorded } from '../../events/meeting.events';
import type { RecordMeetingCommand } from '../meeting/meeting.commands';
import type { MeetingState } from '../meeting/meeting.state';

/** A meeting of a body on a day, with the items known so far; one meeting per body and day (its slug). */
export function recordMeeting(command: RecordMeetingCommand, state: MeetingState): (MeetingRecorded | AgendaItemAdded)[] {
  if (state.status !== 'unknown') {
    throw new RuleViolation('meeting-exists', `The meeting ${state.slug} is already recorded`, [{ field: 'data.date', message: 'this body already has a meeting recorded on that day' }]);
  }
  const { items, ...meeting } = command.data;
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.number)) throw new RuleViolation('agenda-item-exists', `Item ${item.number} is given twice`, [{ field: `data.items[${i}].number`, message: 'is used by another item' }]);
    seen.add(item.number);
  });
  return [{ type: 'MeetingRecorded', data: meeting }, ...items.map((item): AgendaItemAdded => ({ type: 'AgendaItemAdded', data: { meetingId: meeting.meetingId, ...item } }))];
}

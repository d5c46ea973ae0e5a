import type { AgendaItemAmended } from '../../events/meeting.events';
import type { AmendAgendaItemCommand } from '../meeting/meeting.commands';
import { requireItem, requireNotSignedOff } from '../meeting/meeting-rules';
import type { MeetingState } from '../meeting/meeting.state';

/** Replaces an item's content until sign-off; after it, CorrectEvent is the way. */
export function amendAgendaItem(command: AmendAgendaItemCommand, state: MeetingState): AgendaItemAmended[] {
  const meeting = requireNotSignedOff(state);
  requireItem(meeting, command.data.item.number, 'data.item.number');
  return [{ type: 'AgendaItemAmended', data: { meetingId: meeting.id, ...command.data.item } }];
}

import type { AgendaItemAdded } from '../../events/meeting.events';
import type { AddAgendaItemCommand } from '../meeting/meeting.commands';
import { requireNoItem, requireNotSignedOff } from '../meeting/meeting-rules';
import type { MeetingState } from '../meeting/meeting.state';

export function addAgendaItem(command: AddAgendaItemCommand, state: MeetingState): AgendaItemAdded[] {
  const meeting = requireNotSignedOff(state);
  requireNoItem(meeting, command.data.item.number, 'data.item.number');
  return [{ type: 'AgendaItemAdded', data: { meetingId: meeting.id, ...command.data.item } }];
}

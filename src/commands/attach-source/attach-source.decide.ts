import type { SourceAttached } from '../../events/meeting.events';
import type { AttachSourceCommand } from '../meeting/meeting.commands';
import { requireItem, requireNotSignedOff } from '../meeting/meeting-rules';
import type { MeetingState } from '../meeting/meeting.state';

/** Another document reporting some of the meeting's items (a newsletter): evidence for them, not new decisions. */
export function attachSource(command: AttachSourceCommand, state: MeetingState): SourceAttached[] {
  const meeting = requireNotSignedOff(state);
  command.data.items.forEach((number, i) => requireItem(meeting, number, `data.items[${i}]`));
  return [{ type: 'SourceAttached', data: { meetingId: meeting.id, source: command.data.source, items: command.data.items } }];
}

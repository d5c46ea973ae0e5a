import type { MeetingSignedOff } from '../../events/meeting.events';
import type { SignOffMeetingCommand } from '../meeting/meeting.commands';
import { requireNotBeforeMeeting, requireNotSignedOff } from '../meeting/meeting-rules';
import type { MeetingState } from '../meeting/meeting.state';

/** Justering: the protocol is checked and signed; from now on it changes by correction only. */
export function signOffMeeting(command: SignOffMeetingCommand, state: MeetingState): MeetingSignedOff[] {
  const meeting = requireNotSignedOff(state);
  requireNotBeforeMeeting(meeting, command.data.signedOn, 'data.signedOn');
  return [{ type: 'MeetingSignedOff', data: { meetingId: meeting.id, signedOn: command.data.signedOn, signerIds: command.data.signerIds } }];
}

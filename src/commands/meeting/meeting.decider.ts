import type { MeetingEvent } from '../../events/meeting.events';
import { addAgendaItem } from '../add-agenda-item/add-agenda-item.decide';
import { amendAgendaItem } from '../amend-agenda-item/amend-agenda-item.decide';
import { attachSource } from '../attach-source/attach-source.decide';
import { recordAttendance } from '../record-attendance/record-attendance.decide';
import { recordMeeting } from '../record-meeting/record-meeting.decide';
import { signOffMeeting } from '../sign-off-meeting/sign-off-meeting.decide';
import type { MeetingCommand } from './meeting.commands';
import { evolveMeeting, initialMeetingState, type MeetingState } from './meeting.state';

/** The meeting decider: `decide` only routes; each decision lives in its command's folder. */
export function decideMeeting(command: MeetingCommand, state: MeetingState): MeetingEvent[] {
  switch (command.type) {
    case 'RecordMeeting':
      return recordMeeting(command, state);
    case 'AddAgendaItem':
      return addAgendaItem(command, state);
    case 'AmendAgendaItem':
      return amendAgendaItem(command, state);
    case 'RecordAttendance':
      return recordAttendance(command, state);
    case 'AttachSource':
      return attachSource(command, state);
    case 'SignOffMeeting':
      return signOffMeeting(command, state);
    default:
      return assertNever(command);
  }
}

export const meetingDecider = { decide: decideMeeting, evolve: evolveMeeting, initialState: initialMeetingState };

function assertNever(value: never): never {
  throw new Error(`Unhandled command ${JSON.stringify(value)}`);
}

import type { EffectiveDate } from '../../domain/effective-date';
import type { MeetingState } from './meeting.state';

/** The valid time of a change to the protocol: the meeting day (null while the meeting is unknown). */
export function meetingDateOf(state: MeetingState): EffectiveDate | null {
  return state.status === 'unknown' ? null : { date: state.date, precision: 'day' };
}

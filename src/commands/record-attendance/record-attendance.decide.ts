import { RuleViolation } from '../../domain/ledger-errors';
import type { AttendanceEntry, AttendanceRecorded } from '../../events/meeting.events';
import type { RecordAttendanceCommand } from '../meeting/meeting.commands';
import { requireNotSignedOff } from '../meeting/meeting-rules';
import type { MeetingState } from '../meeting/meeting.state';

/** Field of the n-th entry as the client sent it: present members and others are two lists. */
export function attendanceField(entries: readonly AttendanceEntry[], index: number): string {
  const entry = entries[index]!;
  const list = entry.role === 'member' ? 'present' : 'others';
  const position = entries.slice(0, index).filter((e) => e.role === entry.role).length;
  return `data.${list}[${position}].person`;
}

/** Presence is a fact of the meeting: each person is listed once, as a member or as another participant. */
export function recordAttendance(command: RecordAttendanceCommand, state: MeetingState): AttendanceRecorded[] {
  const meeting = requireNotSignedOff(state);
  const { entries } = command.data;
  if (entries.length === 0) throw new RuleViolation('attendance-needs-people', 'Nobody is listed', [{ field: 'data.present', message: 'list at least one person in present or others' }]);
  const listed = new Set(meeting.attendance.map((a) => a.personId));
  entries.forEach((entry, i) => {
    if (listed.has(entry.personId)) {
      throw new RuleViolation('already-in-attendance', 'The person is already listed for this meeting', [{ field: attendanceField(entries, i), message: 'is already listed for this meeting' }]);
    }
    listed.add(entry.personId);
  });
  return [{ type: 'AttendanceRecorded', data: { meetingId: meeting.id, entries } }];
}

import { earliestDay, latestDay, type EffectiveDate } from '../../domain/effective-date';
import { RuleViolation } from '../../domain/ledger-errors';
import type { ItemState, MeetingState, RecordedMeeting } from './meeting.state';

/** Rules shared by the meeting deciders; each names its rule and the offending field. */

export function requireRecorded(state: MeetingState, field = 'data.meeting'): RecordedMeeting {
  if (state.status === 'unknown') throw new RuleViolation('meeting-must-exist', 'No such meeting has been recorded', [{ field, message: 'unknown meeting' }]);
  return state;
}

/** After justering the protocol changes by correction only (RevokeEvent / CorrectEvent). */
export function requireNotSignedOff(state: MeetingState, field = 'data.meeting'): RecordedMeeting {
  const meeting = requireRecorded(state, field);
  if (meeting.status === 'signed-off') {
    throw new RuleViolation('meeting-signed-off', `The protocol of ${meeting.slug} is signed off; it changes only by CorrectEvent or RevokeEvent`, [
      { field, message: 'is signed off (justerat): use CorrectEvent or RevokeEvent' },
    ]);
  }
  return meeting;
}

export function requireItem(meeting: RecordedMeeting, number: string, field: string): ItemState {
  const item = meeting.items.find((i) => i.number === number);
  if (!item) throw new RuleViolation('agenda-item-must-exist', `The meeting ${meeting.slug} has no item ${number}`, [{ field, message: `no item ${number} in this meeting` }]);
  return item;
}

export function requireNoItem(meeting: RecordedMeeting, number: string, field: string): void {
  if (meeting.items.some((i) => i.number === number)) {
    throw new RuleViolation('agenda-item-exists', `The meeting ${meeting.slug} already has an item ${number}`, [{ field, message: `item ${number} exists: use AmendAgendaItem` }]);
  }
}

/** Something that happens after the meeting (a sign-off, a later decision, a ratification) cannot predate it. */
export function requireNotBeforeMeeting(meeting: RecordedMeeting, date: EffectiveDate, field: string): void {
  if (date.date !== null && latestDay(date) < earliestDay({ date: meeting.date, precision: 'day' })) {
    throw new RuleViolation('effective-date-order', `${date.date} is before the meeting of ${meeting.date}`, [{ field, message: `must not be before the meeting (${meeting.date})` }]);
  }
}

export function requireDecisionItem(meeting: RecordedMeeting, number: string, field: string): ItemState & { decision: NonNullable<ItemState['decision']> } {
  const item = requireItem(meeting, number, field);
  if (item.kind !== 'decision' || item.decision === null) {
    throw new RuleViolation('must-be-decision-item', `Item ${number} of ${meeting.slug} is an information item`, [{ field, message: 'is not a decision item' }]);
  }
  return item as ItemState & { decision: NonNullable<ItemState['decision']> };
}

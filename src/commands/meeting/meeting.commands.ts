import type { EffectiveDate } from '../../domain/effective-date';
import type { SourceRef } from '../../events/event-envelope';
import type { AgendaItemContent, AttendanceEntry, MeetingRecorded } from '../../events/meeting.events';

/** Meeting commands as the deciders see them: references resolved to ids, dates parsed. */
export interface RecordMeetingCommand {
  readonly type: 'RecordMeeting';
  readonly data: MeetingRecorded['data'] & { readonly items: readonly AgendaItemContent[] };
}
export interface AddAgendaItemCommand {
  readonly type: 'AddAgendaItem';
  readonly data: { readonly item: AgendaItemContent };
}
export interface AmendAgendaItemCommand {
  readonly type: 'AmendAgendaItem';
  readonly data: { readonly item: AgendaItemContent };
}
export interface RecordAttendanceCommand {
  readonly type: 'RecordAttendance';
  readonly data: { readonly entries: readonly AttendanceEntry[] };
}
export interface AttachSourceCommand {
  readonly type: 'AttachSource';
  readonly data: { readonly source: SourceRef; readonly items: readonly string[] };
}
export interface SignOffMeetingCommand {
  readonly type: 'SignOffMeeting';
  readonly data: { readonly signedOn: EffectiveDate; readonly signerIds: readonly string[] };
}

export type MeetingCommand = RecordMeetingCommand | AddAgendaItemCommand | AmendAgendaItemCommand | RecordAttendanceCommand | AttachSourceCommand | SignOffMeetingCommand;

/** Commands on a decision's follow-up stream; the state is the meeting folded with that stream. */
export interface RecordDeferredDecisionCommand {
  readonly type: 'RecordDeferredDecision';
  readonly data: { readonly item: string; readonly decidedOn: EffectiveDate; readonly procedure: string; readonly forum: string | null; readonly text: string };
}
export interface RecordRatificationCommand {
  readonly type: 'RecordRatification';
  /** `ratifier`: the key of one of the item's ratifiers (resolved by the handler). */
  readonly data: { readonly item: string; readonly ratifier: string; readonly ratifiedOn: EffectiveDate; readonly forum: string | null };
}

export type DecisionFollowUpCommand = RecordDeferredDecisionCommand | RecordRatificationCommand;

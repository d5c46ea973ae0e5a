import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested, IsObject } from 'class-validator';
import type { EffectiveDate } from '../../domain/effective-date';
import { RuleViolation } from '../../domain/ledger-errors';
import type { DeferredDecisionRecorded, RatificationRecorded } from '../../events/decision.events';
import type { ChairAppointed, MemberAppointed, MemberReplaced } from '../../events/group.events';
import type { LedgerNewEvent } from '../../events/ledger-event';
import {
  AGENDA_ITEM_KINDS,
  MEETING_FORMS,
  type AgendaItemAdded,
  type AgendaItemKind,
  type AttendanceEntry,
  type MeetingForm,
  type MeetingRecorded,
  type MeetingSignedOff,
  type SourceAttached,
} from '../../events/meeting.events';
import type { AffiliationRecorded } from '../../events/person.events';
import { requireNoNewBreaches } from '../group/group-invariants';
import { foldGroup } from '../group/group.state';
import { ItemDecisionDto, ITEM_NUMBER_PATTERN, PresenterDto } from '../meeting/agenda-item.dto';
import { resolveDecision, resolvePresenters } from '../meeting/meeting-context';
import { foldMeeting } from '../meeting/meeting.state';
import { OtherParticipantDto, PresentMemberDto, attendanceEntries } from '../record-attendance/record-attendance.command';
import { effectiveDate, type CommandContext } from '../shared/command-context';
import { SourceDto } from '../shared/command-metadata.dto';
import { IsEffectiveDate, IsPersonRef, IsRef, type PersonRef } from '../shared/ref-validators';
import { Optional } from '../shared/optional';

/**
 * The event types CorrectEvent understands. Each takes the fields to change (validated like
 * the command that recorded the event), resolves them, and checks the stream afterwards.
 * Every other type is corrected by RevokeEvent and recording the right fact anew.
 */
export interface Corrector<D extends object = object> {
  readonly dto: new () => D;
  readonly fields: string;
  correct(dto: D, target: LedgerNewEvent, ctx: CommandContext): Promise<{ data: object; effectiveFrom: EffectiveDate | null }>;
  check?(before: readonly LedgerNewEvent[], after: readonly LedgerNewEvent[]): void;
}

const AT = 'data.data';
const dateOr = (text: string | undefined, current: EffectiveDate | null) => (text === undefined ? current : effectiveDate(text));
const groupCheck = (before: readonly LedgerNewEvent[], after: readonly LedgerNewEvent[]) => requireNoNewBreaches(foldGroup(before), foldGroup(after), AT);
const meetingCheck = (_before: readonly LedgerNewEvent[], after: readonly LedgerNewEvent[]) => {
  const state = foldMeeting(after);
  if (state.status === 'unknown') return;
  const seen = new Set<string>();
  for (const a of state.attendance) {
    if (seen.has(a.personId)) throw new RuleViolation('already-in-attendance', 'After this correction a person would be listed twice', [{ field: AT, message: 'lists a person already listed for this meeting' }]);
    seen.add(a.personId);
  }
};

class SeatCorrectionDto {
  @Optional() @IsString() @Length(1, 100) role?: string;
  @Optional() @IsRef() representing?: string;
  @Optional() @IsString() @Length(1, 200) field?: string;
  @Optional() @IsString() @Length(1, 200) title?: string;
  @Optional() @IsEffectiveDate(true) effectiveFrom?: string;
}

async function seatTerms<T extends { representingId: string | null }>(dto: SeatCorrectionDto, current: T, ctx: CommandContext): Promise<T> {
  return {
    ...current,
    ...(dto.role !== undefined && { role: dto.role }),
    ...(dto.representing !== undefined && { representingId: await ctx.party(dto.representing, `${AT}.representing`) }),
    ...(dto.field !== undefined && { field: dto.field }),
    ...(dto.title !== undefined && { title: dto.title }),
  };
}

class DateCorrectionDto {
  @Optional() @IsEffectiveDate(false) effectiveFrom?: string;
}

class ChairCorrectionDto {
  @Optional() @IsEffectiveDate(true) effectiveFrom?: string;
  /** null: open-ended (so IsOptional, which lets null through, not Optional). */
  @IsOptional() @IsEffectiveDate(false) effectiveTo?: string | null;
}

class AffiliationCorrectionDto {
  @Optional() @IsRef() organisation?: string;
  @Optional() @IsString() @Length(1, 200) unit?: string;
  @Optional() @IsString() @Length(1, 200) title?: string;
  @Optional() @IsEffectiveDate(false) effectiveFrom?: string;
}

class ItemCorrectionDto {
  @Optional() @IsIn(AGENDA_ITEM_KINDS) kind?: AgendaItemKind;
  @Optional() @IsString() @Length(1, 500) title?: string;
  @Optional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => PresenterDto) presenters?: PresenterDto[];
  @Optional() @IsString() @MaxLength(20_000) text?: string;
  @Optional() @IsObject() @ValidateNested() @Type(() => ItemDecisionDto) decision?: ItemDecisionDto;
}

class AttendanceCorrectionDto {
  @Optional() @IsArray() @ArrayMaxSize(500) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => PresentMemberDto) present?: PresentMemberDto[];
  @Optional() @IsArray() @ArrayMaxSize(500) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => OtherParticipantDto) others?: OtherParticipantDto[];
}

class MeetingCorrectionDto {
  @Optional() @IsString() @Length(1, 300) place?: string;
  @Optional() @IsIn(MEETING_FORMS) form?: MeetingForm;
  @Optional() @IsString() @Length(1, 100) registryNumber?: string;
  @Optional() @IsPersonRef() chair?: PersonRef;
  @Optional() @IsString() @Length(1, 300) title?: string;
}

class SignOffCorrectionDto {
  @Optional() @IsEffectiveDate(true) signedOn?: string;
  @Optional() @IsArray() @ArrayMaxSize(20) @IsPersonRef({ each: true }) signers?: PersonRef[];
}

class SourceCorrectionDto {
  @Optional() @IsObject() @ValidateNested() @Type(() => SourceDto) source?: SourceDto;
  @Optional() @IsArray() @ArrayMaxSize(200) @Matches(ITEM_NUMBER_PATTERN, { each: true, message: 'items must be agenda item numbers such as "4" or "4.1"' }) items?: string[];
}

class RatificationCorrectionDto {
  @Optional() @IsEffectiveDate(false) ratifiedOn?: string;
  @Optional() @IsString() @Length(1, 300) forum?: string;
}

class LaterDecisionCorrectionDto {
  @Optional() @IsEffectiveDate(false) decidedOn?: string;
  @Optional() @IsString() @Length(1, 200) procedure?: string;
  @Optional() @IsString() @Length(1, 300) forum?: string;
  @Optional() @IsString() @Length(1, 10_000) text?: string;
}

const itemCorrector: Corrector<ItemCorrectionDto> = {
  dto: ItemCorrectionDto,
  fields: 'kind, title, presenters, text, decision (as in AddAgendaItem; the number stays)',
  async correct(dto, target, ctx) {
    const current = target.data as AgendaItemAdded['data'];
    const kind = dto.kind ?? current.kind;
    const keepDecision = dto.decision === undefined && kind === current.kind;
    const data: AgendaItemAdded['data'] = {
      ...current,
      kind,
      title: dto.title?.trim() ?? current.title,
      text: dto.text ?? current.text,
      presenters: dto.presenters === undefined ? current.presenters : await resolvePresenters(dto.presenters, ctx, AT),
      decision: keepDecision ? current.decision : await resolveDecision(kind, dto.decision, ctx, AT),
    };
    return { data, effectiveFrom: target.metadata.effectiveFrom };
  },
  check: meetingCheck,
};

export const CORRECTORS: Readonly<Record<string, Corrector<any>>> = {
  MemberAppointed: {
    dto: SeatCorrectionDto,
    fields: 'role, representing, field, title, effectiveFrom',
    async correct(dto: SeatCorrectionDto, target, ctx) {
      const data = await seatTerms(dto, (target as Extract<LedgerNewEvent, { type: 'MemberAppointed' }>).data as MemberAppointed['data'], ctx);
      return { data, effectiveFrom: dateOr(dto.effectiveFrom, target.metadata.effectiveFrom) };
    },
    check: groupCheck,
  },
  MemberReplaced: {
    dto: SeatCorrectionDto,
    fields: "role, representing, field, title (the incoming member's seat), effectiveFrom",
    async correct(dto: SeatCorrectionDto, target, ctx) {
      const current = (target as Extract<LedgerNewEvent, { type: 'MemberReplaced' }>).data as MemberReplaced['data'];
      return { data: { ...current, incoming: await seatTerms(dto, current.incoming, ctx) }, effectiveFrom: dateOr(dto.effectiveFrom, target.metadata.effectiveFrom) };
    },
    check: groupCheck,
  },
  MembershipEnded: {
    dto: DateCorrectionDto,
    fields: 'effectiveFrom',
    async correct(dto: DateCorrectionDto, target) {
      return { data: target.data as object, effectiveFrom: dateOr(dto.effectiveFrom, target.metadata.effectiveFrom) };
    },
    check: groupCheck,
  },
  ChairAppointed: {
    dto: ChairCorrectionDto,
    fields: 'effectiveFrom, effectiveTo (null: open-ended)',
    async correct(dto: ChairCorrectionDto, target) {
      const current = target.data as ChairAppointed['data'];
      const effectiveTo = dto.effectiveTo === undefined ? current.effectiveTo : dto.effectiveTo === null ? null : effectiveDate(dto.effectiveTo);
      return { data: { ...current, effectiveTo }, effectiveFrom: dateOr(dto.effectiveFrom, target.metadata.effectiveFrom) };
    },
    check: groupCheck,
  },
  AffiliationRecorded: {
    dto: AffiliationCorrectionDto,
    fields: 'organisation, unit, title, effectiveFrom',
    async correct(dto: AffiliationCorrectionDto, target, ctx) {
      const current = target.data as AffiliationRecorded['data'];
      const data: AffiliationRecorded['data'] = {
        ...current,
        ...(dto.organisation !== undefined && { organisationId: (await ctx.party(dto.organisation, `${AT}.organisation`)) as string }),
        ...(dto.unit !== undefined && { unit: dto.unit }),
        ...(dto.title !== undefined && { title: dto.title }),
      };
      return { data, effectiveFrom: dateOr(dto.effectiveFrom, target.metadata.effectiveFrom) };
    },
  },
  AgendaItemAdded: itemCorrector,
  AgendaItemAmended: itemCorrector,
  AttendanceRecorded: {
    dto: AttendanceCorrectionDto,
    fields: 'present, others (the lists of this event, replaced whole, as in RecordAttendance)',
    async correct(dto: AttendanceCorrectionDto, target, ctx) {
      const entries: AttendanceEntry[] = await attendanceEntries(ctx, dto, AT);
      if (entries.length === 0) throw new RuleViolation('attendance-needs-people', 'Nobody is listed', [{ field: `${AT}.present`, message: 'list at least one person; to remove the whole list, revoke the event' }]);
      return { data: { ...(target.data as object), entries }, effectiveFrom: target.metadata.effectiveFrom };
    },
    check: meetingCheck,
  },
  MeetingRecorded: {
    dto: MeetingCorrectionDto,
    fields: 'place, form, registryNumber, chair, title (the body and date make the meeting: they stay)',
    async correct(dto: MeetingCorrectionDto, target, ctx) {
      const current = target.data as MeetingRecorded['data'];
      const data: MeetingRecorded['data'] = {
        ...current,
        ...(dto.place !== undefined && { place: dto.place }),
        ...(dto.form !== undefined && { form: dto.form }),
        ...(dto.registryNumber !== undefined && { registryNumber: dto.registryNumber }),
        ...(dto.chair !== undefined && { chairId: (await ctx.person(dto.chair, `${AT}.chair`, { registerIfNew: typeof dto.chair !== 'string' })).id }),
        ...(dto.title !== undefined && { title: dto.title }),
      };
      return { data, effectiveFrom: target.metadata.effectiveFrom };
    },
  },
  MeetingSignedOff: {
    dto: SignOffCorrectionDto,
    fields: 'signedOn, signers',
    async correct(dto: SignOffCorrectionDto, target, ctx) {
      const current = target.data as MeetingSignedOff['data'];
      const signerIds = [];
      for (const [i, s] of (dto.signers ?? []).entries()) signerIds.push((await ctx.person(s, `${AT}.signers[${i}]`, { registerIfNew: typeof s !== 'string' })).id);
      const signedOn = dto.signedOn === undefined ? current.signedOn : effectiveDate(dto.signedOn);
      return { data: { ...current, signedOn, signerIds: dto.signers === undefined ? current.signerIds : signerIds }, effectiveFrom: signedOn };
    },
  },
  SourceAttached: {
    dto: SourceCorrectionDto,
    fields: 'source, items',
    async correct(dto: SourceCorrectionDto, target) {
      const current = target.data as SourceAttached['data'];
      return { data: { ...current, ...(dto.source !== undefined && { source: { ...dto.source } }), ...(dto.items !== undefined && { items: dto.items }) }, effectiveFrom: target.metadata.effectiveFrom };
    },
    check(_before, after) {
      const state = foldMeeting(after);
      if (state.status === 'unknown') return;
      for (const s of state.attachedSources) {
        const missing = s.items.find((n) => !state.items.some((i) => i.number === n));
        if (missing) throw new RuleViolation('agenda-item-must-exist', `The meeting has no item ${missing}`, [{ field: `${AT}.items`, message: `no item ${missing} in this meeting` }]);
      }
    },
  },
  RatificationRecorded: {
    dto: RatificationCorrectionDto,
    fields: 'ratifiedOn, forum',
    async correct(dto: RatificationCorrectionDto, target) {
      const current = target.data as RatificationRecorded['data'];
      const data = { ...current, ...(dto.ratifiedOn !== undefined && { ratifiedOn: dto.ratifiedOn }), ...(dto.forum !== undefined && { forum: dto.forum }) };
      return { data, effectiveFrom: dateOr(dto.ratifiedOn, target.metadata.effectiveFrom) };
    },
  },
  DeferredDecisionRecorded: {
    dto: LaterDecisionCorrectionDto,
    fields: 'decidedOn, procedure, forum, text',
    async correct(dto: LaterDecisionCorrectionDto, target) {
      const current = target.data as DeferredDecisionRecorded['data'];
      const data = {
        ...current,
        ...(dto.decidedOn !== undefined && { decidedOn: dto.decidedOn }),
        ...(dto.procedure !== undefined && { procedure: dto.procedure }),
        ...(dto.forum !== undefined && { forum: dto.forum }),
        ...(dto.text !== undefined && { text: dto.text }),
      };
      return { data, effectiveFrom: dateOr(dto.decidedOn, target.metadata.effectiveFrom) };
    },
  },
};

/** What to do instead, for the types CorrectEvent does not take. */
export function notCorrectable(type: string): RuleViolation {
  const registration = ['PersonRegistered', 'PartyRegistered', 'GroupEstablished'].includes(type);
  const instead = registration
    ? 'identities are permanent: register the right one and revoke the events that name the wrong one'
    : `revoke it (RevokeEvent) and record the right ${type} anew; money and other ledger entries are corrected that way`;
  return new RuleViolation('not-correctable', `CorrectEvent does not take ${type}: ${instead}`, [
    { field: 'data.event', message: `${type} cannot be corrected in place; CorrectEvent takes ${Object.keys(CORRECTORS).join(', ')}` },
  ]);
}

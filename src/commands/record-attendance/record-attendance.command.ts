import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsObject, IsString, Length, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import type { AttendanceEntry } from '../../events/meeting.events';
import { loadMeeting } from '../meeting/meeting-context';
import { meetingDateOf } from '../meeting/meeting-dates';
import { MeetingRefDto } from '../meeting/meeting-ref.dto';
import type { CommandContext } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { PERSON_REF_SCHEMA, REF_SCHEMA } from '../shared/json-schema-fragments';
import { IsPersonRef, IsRef, type PersonRef } from '../shared/ref-validators';
import { recordAttendance } from './record-attendance.decide';
import { Optional } from '../shared/optional';

export class PresentMemberDto {
  @JSONSchema({ ...PERSON_REF_SCHEMA, description: 'A slug or id must name a known person (422 otherwise); { "name" } registers a new one.' }) @IsPersonRef()
  person!: PersonRef;

  @JSONSchema({ description: '"(tf.)": acting (tillförordnad).' })
  @Optional() @IsBoolean()
  acting?: boolean;

  @JSONSchema({ ...REF_SCHEMA, description: 'The party the member came for (slug, alias or id).' })
  @Optional() @IsRef()
  for?: string;

  @JSONSchema({ description: 'A capacity printed instead of a party, e.g. "Brukarrepresentant".' })
  @Optional() @IsString() @Length(1, 200)
  capacity?: string;
}

export class OtherParticipantDto {
  @JSONSchema(PERSON_REF_SCHEMA) @IsPersonRef()
  person!: PersonRef;

  @JSONSchema({ ...REF_SCHEMA, description: 'The organisation the participant came from.' })
  @Optional() @IsRef()
  organisation?: string;

  @Optional() @IsString() @Length(1, 200)
  capacity?: string;
}

export class RecordAttendanceDto extends MeetingRefDto {
  @JSONSchema({ description: 'Närvarande ledamöter, in the order printed.' })
  @Optional() @IsArray() @ArrayMaxSize(500) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => PresentMemberDto)
  present?: PresentMemberDto[];

  @JSONSchema({ description: 'Övriga medverkande, in the order printed.' })
  @Optional() @IsArray() @ArrayMaxSize(500) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => OtherParticipantDto)
  others?: OtherParticipantDto[];
}

async function entry(ctx: CommandContext, ref: PersonRef, field: string, fields: Omit<AttendanceEntry, 'personId' | 'printedName'>): Promise<AttendanceEntry> {
  // A slug or id must name someone known: presence never invents a person behind a typo.
  const person = await ctx.person(ref, `${field}.person`, { registerIfNew: typeof ref !== 'string' });
  const printed = typeof ref === 'string' ? null : ref.name.trim();
  return { personId: person.id, ...fields, printedName: printed !== null && printed !== person.name ? printed : null };
}

/** Both lists resolved, present members first; `at` is where the lists sit in the request ("data"). */
export async function attendanceEntries(ctx: CommandContext, lists: { present?: PresentMemberDto[]; others?: OtherParticipantDto[] }, at: string): Promise<AttendanceEntry[]> {
  const entries: AttendanceEntry[] = [];
  for (const [i, p] of (lists.present ?? []).entries()) {
    const partyId = await ctx.party(p.for, `${at}.present[${i}].for`);
    entries.push(await entry(ctx, p.person, `${at}.present[${i}]`, { role: 'member', acting: p.acting ?? false, partyId, capacity: p.capacity?.trim() ?? null }));
  }
  for (const [i, o] of (lists.others ?? []).entries()) {
    const partyId = await ctx.party(o.organisation, `${at}.others[${i}].organisation`);
    entries.push(await entry(ctx, o.person, `${at}.others[${i}]`, { role: 'other', acting: false, partyId, capacity: o.capacity?.trim() ?? null }));
  }
  return entries;
}

export const recordAttendanceCommand = defineCommand({
  type: 'RecordAttendance',
  summary: 'Record who was present at a meeting (members, with "acting" and the party they came for) and who else took part.',
  dto: RecordAttendanceDto,
  targetStream: async (dto, ctx) => (await loadMeeting(ctx, dto.meeting)).stream,
  async execute(dto, ctx) {
    const meeting = await loadMeeting(ctx, dto.meeting);
    const entries = await attendanceEntries(ctx, dto, 'data');
    await ctx.emit(meeting.stream, recordAttendance({ type: 'RecordAttendance', data: { entries } }, meeting.state), meetingDateOf(meeting.state));
  },
});

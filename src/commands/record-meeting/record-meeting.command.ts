import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsObject, IsString, Length, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { idFromSlug } from '../../domain/identity';
import { MEETING_FORMS, type MeetingForm } from '../../events/meeting.events';
import type { EstablishedGroup } from '../group/group.state';
import { AgendaItemDto } from '../meeting/agenda-item.dto';
import { meetingStream, resolveItem } from '../meeting/meeting-context';
import { foldMeeting } from '../meeting/meeting.state';
import type { CommandContext } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { PERSON_REF_SCHEMA, REF_SCHEMA } from '../shared/json-schema-fragments';
import { IsCalendarDay, IsPersonRef, IsRef, type PersonRef } from '../shared/ref-validators';
import { recordMeeting } from './record-meeting.decide';
import { Optional } from '../shared/optional';

export class RecordMeetingDto {
  @JSONSchema({ ...REF_SCHEMA, description: 'The body that met: a group slug or id, e.g. "lansgemensam-ledning-i-samverkan".' }) @IsRef()
  body!: string;

  @JSONSchema({ type: 'string', format: 'date', description: 'The meeting day; the meeting slug is "<body slug>-<date>".' }) @IsCalendarDay()
  date!: string;

  @Optional() @IsString() @Length(1, 300)
  place?: string;

  @Optional() @IsIn(MEETING_FORMS)
  form?: MeetingForm;

  @JSONSchema({ description: 'Diarienummer, e.g. "RS DRN 2025/51".' })
  @Optional() @IsString() @Length(1, 100)
  registryNumber?: string;

  @JSONSchema({ ...PERSON_REF_SCHEMA, description: 'Who chaired the meeting.' })
  @Optional() @IsPersonRef()
  chair?: PersonRef;

  @JSONSchema({ description: 'The document title as printed.' })
  @Optional() @IsString() @Length(1, 300)
  title?: string;

  @Optional() @IsArray() @ArrayMaxSize(200)
  @ArrayUnique((item: AgendaItemDto | undefined) => item?.number, { message: 'items must not repeat an item number' })
  @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => AgendaItemDto)
  items?: AgendaItemDto[];
}

async function target(dto: RecordMeetingDto, ctx: CommandContext) {
  const body = await ctx.group(dto.body, 'data.body');
  const slug = `${(body.state as EstablishedGroup).slug}-${dto.date}`;
  const meetingId = idFromSlug('meeting', slug);
  return { body, slug, meetingId, stream: meetingStream(meetingId) };
}

export const recordMeetingCommand = defineCommand({
  type: 'RecordMeeting',
  summary: 'Record a meeting of a body (date, place, form, registry number, chair) with its numbered agenda items.',
  dto: RecordMeetingDto,
  targetStream: async (dto, ctx) => (await target(dto, ctx)).stream,
  async execute(dto, ctx) {
    const { body, slug, meetingId, stream } = await target(dto, ctx);
    const state = foldMeeting(await ctx.streamEvents(stream));
    const chair = dto.chair === undefined ? null : await ctx.person(dto.chair, 'data.chair', { registerIfNew: true });
    const items = [];
    for (const [i, item] of (dto.items ?? []).entries()) items.push(await resolveItem(item, ctx, `data.items[${i}]`));
    const events = recordMeeting(
      {
        type: 'RecordMeeting',
        data: {
          meetingId,
          slug,
          bodyId: body.id,
          date: dto.date,
          place: dto.place?.trim() ?? null,
          form: dto.form ?? null,
          registryNumber: dto.registryNumber?.trim() ?? null,
          chairId: chair?.id ?? null,
          title: dto.title?.trim() ?? null,
          items,
        },
      },
      state,
    );
    await ctx.emit(stream, events, { date: dto.date, precision: 'day' });
  },
});

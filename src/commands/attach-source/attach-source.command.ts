import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsObject, IsString, Matches, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { ITEM_NUMBER_PATTERN } from '../meeting/agenda-item.dto';
import { loadMeeting } from '../meeting/meeting-context';
import { meetingDateOf } from '../meeting/meeting-dates';
import { MeetingRefDto } from '../meeting/meeting-ref.dto';
import { SourceDto } from '../shared/command-metadata.dto';
import { defineCommand } from '../shared/command-definition';
import { attachSource } from './attach-source.decide';

class AttachedSourceDto extends SourceDto {
  @IsString() @IsNotEmpty()
  declare document: string;
}

export class AttachSourceDto extends MeetingRefDto {
  @JSONSchema({ description: 'The other document: document (required), url, note.' })
  @IsObject() @ValidateNested() @Type(() => AttachedSourceDto)
  source!: AttachedSourceDto;

  @JSONSchema({ description: 'The items of the meeting it reports, e.g. ["3", "4.1"].' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @Matches(ITEM_NUMBER_PATTERN, { each: true, message: 'items must be agenda item numbers such as "4" or "4.1"' })
  items!: string[];
}

export const attachSourceCommand = defineCommand({
  type: 'AttachSource',
  summary: "Link another document (e.g. a newsletter) as a further source of some of a meeting's items; it adds no decisions.",
  dto: AttachSourceDto,
  targetStream: async (dto, ctx) => (await loadMeeting(ctx, dto.meeting)).stream,
  async execute(dto, ctx) {
    const meeting = await loadMeeting(ctx, dto.meeting);
    const source = { ...dto.source };
    await ctx.emit(meeting.stream, attachSource({ type: 'AttachSource', data: { source, items: dto.items } }, meeting.state), meetingDateOf(meeting.state));
  },
});

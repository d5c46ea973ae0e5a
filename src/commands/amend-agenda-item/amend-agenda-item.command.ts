import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { AgendaItemDto } from '../meeting/agenda-item.dto';
import { loadMeeting, resolveItem } from '../meeting/meeting-context';
import { meetingDateOf } from '../meeting/meeting-dates';
import { MeetingRefDto } from '../meeting/meeting-ref.dto';
import { defineCommand } from '../shared/command-definition';
import { amendAgendaItem } from './amend-agenda-item.decide';

export class AmendAgendaItemDto extends MeetingRefDto {
  @IsObject() @ValidateNested() @Type(() => AgendaItemDto)
  item!: AgendaItemDto;
}

export const amendAgendaItemCommand = defineCommand({
  type: 'AmendAgendaItem',
  summary: "Replace an agenda item's content (same number) before sign-off; afterwards use CorrectEvent.",
  dto: AmendAgendaItemDto,
  targetStream: async (dto, ctx) => (await loadMeeting(ctx, dto.meeting)).stream,
  async execute(dto, ctx) {
    const meeting = await loadMeeting(ctx, dto.meeting);
    const item = await resolveItem(dto.item, ctx, 'data.item');
    await ctx.emit(meeting.stream, amendAgendaItem({ type: 'AmendAgendaItem', data: { item } }, meeting.state), meetingDateOf(meeting.state));
  },
});

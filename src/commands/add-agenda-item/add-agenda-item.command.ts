import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { AgendaItemDto } from '../meeting/agenda-item.dto';
import { loadMeeting, resolveItem } from '../meeting/meeting-context';
import { MeetingRefDto } from '../meeting/meeting-ref.dto';
import { meetingDateOf } from '../meeting/meeting-dates';
import { defineCommand } from '../shared/command-definition';
import { addAgendaItem } from './add-agenda-item.decide';

export class AddAgendaItemDto extends MeetingRefDto {
  @IsObject() @ValidateNested() @Type(() => AgendaItemDto)
  item!: AgendaItemDto;
}

export const addAgendaItemCommand = defineCommand({
  type: 'AddAgendaItem',
  summary: 'Add a numbered agenda item to a meeting that is not signed off yet.',
  dto: AddAgendaItemDto,
  targetStream: async (dto, ctx) => (await loadMeeting(ctx, dto.meeting)).stream,
  async execute(dto, ctx) {
    const meeting = await loadMeeting(ctx, dto.meeting);
    const item = await resolveItem(dto.item, ctx, 'data.item');
    await ctx.emit(meeting.stream, addAgendaItem({ type: 'AddAgendaItem', data: { item } }, meeting.state), meetingDateOf(meeting.state));
  },
});

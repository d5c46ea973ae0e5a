import { IsString, IsUUID, Length } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { defineCommand } from '../shared/command-definition';
import { unknownEvent } from './correction-rules';
import { revokeEvent } from './revoke-event.decide';

export class RevokeEventDto {
  @JSONSchema({ type: 'string', format: 'uuid', description: 'The id of the event that should never have been recorded.' })
  @IsUUID()
  event!: string;

  @IsString() @Length(1, 2000)
  reason!: string;
}

export const revokeEventCommand = defineCommand({
  type: 'RevokeEvent',
  // Each role corrects only what it records; the writer checks the target's stream.
  roles: ['clerk', 'finance'],
  summary: 'Revoke an earlier event (a wrong entry): appends EventRevoked to its stream; nothing is deleted, a knownAt before it still shows it.',
  dto: RevokeEventDto,
  targetStream: async (dto, ctx) => (await ctx.findEvent(dto.event))?.stream ?? '',
  async execute(dto, ctx) {
    const found = await ctx.findEvent(dto.event);
    if (!found) throw unknownEvent(dto.event);
    const target = found.events.find((e) => e.id === dto.event)!;
    await ctx.emit(found.stream, revokeEvent({ type: 'RevokeEvent', data: { targetId: dto.event, reason: dto.reason.trim() } }, found.events), target.metadata.effectiveFrom);
  },
});

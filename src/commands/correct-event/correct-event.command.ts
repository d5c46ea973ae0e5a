import { IsObject, IsString, IsUUID, Length } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { validateDto } from '../shared/validate-dto';
import type { LedgerNewEvent } from '../../events/ledger-event';
import { defineCommand } from '../shared/command-definition';
import { requireTarget, unknownEvent } from '../revoke-event/correction-rules';
import { correctEvent } from './correct-event.decide';
import { CORRECTORS, notCorrectable } from './correctable-types';

export class CorrectEventDto {
  @JSONSchema({ type: 'string', format: 'uuid', description: 'The id of the event whose data was wrong.' })
  @IsUUID()
  event!: string;

  @IsString() @Length(1, 2000)
  reason!: string;

  @JSONSchema({
    type: 'object',
    description: `The fields to change, validated like the command that recorded the event; the rest stays. By type: ${Object.entries(CORRECTORS)
      .map(([type, c]) => `${type}: ${c.fields}`)
      .join('; ')}.`,
  })
  @IsObject()
  data!: Record<string, unknown>;
}

export const correctEventCommand = defineCommand({
  type: 'CorrectEvent',
  // Each role corrects only what it records; the writer checks the target's stream.
  roles: ['clerk', 'finance'],
  summary: "Correct an earlier event's data (and valid time): appends EventCorrected to its stream; a knownAt before it still shows the old belief.",
  dto: CorrectEventDto,
  targetStream: async (dto, ctx) => (await ctx.findEvent(dto.event))?.stream ?? '',
  async execute(dto, ctx) {
    const found = await ctx.findEvent(dto.event);
    if (!found) throw unknownEvent(dto.event);
    const target = requireTarget(found.events, dto.event);
    const corrector = CORRECTORS[target.type];
    if (!corrector) throw notCorrectable(target.type);
    const fields = validateDto(corrector.dto, dto.data, 'data.data');
    const { data, effectiveFrom } = await corrector.correct(fields, target, ctx);
    const events = correctEvent({ type: 'CorrectEvent', data: { targetId: dto.event, reason: dto.reason.trim(), correctedData: data } }, found.events);
    const after = [...found.events, ...events.map((e) => ({ ...e, id: 'pending-correction', metadata: { ...target.metadata, effectiveFrom } }) as LedgerNewEvent)];
    corrector.check?.(found.events, after);
    await ctx.emit(found.stream, events, effectiveFrom);
  },
});

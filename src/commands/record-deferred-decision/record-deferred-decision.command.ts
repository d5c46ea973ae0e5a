import { IsString, Length, Matches } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { ITEM_NUMBER_PATTERN } from '../meeting/agenda-item.dto';
import { loadDecision } from '../meeting/meeting-context';
import { MeetingRefDto } from '../meeting/meeting-ref.dto';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { DATE_SCHEMA } from '../shared/json-schema-fragments';
import { IsEffectiveDate } from '../shared/ref-validators';
import { recordDeferredDecision } from './record-deferred-decision.decide';
import { Optional } from '../shared/optional';

export class RecordDeferredDecisionDto extends MeetingRefDto {
  @Matches(ITEM_NUMBER_PATTERN, { message: 'item must be an agenda item number such as "4" or "4.1"' })
  item!: string;

  @JSONSchema({ ...DATE_SCHEMA, description: 'When it was decided.' }) @IsEffectiveDate(false)
  decidedOn!: string;

  @JSONSchema({ description: 'How: "per capsulam (mejl)", or the forum\'s procedure.' })
  @IsString() @Length(1, 200)
  procedure!: string;

  @Optional() @IsString() @Length(1, 300)
  forum?: string;

  @JSONSchema({ description: 'The decision as recorded.' })
  @IsString() @Length(1, 10_000)
  text!: string;
}

export const recordDeferredDecisionCommand = defineCommand({
  type: 'RecordDeferredDecision',
  summary: 'Record the later decision (e.g. by e-mail, per capsulam) on an item a meeting deferred ("beslutas via mejl").',
  dto: RecordDeferredDecisionDto,
  targetStream: async (dto, ctx) => (await loadDecision(ctx, dto.meeting, dto.item)).followUpStream,
  async execute(dto, ctx) {
    const loaded = await loadDecision(ctx, dto.meeting, dto.item);
    const decidedOn = effectiveDate(dto.decidedOn);
    const command = { type: 'RecordDeferredDecision' as const, data: { item: dto.item, decidedOn, procedure: dto.procedure.trim(), forum: dto.forum?.trim() ?? null, text: dto.text.trim() } };
    await ctx.emit(loaded.followUpStream, recordDeferredDecision(command, loaded.state), decidedOn);
  },
});

import { IsString, Length, Matches } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { LedgerError } from '../../domain/ledger-errors';
import { ITEM_NUMBER_PATTERN } from '../meeting/agenda-item.dto';
import { loadDecision } from '../meeting/meeting-context';
import { MeetingRefDto } from '../meeting/meeting-ref.dto';
import { effectiveDate, type CommandContext } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { DATE_SCHEMA } from '../shared/json-schema-fragments';
import { IsEffectiveDate } from '../shared/ref-validators';
import { recordRatification } from './record-ratification.decide';
import { Optional } from '../shared/optional';

export class RecordRatificationDto extends MeetingRefDto {
  @Matches(ITEM_NUMBER_PATTERN, { message: 'item must be an agenda item number such as "4" or "4.1"' })
  item!: string;

  @JSONSchema({ type: 'string', description: 'Who ratified: a party (slug, alias or id) or the slug of a named ratifier, e.g. "ledamoter-inom-skola".' })
  @IsString() @Length(1, 200)
  ratifier!: string;

  @JSONSchema({ ...DATE_SCHEMA, description: 'When it ratified.' }) @IsEffectiveDate(false)
  ratifiedOn!: string;

  @JSONSchema({ description: 'Where, e.g. "skolchefsnätverksmöte", "kommunfullmäktige".' })
  @Optional() @IsString() @Length(1, 300)
  forum?: string;
}

/** A named ratifier's key as given, or the id of the party the reference names. */
async function ratifierKey(ctx: CommandContext, ref: string): Promise<string> {
  try {
    return (await ctx.party(ref, 'data.ratifier')) ?? ref;
  } catch (error) {
    if (error instanceof LedgerError) return ref; // not a party: the decider checks it against the named ratifiers
    throw error;
  }
}

export const recordRatificationCommand = defineCommand({
  type: 'RecordRatification',
  summary: 'Record that one of the parties a decision names has ratified it (date and forum).',
  dto: RecordRatificationDto,
  targetStream: async (dto, ctx) => (await loadDecision(ctx, dto.meeting, dto.item)).followUpStream,
  async execute(dto, ctx) {
    const loaded = await loadDecision(ctx, dto.meeting, dto.item);
    const ratifiedOn = effectiveDate(dto.ratifiedOn);
    const named = loaded.state.status !== 'unknown' && loaded.state.items.some((i) => i.decision?.ratifiers.some((r) => r.key === dto.ratifier));
    const ratifier = named ? dto.ratifier : await ratifierKey(ctx, dto.ratifier);
    const command = { type: 'RecordRatification' as const, data: { item: dto.item, ratifier, ratifiedOn, forum: dto.forum?.trim() ?? null } };
    await ctx.emit(loaded.followUpStream, recordRatification(command, loaded.state), ratifiedOn);
  },
});

import { IsInt, Max, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import type { Amount } from '../../domain/money';
import { decideGrant } from '../grant/grant.decider';
import { loadGrant } from '../grant/grant-context';
import { AMOUNT_DESCRIPTION, AMOUNT_SCHEMA, IsAmount } from '../shared/amount-validators';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { MoneyEntryDto } from '../shared/money-entry.dto';

export class RecordFinalAccountingDto extends MoneyEntryDto {
  @IsInt() @Min(1900) @Max(2200)
  year!: number;

  @JSONSchema({ ...AMOUNT_SCHEMA, description: 'What was used of the grant. ' + AMOUNT_DESCRIPTION })
  @IsAmount()
  used!: Amount;

  @JSONSchema({ ...AMOUNT_SCHEMA, description: 'What remains to be settled between the parties. ' + AMOUNT_DESCRIPTION })
  @IsAmount()
  remaining!: Amount;
}

export const recordFinalAccountingCommand = defineCommand({
  type: 'RecordFinalAccounting',
  roles: ['finance'],
  summary: 'Record the final accounting (slutredovisning) of a grant year: used and remaining; one per year unless revoked.',
  dto: RecordFinalAccountingDto,
  targetStream: async (dto, ctx) => (await loadGrant(ctx, dto.grant)).stream,
  async execute(dto, ctx) {
    const grant = await loadGrant(ctx, dto.grant);
    const data = { year: dto.year, used: dto.used, remaining: dto.remaining };
    await ctx.emit(grant.stream, decideGrant({ type: 'RecordFinalAccounting', data }, grant.state), effectiveDate(dto.effectiveFrom));
  },
});

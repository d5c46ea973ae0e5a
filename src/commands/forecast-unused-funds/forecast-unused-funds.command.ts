import { JSONSchema } from 'class-validator-jsonschema';
import type { Amount } from '../../domain/money';
import { decideGrant } from '../grant/grant.decider';
import { loadGrant } from '../grant/grant-context';
import { AMOUNT_SCHEMA, IsAmount } from '../shared/amount-validators';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { MoneyEntryDto } from '../shared/money-entry.dto';

export class ForecastUnusedFundsDto extends MoneyEntryDto {
  @JSONSchema(AMOUNT_SCHEMA) @IsAmount()
  amount!: Amount;
}

export const forecastUnusedFundsCommand = defineCommand({
  type: 'ForecastUnusedFunds',
  roles: ['finance'],
  summary: 'Record a forecast of grant funds that will not be used (a memorandum entry: no money moves).',
  dto: ForecastUnusedFundsDto,
  targetStream: async (dto, ctx) => (await loadGrant(ctx, dto.grant)).stream,
  async execute(dto, ctx) {
    const grant = await loadGrant(ctx, dto.grant);
    await ctx.emit(grant.stream, decideGrant({ type: 'ForecastUnusedFunds', data: { amount: dto.amount } }, grant.state), effectiveDate(dto.effectiveFrom));
  },
});

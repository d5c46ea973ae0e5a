import { JSONSchema } from 'class-validator-jsonschema';
import type { Amount } from '../../domain/money';
import { decideGrant } from '../grant/grant.decider';
import { loadGrant } from '../grant/grant-context';
import { AMOUNT_SCHEMA, IsAmount } from '../shared/amount-validators';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { REF_SCHEMA } from '../shared/json-schema-fragments';
import { MoneyEntryDto } from '../shared/money-entry.dto';
import { IsRef } from '../shared/ref-validators';

export class DistributeFundsEarlyDto extends MoneyEntryDto {
  @JSONSchema(REF_SCHEMA) @IsRef()
  recipient!: string;

  @JSONSchema(AMOUNT_SCHEMA) @IsAmount()
  amount!: Amount;
}

export const distributeFundsEarlyCommand = defineCommand({
  type: 'DistributeFundsEarly',
  roles: ['finance'],
  summary: 'Pay out grant funds to a party before the final accounting (e.g. forecast unused funds "tillföll kommunerna i tidigt skede").',
  dto: DistributeFundsEarlyDto,
  targetStream: async (dto, ctx) => (await loadGrant(ctx, dto.grant)).stream,
  async execute(dto, ctx) {
    const grant = await loadGrant(ctx, dto.grant);
    const recipientId = (await ctx.party(dto.recipient, 'data.recipient')) as string;
    await ctx.emit(grant.stream, decideGrant({ type: 'DistributeFundsEarly', data: { recipientId, amount: dto.amount } }, grant.state), effectiveDate(dto.effectiveFrom));
  },
});

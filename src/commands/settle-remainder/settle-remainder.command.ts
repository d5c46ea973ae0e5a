import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { InvalidInput } from '../../domain/ledger-errors';
import type { Amount } from '../../domain/money';
import type { ShareInput } from '../grant/grant.commands';
import { decideGrant } from '../grant/grant.decider';
import { loadGrant } from '../grant/grant-context';
import { AMOUNT_DESCRIPTION, AMOUNT_SCHEMA, IsAmount } from '../shared/amount-validators';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { REF_SCHEMA } from '../shared/json-schema-fragments';
import { MoneyEntryDto } from '../shared/money-entry.dto';
import { IsRef } from '../shared/ref-validators';
import { Optional } from '../shared/optional';

export const FRACTION_PATTERN = /^[1-9][0-9]{0,3}\/[1-9][0-9]{0,3}$/;

export class SettlementShareDto {
  @JSONSchema(REF_SCHEMA) @IsRef()
  party!: string;

  @JSONSchema({ ...AMOUNT_SCHEMA, description: 'The share in kronor; give this or `fraction`. ' + AMOUNT_DESCRIPTION })
  @ValidateIf((s: SettlementShareDto) => s.fraction === undefined)
  @IsAmount({ message: 'amount must be given (whole kronor ≥ 0, or { "unknown": "<reason>" }) unless fraction is' })
  amount?: Amount;

  @JSONSchema({ type: 'string', pattern: FRACTION_PATTERN.source, description: 'The share as a fraction of what remained, e.g. "1/2"; give this or `amount`.' })
  @Optional()
  @Matches(FRACTION_PATTERN, { message: 'fraction must be like "1/2"' })
  fraction?: string;
}

export class SettleRemainderDto extends MoneyEntryDto {
  @JSONSchema({ description: 'Who gets what of the remainder; the shares must add up to it.' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => SettlementShareDto)
  shares!: SettlementShareDto[];
}

export const settleRemainderCommand = defineCommand({
  type: 'SettleRemainder',
  roles: ['finance'],
  summary: 'Settle what remained after the final accounting between parties, as amounts or fractions that add up; once per grant.',
  dto: SettleRemainderDto,
  targetStream: async (dto, ctx) => (await loadGrant(ctx, dto.grant)).stream,
  async execute(dto, ctx) {
    const grant = await loadGrant(ctx, dto.grant);
    const shares: ShareInput[] = [];
    for (const [i, s] of dto.shares.entries()) {
      const partyId = (await ctx.party(s.party, `data.shares[${i}].party`)) as string;
      if (s.fraction !== undefined && s.amount !== undefined) {
        throw new InvalidInput('A share is an amount or a fraction, not both', [{ field: `data.shares[${i}]`, message: 'give amount or fraction, not both' }]);
      }
      shares.push(s.fraction !== undefined ? { partyId, fraction: s.fraction } : { partyId, amount: s.amount as Amount });
    }
    await ctx.emit(grant.stream, decideGrant({ type: 'SettleRemainder', data: { shares } }, grant.state), effectiveDate(dto.effectiveFrom));
  },
});

import { Length, Matches } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { SLUG_PATTERN } from '../../domain/slug';
import { decideGrant } from '../grant/grant.decider';
import { loadGrant } from '../grant/grant-context';
import { IsKronor, KRONOR_SCHEMA } from '../shared/amount-validators';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { MoneyEntryDto } from '../shared/money-entry.dto';

export class RecordInvoicePaymentDto extends MoneyEntryDto {
  @JSONSchema({ description: 'The invoice key given when it was recorded.' })
  @Matches(SLUG_PATTERN, { message: 'invoice must be lower-case letters and digits joined by "-"' }) @Length(1, 200)
  invoice!: string;

  @JSONSchema(KRONOR_SCHEMA) @IsKronor()
  amount!: number;
}

export const recordInvoicePaymentCommand = defineCommand({
  type: 'RecordInvoicePayment',
  roles: ['finance'],
  summary: 'Record a payment of a settlement invoice, in part or whole (effectiveFrom: the day it was paid).',
  dto: RecordInvoicePaymentDto,
  targetStream: async (dto, ctx) => (await loadGrant(ctx, dto.grant)).stream,
  async execute(dto, ctx) {
    const grant = await loadGrant(ctx, dto.grant);
    await ctx.emit(grant.stream, decideGrant({ type: 'RecordInvoicePayment', data: { invoice: dto.invoice, amount: dto.amount } }, grant.state), effectiveDate(dto.effectiveFrom));
  },
});

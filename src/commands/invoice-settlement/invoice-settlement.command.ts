import { IsString, Length, Matches } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { SLUG_PATTERN } from '../../domain/slug';
import { decideGrant } from '../grant/grant.decider';
import { loadGrant } from '../grant/grant-context';
import { IsKronor, KRONOR_SCHEMA } from '../shared/amount-validators';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { REF_SCHEMA } from '../shared/json-schema-fragments';
import { MoneyEntryDto } from '../shared/money-entry.dto';
import { IsRef } from '../shared/ref-validators';
import { Optional } from '../shared/optional';

export class InvoiceSettlementDto extends MoneyEntryDto {
  @JSONSchema({ description: 'A key for the invoice, unique within the grant (a slug); a payment names it.' })
  @Matches(SLUG_PATTERN, { message: 'invoice must be lower-case letters and digits joined by "-"' }) @Length(1, 200)
  invoice!: string;

  @JSONSchema({ ...REF_SCHEMA, description: 'The party that invoices (has the settlement share).' })
  @IsRef()
  issuer!: string;

  @JSONSchema({ ...REF_SCHEMA, description: 'The party invoiced (holds the grant).' })
  @IsRef()
  payer!: string;

  @JSONSchema(KRONOR_SCHEMA) @IsKronor()
  amount!: number;

  @JSONSchema({ description: "The invoice's own number or reference, when known." })
  @Optional() @IsString() @Length(1, 200)
  reference?: string;
}

export const invoiceSettlementCommand = defineCommand({
  type: 'InvoiceSettlement',
  roles: ['finance'],
  summary: 'Record that a party invoices the grant holder for its settlement share (who invoices whom, how much, reference).',
  dto: InvoiceSettlementDto,
  targetStream: async (dto, ctx) => (await loadGrant(ctx, dto.grant)).stream,
  async execute(dto, ctx) {
    const grant = await loadGrant(ctx, dto.grant);
    const issuerId = (await ctx.party(dto.issuer, 'data.issuer')) as string;
    const payerId = (await ctx.party(dto.payer, 'data.payer')) as string;
    const data = { invoice: dto.invoice, issuerId, payerId, amount: dto.amount, reference: dto.reference ?? null };
    await ctx.emit(grant.stream, decideGrant({ type: 'InvoiceSettlement', data }, grant.state), effectiveDate(dto.effectiveFrom));
  },
});

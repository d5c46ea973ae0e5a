import { IsIn, IsString, Length, Matches } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import type { Amount } from '../../domain/money';
import { SLUG_PATTERN } from '../../domain/slug';
import { ALLOCATION_KINDS, type AllocationKind } from '../../events/grant.events';
import { decideGrant } from '../grant/grant.decider';
import { existingProject, loadGrant } from '../grant/grant-context';
import { AMOUNT_SCHEMA, IsAmount } from '../shared/amount-validators';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { DATE_SCHEMA, REF_SCHEMA } from '../shared/json-schema-fragments';
import { MoneyEntryDto } from '../shared/money-entry.dto';
import { IsEffectiveDate, IsRef } from '../shared/ref-validators';
import { Optional } from '../shared/optional';

export class AllocateFundsDto extends MoneyEntryDto {
  @JSONSchema({ description: 'A key for the allocation, unique within the grant (a slug).' })
  @Matches(SLUG_PATTERN, { message: 'allocation must be lower-case letters and digits joined by "-"' }) @Length(1, 200)
  allocation!: string;

  @JSONSchema({ description: 'What it is for, as printed ("Regionalt handlingsprogram för suicidprevention – budget 2025").' })
  @IsString() @Length(1, 500)
  purpose!: string;

  @IsIn(ALLOCATION_KINDS)
  kind!: AllocationKind;

  @JSONSchema(REF_SCHEMA) @Optional() @IsRef()
  project?: string;

  @JSONSchema({ ...REF_SCHEMA, description: 'The party that carries it out or receives it, when stated.' })
  @Optional() @IsRef()
  recipient?: string;

  @JSONSchema(DATE_SCHEMA) @IsEffectiveDate(false)
  periodFrom!: string;

  @JSONSchema({ ...DATE_SCHEMA, description: 'Last day of the period, inclusive ("2025" = to the end of 2025).' })
  @IsEffectiveDate(false)
  periodTo!: string;

  @JSONSchema(AMOUNT_SCHEMA) @IsAmount()
  amount!: Amount;
}

export const allocateFundsCommand = defineCommand({
  type: 'AllocateFunds',
  roles: ['finance'],
  summary: 'Allocate (budget) part of a grant to a programme, project or activity for a period; allocations stay within the grant.',
  dto: AllocateFundsDto,
  targetStream: async (dto, ctx) => (await loadGrant(ctx, dto.grant)).stream,
  async execute(dto, ctx) {
    const grant = await loadGrant(ctx, dto.grant);
    const projectId = await existingProject(ctx, dto.project, 'data.project');
    const recipientId = await ctx.party(dto.recipient, 'data.recipient');
    const period = { from: effectiveDate(dto.periodFrom), to: effectiveDate(dto.periodTo) };
    const data = { allocation: dto.allocation, purpose: dto.purpose.trim(), kind: dto.kind, projectId, recipientId, period, amount: dto.amount };
    await ctx.emit(grant.stream, decideGrant({ type: 'AllocateFunds', data }, grant.state), effectiveDate(dto.effectiveFrom));
  },
});

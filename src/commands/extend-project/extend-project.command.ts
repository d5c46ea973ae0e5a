import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsString, Length, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import type { Amount } from '../../domain/money';
import type { Financing } from '../../events/project.events';
import { existingGrant } from '../grant/grant-context';
import { loadProject } from '../project/project-context';
import { decideProject } from '../project/project.decider';
import { AMOUNT_SCHEMA, IsAmount } from '../shared/amount-validators';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { DATE_SCHEMA, REF_SCHEMA } from '../shared/json-schema-fragments';
import { IsEffectiveDate, IsRef } from '../shared/ref-validators';
import { Optional } from '../shared/optional';

export class FinancingDto {
  @JSONSchema({ description: 'How it is paid for, as printed ("finansieras genom statsbidrag kopplat till överenskommelse …").' })
  @IsString() @Length(1, 1000)
  description!: string;

  @JSONSchema({ ...REF_SCHEMA, description: 'The grant, when it is one the ledger holds.' })
  @Optional() @IsRef()
  grant?: string;

  @JSONSchema(AMOUNT_SCHEMA) @IsAmount()
  amount!: Amount;
}

export class ExtendProjectDto {
  @JSONSchema(REF_SCHEMA) @IsRef()
  project!: string;

  @JSONSchema({ ...DATE_SCHEMA, description: 'The new last day, inclusive ("t o m 2026-12-31").' })
  @IsEffectiveDate(false)
  until!: string;

  @JSONSchema({ ...DATE_SCHEMA, description: 'When the extension was decided or takes effect.' })
  @IsEffectiveDate(false)
  effectiveFrom!: string;

  @Optional() @IsArray() @ArrayMaxSize(20) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => FinancingDto)
  financing?: FinancingDto[];
}

export const extendProjectCommand = defineCommand({
  type: 'ExtendProject',
  roles: ['clerk', 'finance'],
  summary: 'Extend a project to a later last day, with its financing; cite the decision in metadata.decision.',
  dto: ExtendProjectDto,
  targetStream: async (dto, ctx) => (await loadProject(ctx, dto.project)).stream,
  async execute(dto, ctx) {
    const project = await loadProject(ctx, dto.project);
    const financing: Financing[] = [];
    for (const [i, f] of (dto.financing ?? []).entries()) {
      financing.push({ description: f.description.trim(), grantId: await existingGrant(ctx, f.grant, `data.financing[${i}].grant`), amount: f.amount });
    }
    const events = decideProject({ type: 'ExtendProject', data: { until: effectiveDate(dto.until), financing } }, project.state);
    await ctx.emit(project.stream, events, effectiveDate(dto.effectiveFrom));
  },
});

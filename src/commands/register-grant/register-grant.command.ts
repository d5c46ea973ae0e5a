import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { idFromSlug, streamOf } from '../../domain/identity';
import { RuleViolation } from '../../domain/ledger-errors';
import type { Amount } from '../../domain/money';
import { SLUG_PATTERN, slugify } from '../../domain/slug';
import { decideGrant } from '../grant/grant.decider';
import { loadGrant } from '../grant/grant-context';
import { AMOUNT_DESCRIPTION, AMOUNT_SCHEMA, IsAmount } from '../shared/amount-validators';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { DATE_SCHEMA, REF_SCHEMA } from '../shared/json-schema-fragments';
import { IsEffectiveDate, IsRef } from '../shared/ref-validators';
import { Optional } from '../shared/optional';

export class GrantPartDto {
  @IsString() @Length(1, 300)
  area!: string;

  @JSONSchema(AMOUNT_SCHEMA) @IsAmount()
  amount!: Amount;
}

export class RegisterGrantDto {
  @IsString() @Length(1, 300)
  name!: string;

  @JSONSchema({ description: 'Permanent readable id; derived from the name when absent, e.g. "psykisk-halsa-suicidprevention-2025".' })
  @Optional() @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters and digits joined by "-"' }) @Length(1, 200)
  slug?: string;

  @JSONSchema({ description: 'The agreement the funds come from, as printed.' })
  @IsString() @Length(1, 500)
  agreement!: string;

  @IsInt() @Min(1900) @Max(2200)
  year!: number;

  @JSONSchema({ ...REF_SCHEMA, description: 'The party that received and holds the funds.' })
  @IsRef()
  holder!: string;

  @JSONSchema({ ...AMOUNT_SCHEMA, description: 'What was received (the whole grant). ' + AMOUNT_DESCRIPTION })
  @IsAmount()
  received!: Amount;

  @JSONSchema({ description: 'Its parts by area; when given they must add up to `received`.' })
  @Optional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => GrantPartDto)
  parts?: GrantPartDto[];

  @JSONSchema({ ...DATE_SCHEMA, description: 'When the funds were received: a day, month or year.' })
  @IsEffectiveDate(false)
  effectiveFrom!: string;
}

const slugOf = (dto: RegisterGrantDto) => dto.slug ?? slugify(dto.name);

export const registerGrantCommand = defineCommand({
  type: 'RegisterGrant',
  roles: ['finance'],
  summary: 'Register a grant received (stimulansmedel): agreement, year, holder, amount and its parts by area, which must add up.',
  dto: RegisterGrantDto,
  targetStream: async (dto) => streamOf('grant', idFromSlug('grant', slugOf(dto))),
  async execute(dto, ctx) {
    const slug = slugOf(dto);
    if (slug === '') throw new RuleViolation('name-needs-letters', 'The name gives no slug', [{ field: 'data.name', message: 'has no letters or digits' }]);
    const grant = await loadGrant(ctx, slug);
    const holderId = (await ctx.party(dto.holder, 'data.holder')) as string;
    const parts = (dto.parts ?? []).map((p) => ({ area: p.area, amount: p.amount }));
    const data = { grantId: grant.id, slug, name: dto.name.trim(), agreement: dto.agreement.trim(), year: dto.year, holderId, received: dto.received, parts };
    await ctx.emit(grant.stream, decideGrant({ type: 'RegisterGrant', data }, grant.state), effectiveDate(dto.effectiveFrom));
  },
});

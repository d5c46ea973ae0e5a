import { IsIn } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { CHAIR_ROLES, type ChairRole } from '../../events/group.events';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { DATE_OR_UNKNOWN_SCHEMA, DATE_SCHEMA, PERSON_REF_SCHEMA, REF_SCHEMA } from '../shared/json-schema-fragments';
import { IsEffectiveDate, IsPersonRef, IsRef, type PersonRef } from '../shared/ref-validators';
import { appointChair } from './appoint-chair.decide';
import { Optional } from '../shared/optional';

export class AppointChairDto {
  @JSONSchema(REF_SCHEMA) @IsRef()
  group!: string;

  @JSONSchema(PERSON_REF_SCHEMA) @IsPersonRef()
  person!: PersonRef;

  @IsIn(CHAIR_ROLES)
  role!: ChairRole;

  @JSONSchema(DATE_OR_UNKNOWN_SCHEMA) @IsEffectiveDate(true)
  effectiveFrom!: string;

  @JSONSchema({ ...DATE_SCHEMA, description: 'Last day of the term, inclusive ("t o m dec 2026" → "2026-12").' })
  @Optional() @IsEffectiveDate(false)
  effectiveTo?: string;
}

export const appointChairCommand = defineCommand({
  type: 'AppointChair',
  summary: 'Appoint the chair or a vice chair of a group for a term; a running chair term is succeeded.',
  dto: AppointChairDto,
  targetStream: async (dto, ctx) => (await ctx.group(dto.group, 'data.group')).stream,
  async execute(dto, ctx) {
    const group = await ctx.group(dto.group, 'data.group');
    const person = await ctx.person(dto.person, 'data.person', { registerIfNew: true });
    const from = effectiveDate(dto.effectiveFrom);
    const to = dto.effectiveTo === undefined ? null : effectiveDate(dto.effectiveTo);
    const events = appointChair({ type: 'AppointChair', data: { personId: person.id, role: dto.role, effectiveFrom: from, effectiveTo: to } }, group.state);
    await ctx.emit(group.stream, events, from);
  },
});

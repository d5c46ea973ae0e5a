import { JSONSchema } from 'class-validator-jsonschema';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { DATE_SCHEMA, PERSON_REF_SCHEMA, REF_SCHEMA } from '../shared/json-schema-fragments';
import { IsEffectiveDate, IsPersonRef, IsRef, type PersonRef } from '../shared/ref-validators';
import { endMembership } from './end-membership.decide';

export class EndMembershipDto {
  @JSONSchema(REF_SCHEMA) @IsRef()
  group!: string;

  @JSONSchema(PERSON_REF_SCHEMA) @IsPersonRef()
  person!: PersonRef;

  @JSONSchema({ ...DATE_SCHEMA, description: 'The first day the person no longer sits.' }) @IsEffectiveDate(false)
  effectiveFrom!: string;
}

export const endMembershipCommand = defineCommand({
  type: 'EndMembership',
  summary: 'End a membership: from effectiveFrom the person no longer sits in the group.',
  dto: EndMembershipDto,
  targetStream: async (dto, ctx) => (await ctx.group(dto.group, 'data.group')).stream,
  async execute(dto, ctx) {
    const group = await ctx.group(dto.group, 'data.group');
    const person = await ctx.person(dto.person, 'data.person', { registerIfNew: false });
    const from = effectiveDate(dto.effectiveFrom);
    await ctx.emit(group.stream, endMembership({ type: 'EndMembership', data: { personId: person.id, effectiveFrom: from } }, group.state), from);
  },
});

import { JSONSchema } from 'class-validator-jsonschema';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { DATE_OR_UNKNOWN_SCHEMA, PERSON_REF_SCHEMA, REF_SCHEMA } from '../shared/json-schema-fragments';
import { IsEffectiveDate, IsPersonRef, IsRef, type PersonRef } from '../shared/ref-validators';
import { SeatFieldsDto } from '../shared/seat-fields.dto';
import { appointMember } from './appoint-member.decide';

export class AppointMemberDto extends SeatFieldsDto {
  @JSONSchema(REF_SCHEMA) @IsRef()
  group!: string;

  @JSONSchema(PERSON_REF_SCHEMA) @IsPersonRef()
  person!: PersonRef;

  @JSONSchema(DATE_OR_UNKNOWN_SCHEMA) @IsEffectiveDate(true)
  effectiveFrom!: string;
}

export const appointMemberCommand = defineCommand({
  type: 'AppointMember',
  summary: 'Appoint a member to a group ("tillsätts som ny representant").',
  dto: AppointMemberDto,
  targetStream: async (dto, ctx) => (await ctx.group(dto.group, 'data.group')).stream,
  async execute(dto, ctx) {
    const group = await ctx.group(dto.group, 'data.group');
    const person = await ctx.person(dto.person, 'data.person', { registerIfNew: true });
    const representingId = await ctx.party(dto.representing, 'data.representing');
    const from = effectiveDate(dto.effectiveFrom);
    const seat = { role: dto.role ?? 'member', representingId, field: dto.field ?? null, title: dto.title ?? null };
    await ctx.emit(group.stream, appointMember({ type: 'AppointMember', data: { personId: person.id, seat, effectiveFrom: from } }, group.state), from);
  },
});

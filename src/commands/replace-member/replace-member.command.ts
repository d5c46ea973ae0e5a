import { JSONSchema } from 'class-validator-jsonschema';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { DATE_SCHEMA, PERSON_REF_SCHEMA, REF_SCHEMA } from '../shared/json-schema-fragments';
import { IsEffectiveDate, IsPersonRef, IsRef, type PersonRef } from '../shared/ref-validators';
import { SeatFieldsDto } from '../shared/seat-fields.dto';
import { replaceMember } from './replace-member.decide';

export class ReplaceMemberDto extends SeatFieldsDto {
  @JSONSchema(REF_SCHEMA) @IsRef()
  group!: string;

  @JSONSchema(PERSON_REF_SCHEMA) @IsPersonRef()
  outgoing!: PersonRef;

  @JSONSchema(PERSON_REF_SCHEMA) @IsPersonRef()
  incoming!: PersonRef;

  @JSONSchema(DATE_SCHEMA) @IsEffectiveDate(false)
  effectiveFrom!: string;
}

export const replaceMemberCommand = defineCommand({
  type: 'ReplaceMember',
  summary: 'Replace a member of a group ("X ersätter tidigare deltagare Y"); the incoming member takes over the seat.',
  dto: ReplaceMemberDto,
  targetStream: async (dto, ctx) => (await ctx.group(dto.group, 'data.group')).stream,
  async execute(dto, ctx) {
    const group = await ctx.group(dto.group, 'data.group');
    const outgoing = await ctx.person(dto.outgoing, 'data.outgoing', { registerIfNew: false });
    const incoming = await ctx.person(dto.incoming, 'data.incoming', { registerIfNew: true });
    const from = effectiveDate(dto.effectiveFrom);
    const seat = {
      ...(dto.role !== undefined && { role: dto.role }),
      ...(dto.representing !== undefined && { representingId: await ctx.party(dto.representing, 'data.representing') }),
      ...(dto.field !== undefined && { field: dto.field }),
      ...(dto.title !== undefined && { title: dto.title }),
    };
    const events = replaceMember({ type: 'ReplaceMember', data: { outgoingId: outgoing.id, incomingId: incoming.id, seat, effectiveFrom: from } }, group.state);
    await ctx.emit(group.stream, events, from);
  },
});

import { IsString, Length } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { foldPerson } from '../person/person.state';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { DATE_SCHEMA, PERSON_REF_SCHEMA, REF_SCHEMA } from '../shared/json-schema-fragments';
import { IsEffectiveDate, IsPersonRef, IsRef, type PersonRef } from '../shared/ref-validators';
import { recordAffiliation } from './record-affiliation.decide';
import { Optional } from '../shared/optional';

export class RecordAffiliationDto {
  @JSONSchema(PERSON_REF_SCHEMA) @IsPersonRef()
  person!: PersonRef;

  @JSONSchema({ ...REF_SCHEMA, description: 'The employer: a party slug, alias or id.' }) @IsRef()
  organisation!: string;

  @JSONSchema({ description: 'A part of the organisation, e.g. "Primärvårdsförvaltningen".' })
  @Optional() @IsString() @Length(1, 200)
  unit?: string;

  @Optional() @IsString() @Length(1, 200)
  title?: string;

  @JSONSchema({ ...DATE_SCHEMA, description: 'The date the source states it for; it holds until the next affiliation.' })
  @IsEffectiveDate(false)
  effectiveFrom!: string;
}

export const recordAffiliationCommand = defineCommand({
  type: 'RecordAffiliation',
  summary: "Record a person's title and employer as of a date.",
  dto: RecordAffiliationDto,
  targetStream: async (dto, ctx) => (await ctx.personStream(dto.person, 'data.person')).stream,
  async execute(dto, ctx) {
    const { stream, events } = await ctx.personStream(dto.person, 'data.person');
    const organisationId = (await ctx.party(dto.organisation, 'data.organisation')) as string;
    const from = effectiveDate(dto.effectiveFrom);
    const decided = recordAffiliation({ type: 'RecordAffiliation', data: { organisationId, unit: dto.unit ?? null, title: dto.title ?? null } }, foldPerson(events));
    await ctx.emit(stream, decided, from);
  },
});

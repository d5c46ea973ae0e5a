import { IsIn, IsString, Length, Matches } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { RuleViolation } from '../../domain/ledger-errors';
import { SLUG_PATTERN, slugify } from '../../domain/slug';
import { GROUP_KINDS, type GroupKind } from '../../events/group.events';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { DATE_OR_UNKNOWN_SCHEMA, REF_SCHEMA } from '../shared/json-schema-fragments';
import { IsEffectiveDate, IsRef } from '../shared/ref-validators';
import { establishGroup } from './establish-group.decide';
import { Optional } from '../shared/optional';

export class EstablishGroupDto {
  @IsString() @Length(1, 200)
  name!: string;

  @JSONSchema({ description: 'Permanent readable id; derived from the name when absent.' })
  @Optional() @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters and digits joined by "-"' }) @Length(1, 200)
  slug?: string;

  @IsIn(GROUP_KINDS)
  kind!: GroupKind;

  @JSONSchema(REF_SCHEMA)
  @Optional() @IsRef()
  parent?: string;

  @JSONSchema(DATE_OR_UNKNOWN_SCHEMA)
  @IsEffectiveDate(true)
  effectiveFrom!: string;
}

export const establishGroupCommand = defineCommand({
  type: 'EstablishGroup',
  summary: 'Establish a group (the leadership, a coordinating, steering, process or working group).',
  dto: EstablishGroupDto,
  targetStream: async (dto, ctx) => ctx.groupStreamFor(dto.slug ?? slugify(dto.name)).stream,
  async execute(dto, ctx) {
    const slug = dto.slug ?? slugify(dto.name);
    if (slug === '') throw new RuleViolation('name-needs-letters', 'The name gives no slug', [{ field: 'data.name', message: 'has no letters or digits' }]);
    const { id, stream, state } = await ctx.groupState(slug);
    const parentId = dto.parent === undefined ? null : (await ctx.group(dto.parent, 'data.parent')).id;
    const from = effectiveDate(dto.effectiveFrom);
    const events = establishGroup({ type: 'EstablishGroup', data: { groupId: id, slug, name: dto.name.trim(), kind: dto.kind, parentId, effectiveFrom: from } }, state);
    await ctx.emit(stream, events, from);
  },
});

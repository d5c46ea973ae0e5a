import { IsString, Length, Matches } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { idFromSlug, idOfRef, streamOf } from '../../domain/identity';
import { RuleViolation } from '../../domain/ledger-errors';
import { SLUG_PATTERN, slugify } from '../../domain/slug';
import { decideProject } from '../project/project.decider';
import { foldProject } from '../project/project.state';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { DATE_OR_UNKNOWN_SCHEMA, DATE_SCHEMA, REF_SCHEMA } from '../shared/json-schema-fragments';
import { IsEffectiveDate, IsRef } from '../shared/ref-validators';
import { Optional } from '../shared/optional';

export class StartProjectDto {
  @IsString() @Length(1, 300)
  name!: string;

  @JSONSchema({ description: 'Permanent readable id; derived from the name when absent.' })
  @Optional() @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters and digits joined by "-"' }) @Length(1, 200)
  slug?: string;

  @JSONSchema({ ...REF_SCHEMA, description: 'The party that runs it, when stated.' })
  @Optional() @IsRef()
  owner?: string;

  @JSONSchema({ ...DATE_OR_UNKNOWN_SCHEMA, description: 'When it started ("2023" for "sedan 2023"; "unknown" when not stated).' })
  @IsEffectiveDate(true)
  effectiveFrom!: string;

  @JSONSchema({ ...DATE_SCHEMA, description: 'Its last day as first planned, inclusive, when stated.' })
  @Optional() @IsEffectiveDate(false)
  plannedEnd?: string;
}

const slugOf = (dto: StartProjectDto) => dto.slug ?? slugify(dto.name);

export const startProjectCommand = defineCommand({
  type: 'StartProject',
  roles: ['clerk', 'finance'],
  summary: 'Record a project: its name, owner, start (possibly unknown) and planned end.',
  dto: StartProjectDto,
  targetStream: async (dto) => streamOf('project', idFromSlug('project', slugOf(dto))),
  async execute(dto, ctx) {
    const slug = slugOf(dto);
    if (slug === '') throw new RuleViolation('name-needs-letters', 'The name gives no slug', [{ field: 'data.name', message: 'has no letters or digits' }]);
    const projectId = idOfRef('project', slug);
    const stream = streamOf('project', projectId);
    const ownerId = await ctx.party(dto.owner, 'data.owner');
    const start = effectiveDate(dto.effectiveFrom);
    const plannedEnd = dto.plannedEnd === undefined ? null : effectiveDate(dto.plannedEnd);
    const data = { projectId, slug, name: dto.name.trim(), ownerId, start, plannedEnd };
    await ctx.emit(stream, decideProject({ type: 'StartProject', data }, foldProject(await ctx.streamEvents(stream))), start);
  },
});

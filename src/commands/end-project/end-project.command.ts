import { JSONSchema } from 'class-validator-jsonschema';
import { loadProject } from '../project/project-context';
import { decideProject } from '../project/project.decider';
import { effectiveDate } from '../shared/command-context';
import { defineCommand } from '../shared/command-definition';
import { DATE_SCHEMA, REF_SCHEMA } from '../shared/json-schema-fragments';
import { IsEffectiveDate, IsRef } from '../shared/ref-validators';

export class EndProjectDto {
  @JSONSchema(REF_SCHEMA) @IsRef()
  project!: string;

  @JSONSchema({ ...DATE_SCHEMA, description: 'The last day the project ran, inclusive.' })
  @IsEffectiveDate(false)
  lastDay!: string;
}

export const endProjectCommand = defineCommand({
  type: 'EndProject',
  roles: ['clerk', 'finance'],
  summary: 'Record that a project ended, with its last day.',
  dto: EndProjectDto,
  targetStream: async (dto, ctx) => (await loadProject(ctx, dto.project)).stream,
  async execute(dto, ctx) {
    const project = await loadProject(ctx, dto.project);
    const lastDay = effectiveDate(dto.lastDay);
    await ctx.emit(project.stream, decideProject({ type: 'EndProject', data: { lastDay } }, project.state), lastDay);
  },
});

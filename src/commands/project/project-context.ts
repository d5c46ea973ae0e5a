import { idOfRef, streamOf } from '../../domain/identity';
import type { CommandContext } from '../shared/command-context';
import { foldProject, type ProjectState } from './project.state';

/** The project named by slug or id, recorded or not (the decider says whether that is allowed). */
export async function loadProject(ctx: CommandContext, ref: string): Promise<{ id: string; stream: string; state: ProjectState }> {
  const id = idOfRef('project', ref);
  const stream = streamOf('project', id);
  return { id, stream, state: foldProject(await ctx.streamEvents(stream)) };
}

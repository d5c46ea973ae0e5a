import { idOfRef, streamOf } from '../../domain/identity';
import { RuleViolation } from '../../domain/ledger-errors';
import { foldProject } from '../project/project.state';
import type { CommandContext } from '../shared/command-context';
import { foldGrant, type GrantState } from './grant.state';

export interface LoadedGrant {
  readonly id: string;
  readonly stream: string;
  readonly state: GrantState;
}

/** The grant named by slug or id, registered or not (the decider says whether that is allowed). */
export async function loadGrant(ctx: CommandContext, ref: string): Promise<LoadedGrant> {
  const id = idOfRef('grant', ref);
  const stream = streamOf('grant', id);
  return { id, stream, state: foldGrant(await ctx.streamEvents(stream)) };
}

/** A started project's id; a RuleViolation naming `field` otherwise. Null when none is given. */
export async function existingProject(ctx: CommandContext, ref: string | undefined, field: string): Promise<string | null> {
  if (ref === undefined) return null;
  const id = idOfRef('project', ref);
  if (foldProject(await ctx.streamEvents(streamOf('project', id))).status === 'not-started') {
    throw new RuleViolation('project-must-exist', `No project "${ref}" is known to the ledger`, [{ field, message: 'unknown project' }]);
  }
  return id;
}

/** A registered grant's id, for references from other streams (a project's financing). */
export async function existingGrant(ctx: CommandContext, ref: string | undefined, field: string): Promise<string | null> {
  if (ref === undefined) return null;
  const grant = await loadGrant(ctx, ref);
  if (grant.state.status !== 'registered') throw new RuleViolation('grant-must-exist', `No grant "${ref}" is registered`, [{ field, message: 'unknown grant' }]);
  return grant.id;
}

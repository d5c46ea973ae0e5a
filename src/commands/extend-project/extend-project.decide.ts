import { earliestDay, latestDay } from '../../domain/effective-date';
import { RuleViolation } from '../../domain/ledger-errors';
import type { ProjectExtended } from '../../events/project.events';
import type { ExtendProjectCommand } from '../project/project.commands';
import { requireRunning } from '../project/project-rules';
import { currentEnd, type ProjectState } from '../project/project.state';

/** "Förlänga projektet … t o m 2026-12-31": a later last day, with how it is financed. */
export function extendProject(command: ExtendProjectCommand, state: ProjectState): ProjectExtended[] {
  const project = requireRunning(state);
  const { until, financing } = command.data;
  const previousEnd = currentEnd(project);
  if (latestDay(until) < earliestDay(project.start) || (previousEnd && latestDay(until) <= latestDay(previousEnd))) {
    throw new RuleViolation('extension-must-be-later', `An extension must run past the current end (${previousEnd?.date ?? project.start.date ?? 'unknown'})`, [
      { field: 'data.until', message: 'must be later than the current end' },
    ]);
  }
  return [{ type: 'ProjectExtended', data: { projectId: project.projectId, until, previousEnd, financing } }];
}

import { earliestDay, latestDay } from '../../domain/effective-date';
import { RuleViolation } from '../../domain/ledger-errors';
import type { ProjectStarted } from '../../events/project.events';
import type { StartProjectCommand } from '../project/project.commands';
import type { ProjectState } from '../project/project.state';

/** A project starts (its start may be unknown: "sedan 2023", or not stated at all). */
export function startProject(command: StartProjectCommand, state: ProjectState): ProjectStarted[] {
  if (state.status === 'started') throw new RuleViolation('project-exists', `The project ${state.slug} is already recorded`, [{ field: 'data.slug', message: 'already taken' }]);
  const { projectId, slug, name, ownerId, start, plannedEnd } = command.data;
  if (plannedEnd && latestDay(plannedEnd) < earliestDay(start)) {
    throw new RuleViolation('effective-date-order', `The project would end (${plannedEnd.date}) before it starts (${start.date})`, [{ field: 'data.plannedEnd', message: 'must not be before effectiveFrom' }]);
  }
  return [{ type: 'ProjectStarted', data: { projectId, slug, name, ownerId, plannedEnd } }];
}

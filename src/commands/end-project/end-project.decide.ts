import { earliestDay, latestDay } from '../../domain/effective-date';
import { RuleViolation } from '../../domain/ledger-errors';
import type { ProjectEnded } from '../../events/project.events';
import type { EndProjectCommand } from '../project/project.commands';
import { requireRunning } from '../project/project-rules';
import type { ProjectState } from '../project/project.state';

/** The project ends; its last day is not before its start. */
export function endProject(command: EndProjectCommand, state: ProjectState): ProjectEnded[] {
  const project = requireRunning(state);
  const { lastDay } = command.data;
  if (latestDay(lastDay) < earliestDay(project.start)) {
    throw new RuleViolation('effective-date-order', `The project started ${project.start.date}, after ${lastDay.date}`, [{ field: 'data.lastDay', message: 'must not be before the start' }]);
  }
  return [{ type: 'ProjectEnded', data: { projectId: project.projectId, lastDay } }];
}

import { RuleViolation } from '../../domain/ledger-errors';
import type { ProjectState, StartedProject } from './project.state';

/** A recorded project that has not ended. */
export function requireRunning(state: ProjectState): StartedProject {
  if (state.status !== 'started') throw new RuleViolation('project-must-exist', 'No such project is recorded', [{ field: 'data.project', message: 'unknown project' }]);
  if (state.ended) {
    throw new RuleViolation('project-ended', `The project ended on ${state.ended.lastDay.date}; revoke the end to change it`, [{ field: 'data.project', message: 'has ended' }]);
  }
  return state;
}

import type { ProjectEvent } from '../../events/project.events';
import { endProject } from '../end-project/end-project.decide';
import { extendProject } from '../extend-project/extend-project.decide';
import { startProject } from '../start-project/start-project.decide';
import type { ProjectCommand } from './project.commands';
import { evolveProject, initialProjectState, type ProjectState } from './project.state';

/** The project decider: `decide` only routes. */
export function decideProject(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  switch (command.type) {
    case 'StartProject':
      return startProject(command, state);
    case 'ExtendProject':
      return extendProject(command, state);
    case 'EndProject':
      return endProject(command, state);
    default:
      return assertNever(command);
  }
}

export const projectDecider = { decide: decideProject, evolve: evolveProject, initialState: initialProjectState };

function assertNever(value: never): never {
  throw new Error(`Unhandled command ${JSON.stringify(value)}`);
}

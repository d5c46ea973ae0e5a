import { UNKNOWN_DATE, type EffectiveDate } from '../../domain/effective-date';
import type { LedgerNewEvent } from '../../events/ledger-event';

/** What the project deciders need, folded from the project's stream; revoked entries drop out. */
export interface ProjectFacts {
  readonly startId: string;
  readonly projectId: string;
  readonly slug: string;
  readonly start: EffectiveDate;
  readonly plannedEnd: EffectiveDate | null;
  readonly extensions: readonly { readonly id: string; readonly until: EffectiveDate }[];
  readonly ended: { readonly id: string; readonly lastDay: EffectiveDate } | null;
}

export type ProjectState = { readonly status: 'not-started' } | ({ readonly status: 'started' } & ProjectFacts);
export type StartedProject = Extract<ProjectState, { status: 'started' }>;

export const initialProjectState = (): ProjectState => ({ status: 'not-started' });

/** The last day the project runs as recorded: its end, else its latest extension, else the planned end. */
export function currentEnd(project: ProjectFacts): EffectiveDate | null {
  return project.ended?.lastDay ?? project.extensions.at(-1)?.until ?? project.plannedEnd;
}

export function evolveProject(state: ProjectState, event: LedgerNewEvent): ProjectState {
  if (event.type === 'ProjectStarted') {
    const { projectId, slug, plannedEnd } = event.data;
    return { status: 'started', startId: event.id, projectId, slug, start: event.metadata.effectiveFrom ?? UNKNOWN_DATE, plannedEnd, extensions: [], ended: null };
  }
  if (state.status !== 'started') return state;
  switch (event.type) {
    case 'ProjectExtended':
      return { ...state, extensions: [...state.extensions, { id: event.id, until: event.data.until }] };
    case 'ProjectEnded':
      return { ...state, ended: { id: event.id, lastDay: event.data.lastDay } };
    case 'EventRevoked': {
      const target = event.data.targetEventId;
      if (target === state.startId) return { status: 'not-started' };
      return { ...state, extensions: state.extensions.filter((x) => x.id !== target), ended: state.ended?.id === target ? null : state.ended };
    }
    default:
      return state;
  }
}

export function foldProject(events: readonly LedgerNewEvent[]): ProjectState {
  return events.reduce(evolveProject, initialProjectState());
}

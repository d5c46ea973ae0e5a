import type { EffectiveDate } from '../../domain/effective-date';
import type { Financing } from '../../events/project.events';

export interface StartProjectCommand {
  readonly type: 'StartProject';
  readonly data: { readonly projectId: string; readonly slug: string; readonly name: string; readonly ownerId: string | null; readonly start: EffectiveDate; readonly plannedEnd: EffectiveDate | null };
}

export interface ExtendProjectCommand {
  readonly type: 'ExtendProject';
  readonly data: { readonly until: EffectiveDate; readonly financing: readonly Financing[] };
}

export interface EndProjectCommand {
  readonly type: 'EndProject';
  readonly data: { readonly lastDay: EffectiveDate };
}

export type ProjectCommand = StartProjectCommand | ExtendProjectCommand | EndProjectCommand;

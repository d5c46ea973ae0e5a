import { basisOf, type Basis } from '../domain/basis';
import { UNKNOWN_DATE, type EffectiveDate } from '../domain/effective-date';
import type { DecisionRef, SourceRef } from '../events/event-envelope';
import type { LedgerEvent } from '../events/ledger-event';
import type { Financing } from '../events/project.events';

/** Where an entry of a project came from: the event, its document and the decision behind it. */
export interface ProjectEntryRef {
  readonly event: string;
  readonly effectiveFrom: EffectiveDate | null;
  readonly decidedOn: string | null;
  readonly decision: DecisionRef | null;
  readonly source: SourceRef | null;
  /** Stated by the cited decision or source, or inferred (views stored before it had none: derive from source and decision). */
  readonly basis?: Basis;
}

export interface ProjectView {
  readonly projectId: string;
  readonly slug: string;
  readonly name: string;
  readonly ownerId: string | null;
  readonly start: EffectiveDate;
  readonly plannedEnd: EffectiveDate | null;
  readonly started: ProjectEntryRef;
  readonly extensions: readonly (ProjectEntryRef & { readonly until: EffectiveDate; readonly previousEnd: EffectiveDate | null; readonly financing: readonly Financing[] })[];
  readonly ended: (ProjectEntryRef & { readonly lastDay: EffectiveDate }) | null;
}

function refOf(event: LedgerEvent): ProjectEntryRef {
  const m = event.metadata;
  return { event: event.id, effectiveFrom: m.effectiveFrom, decidedOn: m.decidedOn, decision: m.decision ?? null, source: m.source, basis: basisOf(m) };
}

/** The project as its events (revocations included) leave it; null when it is not (or no longer) recorded. */
export function applyToProjectView(view: ProjectView | null, event: LedgerEvent): ProjectView | null {
  if (event.type === 'ProjectStarted') {
    const { projectId, slug, name, ownerId, plannedEnd } = event.data;
    return { projectId, slug, name, ownerId, start: event.metadata.effectiveFrom ?? UNKNOWN_DATE, plannedEnd, started: refOf(event), extensions: [], ended: null };
  }
  if (!view) return null;
  switch (event.type) {
    case 'ProjectExtended': {
      const { until, previousEnd, financing } = event.data;
      return { ...view, extensions: [...view.extensions, { ...refOf(event), until, previousEnd, financing }] };
    }
    case 'ProjectEnded':
      return { ...view, ended: { ...refOf(event), lastDay: event.data.lastDay } };
    case 'EventRevoked': {
      const target = event.data.targetEventId;
      if (target === view.started.event) return null;
      return { ...view, extensions: view.extensions.filter((x) => x.event !== target), ended: view.ended?.event === target ? null : view.ended };
    }
    default:
      return view;
  }
}

/** The last day as recorded: the end, else the latest extension, else the planned end; null when none is known. */
export function lastDayOf(view: ProjectView): EffectiveDate | null {
  return view.ended?.lastDay ?? view.extensions.at(-1)?.until ?? view.plannedEnd;
}

import type { Amount } from '../domain/money';
import type { EffectiveDate } from '../domain/effective-date';

/** Events of a project's stream (`project-<id>`). The decision behind each is metadata.decision. */

export interface ProjectStarted {
  readonly type: 'ProjectStarted';
  readonly data: {
    readonly projectId: string;
    readonly slug: string;
    readonly name: string;
    /** The party that runs it, when stated. */
    readonly ownerId: string | null;
    /** Last day as first planned (inclusive), null when not stated. Start is metadata.effectiveFrom. */
    readonly plannedEnd: EffectiveDate | null;
  };
}

/** How an extension is paid for: a description as printed, the grant if it is one the ledger holds, the amount. */
export interface Financing {
  readonly description: string;
  readonly grantId: string | null;
  readonly amount: Amount;
}

/** The project runs on to `until` (inclusive), financed as stated ("förlänga … t o m 2026-12-31"). */
export interface ProjectExtended {
  readonly type: 'ProjectExtended';
  readonly data: {
    readonly projectId: string;
    readonly until: EffectiveDate;
    /** The end it had before, null when it had none recorded. */
    readonly previousEnd: EffectiveDate | null;
    readonly financing: readonly Financing[];
  };
}

/** The project ended; `lastDay` is its last day, inclusive (also metadata.effectiveFrom). */
export interface ProjectEnded {
  readonly type: 'ProjectEnded';
  readonly data: { readonly projectId: string; readonly lastDay: EffectiveDate };
}

export type ProjectEvent = ProjectStarted | ProjectExtended | ProjectEnded;

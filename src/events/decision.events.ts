/**
 * Events of a decision's follow-up stream (`decision-<id>`, one per meeting item): what
 * happened to a decision after its meeting. They live outside the meeting's stream because
 * a signed-off protocol is not changed by what other forums later decide.
 */

/** A deferred decision was taken later: by e-mail (per capsulam) or in another forum. */
export interface DeferredDecisionRecorded {
  readonly type: 'DeferredDecisionRecorded';
  readonly data: {
    readonly meetingId: string;
    readonly item: string;
    /** "YYYY-MM-DD", or coarser when the source gives no day. */
    readonly decidedOn: string;
    readonly procedure: string;
    readonly forum: string | null;
    readonly text: string;
  };
}

/** One named party said yes to a decision that needs ratification. */
export interface RatificationRecorded {
  readonly type: 'RatificationRecorded';
  readonly data: {
    readonly meetingId: string;
    readonly item: string;
    readonly ratifier: string;
    readonly ratifiedOn: string;
    readonly forum: string | null;
  };
}

export type DecisionFollowUpEvent = DeferredDecisionRecorded | RatificationRecorded;

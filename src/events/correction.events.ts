/**
 * Corrections never edit: they are new events, appended to the stream of the event they
 * correct, so the stream's decider and every projection see them in order. A query with
 * `knownAt` before the correction still shows the old belief.
 */

/** The target event should never have been recorded (a wrong entry). */
export interface EventRevoked {
  readonly type: 'EventRevoked';
  readonly data: {
    readonly targetEventId: string;
    readonly targetType: string;
    readonly reason: string;
  };
}

/**
 * The target event's data was wrong; `correctedData` is its full replacement, of the same type
 * and shape. The correction's own `metadata.effectiveFrom` is the target's valid time after the
 * correction (so a seat's date can be corrected too). See `apply-corrections.ts`.
 */
export interface EventCorrected {
  readonly type: 'EventCorrected';
  readonly data: {
    readonly targetEventId: string;
    readonly targetType: string;
    readonly reason: string;
    readonly correctedData: unknown;
  };
}

export type CorrectionEvent = EventRevoked | EventCorrected;

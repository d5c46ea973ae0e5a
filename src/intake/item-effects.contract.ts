import type { Confidence, NameResolution, NotUnderstood, ProposedCommand, SourceLine, StatedAmount, IntakeDirectory } from './intake-result';

/**
 * The seam between the document reader (header, attendance, items) and the sentence grammar
 * (what a decision states: replacements, appointments, chairs, extensions, amounts, deferrals).
 */
export interface IntakeItem {
  /** "4.1" */
  readonly number: string;
  readonly title: string;
  readonly kind: 'information' | 'decision';
  /** Every line of the item after its heading, in order. */
  readonly lines: readonly SourceLine[];
  /** The decision text verbatim (joined, conversion line breaks mended), when the item has one. */
  readonly decisionText: string | null;
}

export interface EffectContext {
  readonly body: string;
  readonly meetingRef: string;
  readonly meetingDate: string;
  readonly documentTitle: string;
  readonly registryNumber: string | null;
  readonly directory: IntakeDirectory;
}

/** A proposal before it gets its id. */
export interface DraftProposal {
  readonly command: ProposedCommand;
  readonly summary: string;
  readonly item: string | null;
  readonly lines: readonly SourceLine[];
  readonly confidence: Confidence;
  readonly names: readonly NameResolution[];
  readonly notes: readonly string[];
}

export interface ItemEffects {
  readonly proposals: readonly DraftProposal[];
  readonly amounts: readonly StatedAmount[];
  readonly notUnderstood: readonly NotUnderstood[];
}

/**
 * What a protocol intake answers: proposed commands for a clerk to review, never events.
 * Pure data, shared by the grammar (src/intake/), the API (POST /intake/protocol), the CLI
 * (`ledger intake`) and the review page (src/web/review/).
 */

/** One line of the submitted text, 1-based, as it was written (trailing whitespace trimmed). */
export interface SourceLine {
  readonly line: number;
  readonly text: string;
}

/** `stated`: the protocol says it in so many words; `inferred`: read from context (the clerk should check). */
export type Confidence = 'stated' | 'inferred';

/** How a name in the text was matched against the people the ledger already knows. */
export type NameResolution =
  | { readonly kind: 'existing'; readonly name: string; readonly slug: string; readonly matchedBy: 'name' | 'slug' | 'alias' }
  | { readonly kind: 'new'; readonly name: string; readonly slug: string }
  | { readonly kind: 'ambiguous'; readonly name: string; readonly candidates: readonly { readonly slug: string; readonly name: string; readonly why: string }[] };

/** A command as POST /commands takes it. */
export interface ProposedCommand {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

export interface Proposal {
  /** Stable and deterministic within one result ("p1", "p2", ...): the review page's handle. */
  readonly id: string;
  readonly command: ProposedCommand;
  /** One Swedish sentence saying what committing it records. */
  readonly summary: string;
  /** The agenda item it came from, when it came from one. */
  readonly item: string | null;
  /** The source lines it was read from (at least one). */
  readonly lines: readonly SourceLine[];
  readonly confidence: Confidence;
  /** Every person the command names, and how each resolved. An ambiguous one must be picked before commit. */
  readonly names: readonly NameResolution[];
  /** What needs a clerk's judgement (Swedish). */
  readonly notes: readonly string[];
}

/** A kronor figure and what the text says it belongs to; finance records money, so this is a fact for review, not a command. */
export interface StatedAmount {
  /** Whole kronor as printed ("1 424 825 kr" → "1424825"); ören kept as a decimal ("12,50 kr" → "12.50"). */
  readonly kronor: string;
  readonly printed: string;
  /** The words the sentence ties it to ("planerade insatser för 2025"). */
  readonly belongsTo: string;
  readonly item: string | null;
  readonly lines: readonly SourceLine[];
}

/** Text the grammar could not read: never dropped silently. */
export interface NotUnderstood {
  readonly item: string | null;
  readonly lines: readonly SourceLine[];
  readonly reason: string;
}

export interface IntakeMeeting {
  /** The meeting id the proposals use ("<body>-<date>"). */
  readonly ref: string;
  readonly body: string;
  readonly date: string;
  readonly title: string;
  readonly place: string | null;
  readonly registryNumber: string | null;
}

export interface IntakeResult {
  readonly meeting: IntakeMeeting;
  readonly proposals: readonly Proposal[];
  readonly amounts: readonly StatedAmount[];
  readonly notUnderstood: readonly NotUnderstood[];
  /** Counts for a summary line: proposals by command type, ambiguous names, not-understood passages. */
  readonly counts: { readonly proposals: Record<string, number>; readonly ambiguous: number; readonly notUnderstood: number };
}

/** What the ledger already knows, for resolving names; the caller reads it from the read models. */
export interface KnownPerson {
  readonly slug: string;
  readonly name: string;
  /** Other spellings the ledger has seen for this person. */
  readonly aliases: readonly string[];
  /** The employer (party slug) and title the ledger has for the person now, when the caller knows it: a protocol stating the same again proposes no new affiliation. */
  readonly affiliation?: { readonly organisation: string; readonly title?: string | null };
}

export interface KnownNamed {
  readonly slug: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

export interface IntakeDirectory {
  readonly people: readonly KnownPerson[];
  readonly groups: readonly KnownNamed[];
  readonly parties: readonly KnownNamed[];
}

/** A protocol the grammar refuses as a whole: no meeting date, not a protocol at all. Answered 422 naming `field`. */
export class UnreadableProtocol extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

import type { EventMetadata, SourceRef } from '../events/event-envelope';

/**
 * Why the ledger holds a fact: a source says it (`stated`, with the document and item that
 * say it, and the words where the command gave them), or the transcriber concluded it
 * (`inferred`, with the reasoning). Every fact row of a read model carries one.
 */
export type Basis =
  | { kind: 'stated'; sources: { document: string; item?: string; quote?: string }[] }
  | { kind: 'inferred'; reasoning: string };

/** What a command says about its basis (`metadata.basis`, or one field's in `metadata.fieldBasis`), as stored on the event. */
export interface BasisClaim {
  readonly kind: 'stated' | 'inferred';
  /** The words of the source (stated). */
  readonly quote?: string;
  /** Why it is concluded (inferred); the source's note when absent. */
  readonly reasoning?: string;
  /** The source's item when it differs from the command's `source.item` (e.g. an attendance list). */
  readonly item?: string;
  /**
   * Days on which a source shows the fact holding (a protocol listing the person as in office),
   * whatever the start or end: on those days the fact is not uncertain.
   */
  readonly attestedOn?: readonly string[];
}

export type BasisMetadata = Pick<EventMetadata, 'source' | 'decision'> & {
  readonly basis?: BasisClaim | null;
  readonly fieldBasis?: Readonly<Record<string, BasisClaim>> | null;
};

const NO_SOURCE = 'No source is cited for it.';

function stated(source: SourceRef | null, item: string | undefined, quote: string | undefined): Basis {
  const entry = { document: source?.document ?? '(document not named)', ...(item !== undefined && { item }), ...(quote !== undefined && { quote }) };
  return { kind: 'stated', sources: [entry] };
}

function fromClaim(claim: BasisClaim, meta: BasisMetadata): Basis {
  if (claim.kind === 'inferred') return { kind: 'inferred', reasoning: claim.reasoning ?? meta.source?.note ?? NO_SOURCE };
  return stated(meta.source, claim.item ?? meta.decision?.item ?? meta.source?.item, claim.quote);
}

/**
 * The basis of what an event records, or of one of its fields. An explicit claim on the event
 * wins. Events recorded before claims existed get a derived one: a cited decision (meeting
 * and item) or a cited item without a note is stated there; a note means the transcriber
 * had to reason, so it is inferred with the note as reasoning; no source at all is inferred.
 */
export function basisOf(meta: BasisMetadata, field?: string): Basis {
  const claim = (field !== undefined ? meta.fieldBasis?.[field] : undefined) ?? meta.basis ?? null;
  if (claim) return fromClaim(claim, meta);
  const source = meta.source;
  if (meta.decision) return stated(source, meta.decision.item, undefined);
  if (source?.note) return { kind: 'inferred', reasoning: source.note };
  if (source?.document) return stated(source, source.item, undefined);
  return { kind: 'inferred', reasoning: NO_SOURCE };
}

/**
 * For facts a document prints as such whatever the transcriber noted (a meeting's date, an
 * attendance list): stated by the document (at `item`) unless the event claims otherwise.
 */
export function documentBasisOf(meta: BasisMetadata, item: string | undefined, field?: string): Basis {
  const claimed = (field !== undefined ? meta.fieldBasis?.[field] : undefined) ?? meta.basis;
  if (claimed || !meta.source?.document) return basisOf(meta, field);
  return stated(meta.source, item ?? meta.source.item, undefined);
}

/** The days the event's claim (or a field's) says a source attests the fact. */
export function attestedDaysOf(meta: BasisMetadata, field?: string): string[] {
  const claim = (field !== undefined ? meta.fieldBasis?.[field] : undefined) ?? meta.basis;
  return [...(claim?.attestedOn ?? [])].sort();
}

/** A fact no source gives at all: unknown, with the reason. */
export const unknownBasis = (reasoning: string): Basis => ({ kind: 'inferred', reasoning });

export const isInferred = (b: Basis): b is Extract<Basis, { kind: 'inferred' }> => b.kind === 'inferred';

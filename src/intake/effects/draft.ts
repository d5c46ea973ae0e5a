import { slugify as slugOfName } from '../../domain/slug';
import type { DraftProposal, EffectContext, IntakeItem } from '../item-effects.contract';
import type { Confidence, NameResolution, NotUnderstood, StatedAmount } from '../intake-result';
import type { Sentence } from './sentences';

/** The dataset's commandId prefix (data/kalmar/*.json): `kalmar:<date>:item<N>:…`. */
export const COMMAND_ID_PREFIX = 'kalmar';

/**
 * What one phrase family read from an item: the sentences it used (by index) and what they state.
 * Sentences no family used are checked for decisions the grammar missed.
 */
export interface Reading {
  readonly used: readonly number[];
  readonly proposals?: readonly DraftProposal[];
  readonly amounts?: readonly StatedAmount[];
  /** Read, but nothing to propose: said to the clerk (never dropped). */
  readonly remarks?: readonly NotUnderstood[];
}

export type PhraseFamily = (sentences: readonly Sentence[], item: IntakeItem, ctx: EffectContext) => Reading[];

/**
 * The item number the dataset uses in membership and chair commandIds and in `source.item`: the
 * number printed in the protocol ("4"), not the number of the point under it ("4.1"), which
 * `metadata.decision.item` carries (data/kalmar/03..06).
 */
export function printedItem(item: IntakeItem): string {
  return item.number.split('.')[0] ?? item.number;
}

export function commandId(ctx: EffectContext, itemPart: string, suffix: string): string {
  return `${COMMAND_ID_PREFIX}:${ctx.meetingDate}:item${itemPart}:${suffix}`;
}

export function sourceOf(ctx: EffectContext, item: string, note: string): Record<string, unknown> {
  return {
    document: ctx.documentTitle,
    item,
    ...(ctx.registryNumber !== null && { registryNumber: ctx.registryNumber }),
    note,
  };
}

export function decisionOf(ctx: EffectContext, item: IntakeItem): Record<string, unknown> {
  return { meeting: ctx.meetingRef, item: item.number };
}

export function linesOf(sentences: readonly Sentence[], used: readonly number[]): Sentence['lines'] {
  const seen = new Map<number, Sentence['lines'][number]>();
  for (const i of used) for (const l of sentences[i]?.lines ?? []) seen.set(l.line, l);
  return [...seen.values()].sort((a, b) => a.line - b.line);
}

export function draft(parts: {
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  summary: string;
  item: IntakeItem;
  lines: Sentence['lines'];
  confidence: Confidence;
  names: readonly NameResolution[];
  notes: readonly string[];
}): DraftProposal {
  return {
    command: { type: parts.type, data: parts.data, metadata: parts.metadata },
    summary: parts.summary,
    item: parts.item.number,
    lines: parts.lines,
    confidence: parts.confidence,
    names: parts.names,
    notes: parts.notes,
  };
}

/** The slug a person's commandId uses, and the name the command carries. */
export function personKey(resolution: NameResolution): { slug: string; name: string } {
  switch (resolution.kind) {
    case 'existing':
    case 'new':
      return { slug: resolution.slug, name: resolution.name };
    case 'ambiguous':
      return { slug: slugOfName(resolution.name), name: resolution.name };
  }
}

/** The notes every proposal naming people carries when a name is not settled. */
export function nameNotes(names: readonly NameResolution[]): string[] {
  return names.flatMap((n) => {
    if (n.kind === 'ambiguous') return [`Namnet "${n.name}" kan avse flera personer (${n.candidates.map((c) => c.name).join(', ')}): välj rätt person innan du sparar.`];
    if (n.kind === 'existing' && n.matchedBy === 'alias') return [`"${n.name}" känns igen via en annan stavning i registret.`];
    return [];
  });
}

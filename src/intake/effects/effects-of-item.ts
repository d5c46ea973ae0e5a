import type { EffectContext, IntakeItem, ItemEffects } from '../item-effects.contract';
import type { NotUnderstood } from '../intake-result';
import { readAmounts } from './amounts';
import { readAppointments } from './appointment';
import { readChairs, readChairTerms } from './chair';
import { readDeferrals } from './deferred';
import type { PhraseFamily, Reading } from './draft';
import { readGroupExtensions } from './extension';
import { readFormalities } from './formalities';
import { readProjectExtensions } from './project';
import { readReplacements } from './replacement';
import { sentencesOf } from './sentences';

/** Every phrase family, in the order their proposals are listed. */
const FAMILIES: readonly PhraseFamily[] = [
  readChairs,
  readChairTerms,
  readFormalities,
  readReplacements,
  readAppointments,
  readGroupExtensions,
  readProjectExtensions,
  readDeferrals,
  readAmounts,
];

/** A sentence that speaks of a decision of this meeting: "beslutar", "Beslut:", "beslutas", "beslut fattas". Reports of earlier decisions ("beslutades") are history. */
const SPEAKS_OF_DECISION = /\bbeslut(?:ar|as|et)?\b/iu;

const INTRODUCES_POINTS = /\bbeslutar\s+att:?$/iu;

/**
 * What an item's text states, as proposed commands, kronor figures and passages not understood.
 * Pure: the item and the directory in, the effects out. A sentence that speaks of a decision and
 * that no family read is listed as not understood, never dropped.
 */
export function effectsOfItem(item: IntakeItem, ctx: EffectContext): ItemEffects {
  const sentences = sentencesOf(item.lines);
  const readings: Reading[] = FAMILIES.flatMap((family) => family(sentences, item, ctx));
  const used = new Set(readings.flatMap((r) => r.used));
  const decisions = new Set(sentences.flatMap((s, i) => (SPEAKS_OF_DECISION.test(s.text) ? [i] : [])));
  // "… beslutar att" followed by list points: the points are the decisions; the opening is read when one of them is.
  sentences.forEach((s, i) => {
    if (!INTRODUCES_POINTS.test(s.text)) return;
    const points: number[] = [];
    for (let j = i + 1; j < sentences.length && sentences[j]!.bullet; j++) points.push(j);
    points.forEach((j) => decisions.add(j));
    if (points.some((j) => used.has(j))) used.add(i);
  });
  const missed: NotUnderstood[] = sentences.flatMap((s, i) =>
    used.has(i) || !decisions.has(i)
      ? []
      : [{ item: item.number, lines: s.lines, reason: 'Meningen talar om ett beslut, men ingen regel känner igen vad beslutet innebär (inget förslag gjordes).' }],
  );
  return {
    proposals: readings.flatMap((r) => r.proposals ?? []),
    amounts: readings.flatMap((r) => r.amounts ?? []),
    notUnderstood: [...readings.flatMap((r) => r.remarks ?? []), ...missed].sort((a, b) => (a.lines[0]?.line ?? 0) - (b.lines[0]?.line ?? 0)),
  };
}

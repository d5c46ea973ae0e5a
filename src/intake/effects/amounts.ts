import type { StatedAmount } from '../intake-result';
import type { PhraseFamily, Reading } from './draft';
import { kronorIn, type Kronor } from './kronor';

/**
 * Kronor figures and what the sentence ties each to. Finance records money, so a figure is a fact
 * for review, not a command. The rules, in order:
 *   table row "| <label> | 4 000 000 kr |"            → the label
 *   "<NP> [som] (totalt) uppgår till N kr"             → NP ("planerade insatser för 2025")
 *   "<NP> till en summa av N kr" / "<NP> om N kr"      → NP ("länsgemensamma stimulansmedel")
 *   "N kr av <NP>"                                     → NP up to its head noun ("de kvarvarande länsgemensamma medlen")
 *   "N kr till <NP>"                                   → NP ("respektive part")
 *   otherwise                                          → the clause around the figure
 * The figures are not used up: a decision sentence with a figure is still read by the other families.
 */
export const readAmounts: PhraseFamily = (sentences, item) =>
  sentences.flatMap((sentence): Reading[] => {
    const text = plain(sentence.text);
    const amounts: StatedAmount[] = kronorIn(text).map((k) => ({
      kronor: k.kronor,
      printed: k.printed,
      belongsTo: belongsTo(text, k),
      item: item.number,
      lines: sentence.lines,
    }));
    return amounts.length === 0 ? [] : [{ used: [], amounts }];
  });

/** Markdown the conversions left: "**bold**", "[text](#)". */
function plain(text: string): string {
  return text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
}


function belongsTo(text: string, k: Kronor): string {
  const before = text.slice(0, k.index).trimEnd();
  const after = text.slice(k.index + k.printed.length).trimStart();
  const row = /^\|\s*(?:[-–•]\s*)?([^|]+?)\s*\|\s*$/.exec(before);
  if (row) return row[1]!;
  const totals = /^(.*?)(?:\s+som)?\s+(?:totalt\s+|sammanlagt\s+)?uppgår\s+till$/iu.exec(before);
  if (totals) return lastNounPhrase(totals[1]!);
  const sum = /^(.*?)\s+(?:till\s+en\s+summa\s+av|på\s+totalt|på|om)$/iu.exec(before);
  if (sum) return lastNounPhrase(sum[1]!);
  const of = /^av\s+([^.,;]+)/iu.exec(after);
  if (of) return upToHeadNoun(of[1]!);
  const to = /^till\s+([^.,;]+)/iu.exec(after);
  if (to) return to[1]!.trim();
  return clauseAround(text, k);
}

/** The words after the last verb or clause start: "Kopplade till dessa områden finns planerade insatser för 2025" → "planerade insatser för 2025". */
function lastNounPhrase(text: string): string {
  const parts = text.split(/[,;:]\s*|\s+(?:finns|är|har|fått|får|erhållit|erhålla|beviljats|avsatts|avsätts|budgeterats|där|som|att)\s+/iu);
  return (parts.at(-1) ?? text).trim();
}

/** A noun phrase ends at its head, the first definite noun after its first word ("medlen", "kommunerna"). */
function upToHeadNoun(text: string): string {
  const words = text.trim().split(/\s+/);
  const head = words.findIndex((w, i) => i > 0 && /(?:en|na|et)$/iu.test(w) && !/(?:de|ma|ga|ra)$/iu.test(w));
  return (head >= 0 ? words.slice(0, head + 1) : words).join(' ');
}

function clauseAround(text: string, k: Kronor): string {
  const start = Math.max(text.lastIndexOf(',', k.index) + 1, text.lastIndexOf('. ', k.index) + 1, 0);
  const endComma = text.indexOf(',', k.index + k.printed.length);
  const endStop = text.indexOf('.', k.index + k.printed.length);
  const ends = [endComma, endStop].filter((e) => e >= 0);
  const end = ends.length > 0 ? Math.min(...ends) : text.length;
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

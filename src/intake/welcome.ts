import { PERSON_NAME } from './person-phrase';

export interface Welcomer {
  readonly name: string;
  /** "ordförande" / "vice ordförande" when the text says so. */
  readonly role: 'chair' | 'vice-chair' | null;
  /** "planeringsdirektör i region Kalmar län" */
  readonly description: string;
}

const WELCOMER = new RegExp(String.raw`(?:\b((?:[Vv]ice\s+)?[Oo]rdförande)\s+)?(${PERSON_NAME}),\s+(.+?)(?=,?\s+och\s+(?:(?:[Vv]ice\s+)?[Oo]rdförande\s+)?\p{Lu}|,?\s+hälsade\b)`, 'gu');

/**
 * Who opened the meeting: "Vice ordförande Sofia Hartz, planeringsdirektör Region Kalmar län, hälsade
 * ledamöter … välkomna", "Sofia Hartz, …, och Anna Hasselbom Trofast, socialchef i Borgholms kommun hälsade …".
 */
export function readWelcomers(text: string): Welcomer[] {
  const at = text.search(/\bhälsade\b/u);
  if (at < 0) return [];
  const sentence = text.slice(0, at + 'hälsade'.length);
  return [...sentence.matchAll(WELCOMER)].map((m) => ({
    name: m[2]!.replace(/\s+/g, ' '),
    role: m[1] === undefined ? null : /^vice/i.test(m[1]) ? 'vice-chair' : 'chair',
    description: m[3]!.trim(),
  }));
}

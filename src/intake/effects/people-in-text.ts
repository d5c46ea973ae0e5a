import type { EffectContext } from '../item-effects.contract';
import type { NameResolution } from '../intake-result';
import { resolveNamed, resolvePerson } from '../resolve-names';

/** A person's name as the protocols print it: two to four capitalised words, hyphens allowed ("Lise-Lotte Månsson"). */
const WORD = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*`;
export const NAME = String.raw`${WORD}(?:[ \t]+${WORD}){1,3}`;

export interface PrintedPerson {
  readonly name: string;
  /** What follows the name ("verksamhetschef i Borgholms kommun"), when anything does. */
  readonly description: string | null;
}

export interface Described {
  readonly title: string | null;
  /** The employer, when the description ends with a party the ledger knows. */
  readonly organisation: string | null;
  readonly unit: string | null;
}

/**
 * "A, titel, och B, titel" / "A och B" / "A, titel": the people a clause names, in order. A capitalised
 * run of words starts a new person only where it stands alone between commas or "och" and is not
 * a party ("Kalmarsunds Gymnasieförbund" is an employer, not a person).
 */
export function peopleIn(text: string, ctx: EffectContext): PrintedPerson[] {
  const clause = text.trim().replace(/[.;]+$/, '');
  const starts: { index: number; end: number; name: string }[] = [];
  const re = new RegExp(String.raw`(?:^|,\s*och\s+|\s+och\s+|,\s*)(${NAME})(?=\s*,|\s+och\s|\s*$)`, 'gu');
  for (let m = re.exec(clause); m; m = re.exec(clause)) {
    const name = m[1]!;
    if (isParty(name, ctx)) continue;
    const index = m.index + m[0].length - name.length;
    starts.push({ index, end: index + name.length, name });
  }
  return starts.map((s, i) => {
    const next = starts[i + 1];
    const rest = clause.slice(s.end, next ? next.index : clause.length).replace(/^\s*,\s*/, '').replace(/,?\s*(?:och\s*)?$/, '').trim();
    return { name: s.name, description: rest === '' ? null : rest };
  });
}

function isParty(text: string, ctx: EffectContext): boolean {
  return resolveNamed(text, ctx.directory.parties).kind === 'existing';
}

const UNIT_FIRST = /^(?:regionstab(?:en)?|stab(?:en)?|enhet(?:en)?|avdelning(?:en)?|\S*förvaltning(?:en)?)\b/i;

/**
 * Title, employer and unit of "verksamhetschef i Borgholms kommun", "central vårdkoordinator,
 * Primärvårdsförvaltningen RKL", "regionstab samordning hälso- och sjukvård och kontaktperson för …".
 * The title keeps acronyms and area names ("verksamhetschef HSL", "… vårdval Psykisk hälsa") and
 * lower-cases the rest, as the dataset does.
 */
export function describe(description: string | null, ctx: EffectContext): Described {
  if (description === null) return { title: null, organisation: null, unit: null };
  let text = description.trim().replace(/[.;]+$/, '');
  let organisation: string | null = null;
  let unit: string | null = null;
  const comma = text.lastIndexOf(',');
  const tail = comma >= 0 ? orgAtEnd(text.slice(comma + 1).trim(), ctx, true) : null;
  if (tail) {
    organisation = tail.organisation;
    unit = tail.unit;
    text = text.slice(0, comma).trim();
  } else {
    const end = orgAtEnd(text, ctx, false);
    if (end) {
      organisation = end.organisation;
      unit = end.unit;
      text = end.before;
    }
  }
  text = text.replace(/\s+(?:i|vid|på|inom)$/i, '').trim();
  if (UNIT_FIRST.test(text)) {
    const split = /^(.*?[^-])\s+och\s+(.+)$/.exec(text);
    if (split) {
      unit = unit ?? split[1]!;
      text = split[2]!;
    }
  }
  return { title: text === '' ? null : lowerTitle(text, ctx), organisation, unit };
}

/** The longest run of last words that is a party the ledger knows; words before it in the same part are a unit. */
function orgAtEnd(text: string, ctx: EffectContext, wholePart: boolean): { organisation: string; unit: string | null; before: string } | null {
  const words = text.split(/\s+/);
  for (let k = Math.min(4, words.length); k >= 1; k--) {
    if (!wholePart && k === words.length) continue;
    const suffix = words.slice(words.length - k).join(' ');
    const found = resolveNamed(suffix, ctx.directory.parties);
    if (found.kind !== 'existing') continue;
    const before = words.slice(0, words.length - k).join(' ').replace(/\s+(?:i|vid|på)$/i, '');
    if (wholePart) return { organisation: found.slug, unit: before === '' ? null : before, before: '' };
    return { organisation: found.slug, unit: null, before };
  }
  return null;
}

function lowerTitle(title: string, ctx: EffectContext): string {
  const keep: [number, number][] = [];
  for (const group of ctx.directory.groups) {
    const area = group.name.replace(/^(?:samordnande\s+grupp|styrgrupp|processgrupp|arbetsgrupp)\s+/i, '');
    if (area === group.name) continue;
    const at = title.toLowerCase().indexOf(area.toLowerCase());
    if (at >= 0) keep.push([at, at + area.length]);
  }
  return title.replace(/\p{L}[\p{L}-]*/gu, (word, offset: number) =>
    keep.some(([a, b]) => offset >= a && offset < b) || !/^\p{Lu}\p{Ll}/u.test(word) || /\p{Lu}/u.test(word.slice(1)) ? word : word.toLowerCase(),
  );
}

export interface ResolvedPerson {
  readonly printed: PrintedPerson;
  readonly resolution: NameResolution;
  readonly described: Described;
}

export function resolvePrinted(printed: PrintedPerson, ctx: EffectContext): ResolvedPerson {
  return { printed, resolution: resolvePerson(printed.name, ctx.directory.people), described: describe(printed.description, ctx) };
}

import { slugify } from '../domain/slug';
import type { KnownNamed, KnownPerson, NameResolution } from './intake-result';

/**
 * Matching the names a protocol prints against what the ledger knows. Deterministic rules, tried
 * in order; the first rule that finds anyone decides:
 *
 * People (`resolvePerson`)
 *   1. the same name (case and spacing aside)                    → existing, matchedBy "name"
 *   2. the same slug (diacritics aside: "Katrín" = "Katrin")     → existing, matchedBy "slug"
 *   3. the same slug as one of a person's aliases                → existing, matchedBy "alias"
 *   (several people at one of these steps → ambiguous)
 *   4. a partial or garbled name is never taken as a match on its own: every person it could mean is
 *      a candidate, and the clerk picks (ambiguous, even with one candidate):
 *        - the printed words are the first words of a known name ("Sofia" → every Sofia,
 *          "Katarina Nilsson" → "Katarina Nilsson Ederam"),
 *        - same first and last name, a middle name added or missing ("Lena Hellberg"),
 *        - same surname and initial ("S. Hartz", "S Hartz"),
 *        - one letter off in a name of at least eight letters ("Karin Jilkn").
 *   5. nobody                                                     → new, with the slugified name.
 *
 * Groups and parties (`resolveNamed`): name, slug, alias as above, then the conversion damage the
 * seeds show ("samordnade grupp", "Läns gemensam", "grupper", "Psykisk Hälsa"), then the name without
 * its kind ("äldre" → "Samordnande grupp Äldre").
 */
export function resolvePerson(printed: string, people: readonly KnownPerson[]): NameResolution {
  const name = tidy(printed);
  const slug = slugify(name);
  const exact = pick(people, [
    ['name', (p) => tidy(p.name).toLowerCase() === name.toLowerCase()],
    ['slug', (p) => p.slug === slug || slugify(p.name) === slug],
    ['alias', (p) => p.aliases.some((a) => slugify(a) === slug)],
  ]);
  if (exact) {
    if (exact.found.length === 1) {
      const person = exact.found[0]!;
      return { kind: 'existing', name: person.name, slug: person.slug, matchedBy: exact.by };
    }
    return { kind: 'ambiguous', name, candidates: exact.found.map((p) => ({ slug: p.slug, name: p.name, why: `samma ${WHY_EXACT[exact.by]}` })) };
  }
  const candidates = people.flatMap((p) => {
    const why = looselyMatches(name, p);
    return why ? [{ slug: p.slug, name: p.name, why }] : [];
  });
  if (candidates.length > 0) return { kind: 'ambiguous', name, candidates };
  return { kind: 'new', name, slug };
}

const WHY_EXACT = { name: 'namn', slug: 'namn (bortsett från accenter)', alias: 'alias' } as const;

function looselyMatches(name: string, person: KnownPerson): string | null {
  const spellings = [person.name, ...person.aliases];
  for (const spelling of spellings) {
    const known = words(spelling);
    const printed = words(name);
    if (printed.length === 0 || known.length === 0) continue;
    if (printed.length < known.length && printed.every((w, i) => w === known[i])) return `namnet börjar som ${spelling}`;
    if (printed.length >= 2 && known.length >= 2 && printed.length !== known.length && printed[0] === known[0] && printed.at(-1) === known.at(-1)) {
      return `samma för- och efternamn som ${spelling}`;
    }
    const initial = /^(\p{L})\.?$/u.exec(name.split(/\s+/)[0] ?? '');
    if (initial && printed.length >= 2 && printed.at(-1) === known.at(-1) && known[0]!.startsWith(slugify(initial[1]!))) {
      return `samma efternamn och initial som ${spelling}`;
    }
    const a = slugify(name).replace(/-/g, '');
    const b = slugify(spelling).replace(/-/g, '');
    if (Math.min(a.length, b.length) >= 8 && withinOneEdit(a, b)) return `stavas nästan som ${spelling}`;
  }
  return null;
}

export type NamedResolution =
  | { readonly kind: 'existing'; readonly slug: string; readonly name: string; readonly matchedBy: 'name' | 'slug' | 'alias' | 'mended' | 'short name' }
  | { readonly kind: 'ambiguous'; readonly text: string; readonly candidates: readonly { readonly slug: string; readonly name: string }[] }
  | { readonly kind: 'unknown'; readonly text: string; readonly slug: string };

export function resolveNamed(printed: string, known: readonly KnownNamed[]): NamedResolution {
  const text = tidy(printed).replace(/^(?:den|de|det)\s+/i, '').replace(/[.,;:]+$/, '');
  const slug = slugify(text);
  const key = mendedKey(text);
  const spellings = (n: KnownNamed) => [n.name, ...n.aliases];
  const hit = pick(known, [
    ['name', (n) => tidy(n.name).toLowerCase() === text.toLowerCase()],
    ['slug', (n) => n.slug === slug || slugify(n.name) === slug],
    ['alias', (n) => n.aliases.some((a) => slugify(a) === slug)],
    ['mended', (n) => mendedKey(n.slug) === key || spellings(n).some((s) => mendedKey(s) === key)],
    ['short name', (n) => spellings(n).some((s) => { const short = withoutKind(s); return short !== null && mendedKey(short) === key; })],
  ]);
  if (!hit) return { kind: 'unknown', text, slug };
  if (hit.found.length === 1) {
    const one = hit.found[0]!;
    return { kind: 'existing', slug: one.slug, name: one.name, matchedBy: hit.by };
  }
  return { kind: 'ambiguous', text, candidates: hit.found.map((n) => ({ slug: n.slug, name: n.name })) };
}

/** The words a group's kind adds to its name: "Samordnande grupp Äldre" → "Äldre". */
const KIND_WORDS = /^(?:samordnande|samordnade)\s+grupp(?:en)?\s+|^(?:styrgrupp|processgrupp|arbetsgrupp)(?:en)?\s+/i;

function withoutKind(name: string): string | null {
  const short = name.replace(KIND_WORDS, '');
  return short === name || short.trim() === '' ? null : short;
}

/** Slug without dashes, with the damage the PDF conversions show mended. */
function mendedKey(text: string): string {
  return slugify(text)
    .split('-')
    .map((w) => DAMAGED_WORDS[w] ?? w)
    .join('');
}

const DAMAGED_WORDS: Readonly<Record<string, string>> = {
  samordnade: 'samordnande',
  grupper: 'grupp',
  gruppen: 'grupp',
  grupperna: 'grupp',
};

function pick<T, By extends string>(items: readonly T[], rules: readonly (readonly [By, (item: T) => boolean])[]): { by: By; found: T[] } | null {
  for (const [by, test] of rules) {
    const found = items.filter(test);
    if (found.length > 0) return { by, found };
  }
  return null;
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function words(name: string): string[] {
  return name.split(/\s+/).map(slugify).filter((w) => w !== '');
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const [x, y] = [a.slice(i), b.slice(i)];
  return x.slice(1) === y.slice(1) || x.slice(1) === y || x === y.slice(1);
}

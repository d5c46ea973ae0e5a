import type { KnownNamed } from './intake-result';
import { slugify } from '../domain/slug';

/** Names compared as slugs, so case, diacritics and spacing do not matter ("region Kalmar län" = "Region Kalmar län"). */
function key(text: string): string {
  return slugify(text);
}

export interface PartyMatch {
  readonly slug: string;
  /** The words as printed. */
  readonly printed: string;
  readonly matchedBy: 'name' | 'slug' | 'alias';
}

/** A registered party named exactly by `text` (name, slug or alias). */
export function resolveParty(text: string, parties: readonly KnownNamed[]): PartyMatch | null {
  const k = key(text);
  if (k === '') return null;
  for (const p of parties) if (key(p.name) === k) return { slug: p.slug, printed: text.trim(), matchedBy: 'name' };
  for (const p of parties) if (p.slug === k) return { slug: p.slug, printed: text.trim(), matchedBy: 'slug' };
  for (const p of parties) if (p.aliases.some((a) => key(a) === k)) return { slug: p.slug, printed: text.trim(), matchedBy: 'alias' };
  return null;
}

/**
 * A party named by the last words of `text` ("analytiker Region Kalmar län" → region-kalmar-lan, "before" =
 * "analytiker"); the longest such ending wins, so "Kommunförbundet i Kalmar län" is not read as "Kalmar län".
 */
export function partyAtEnd(text: string, parties: readonly KnownNamed[]): (PartyMatch & { readonly before: string }) | null {
  const words = text.trim().split(/\s+/);
  for (let start = 0; start < words.length; start++) {
    const tail = words.slice(start).join(' ');
    const match = resolveParty(tail, parties);
    if (match) return { ...match, before: words.slice(0, start).join(' ') };
  }
  return null;
}

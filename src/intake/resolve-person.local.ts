import type { KnownPerson, NameResolution } from './intake-result';
import { slugify } from '../domain/slug';

/**
 * LOCAL STAND-IN for H2's src/intake/resolve-names.ts (swapped at merge): a printed name against the
 * people the ledger knows, by slug, name or alias, diacritic-insensitive.
 */
export function resolvePerson(name: string, people: readonly KnownPerson[]): NameResolution {
  const slug = slugify(name);
  const byName = people.filter((p) => slugify(p.name) === slug || p.slug === slug);
  const byAlias = people.filter((p) => !byName.includes(p) && p.aliases.some((a) => slugify(a) === slug));
  const found = [...byName, ...byAlias];
  if (found.length === 1) {
    const p = found[0]!;
    return { kind: 'existing', name: p.name, slug: p.slug, matchedBy: byName.includes(p) ? (p.name === name ? 'name' : 'slug') : 'alias' };
  }
  if (found.length > 1) return { kind: 'ambiguous', name, candidates: found.map((p) => ({ slug: p.slug, name: p.name, why: byName.includes(p) ? 'samma namn' : 'samma alias' })) };
  return { kind: 'new', name, slug };
}

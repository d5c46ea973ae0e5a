import { slugify, isSlug } from '../../domain/slug';
import { foldText } from '../../queries/search.reader';
import type { PersonRef } from '../../commands/shared/ref-validators';

/** Something a picker offers: a person, group, party or meeting by slug and readable name. */
export interface Named {
  readonly slug: string;
  readonly name: string;
}

/** What the pickers choose from, read from the ledger when the form is shown or sent. */
export interface Directory {
  readonly persons: readonly Named[];
  readonly groups: readonly Named[];
  readonly parties: readonly Named[];
  readonly meetings: readonly Named[];
}

/**
 * What a clerk typed, matched as the server sees it without JavaScript: a slug, a name as the
 * ledger spells it (case and diacritics aside: "karin jilken"), or the picker's "Namn (slug)".
 */
export function findNamed(typed: string, list: readonly Named[]): Named | null {
  const text = typed.trim();
  if (text === '') return null;
  const suffix = /\(([a-z0-9-]+)\)\s*$/.exec(text);
  const slug = suffix ? suffix[1]! : text;
  const bySlug = list.find((n) => n.slug === slug);
  if (bySlug) return bySlug;
  const folded = foldText(suffix ? text.slice(0, suffix.index) : text).replace(/\s+/g, ' ').trim();
  const byName = list.filter((n) => foldText(n.name) === folded);
  return byName.length === 1 ? byName[0]! : null;
}

/** A person to send: a known person's slug, else the name (the ledger registers it where that is allowed, or says it is unknown). */
export function personRef(typed: string, persons: readonly Named[]): PersonRef {
  const known = findNamed(typed, persons);
  if (known) return known.slug;
  const text = typed.trim().replace(/\s+/g, ' ');
  return isSlug(text) ? text : { name: text };
}

/** A group, party or meeting to send: a known one's slug, else the typed text as a slug (the ledger resolves aliases or names the field). */
export function ref(typed: string, list: readonly Named[]): string {
  const known = findNamed(typed, list);
  if (known) return known.slug;
  const text = typed.trim();
  return isSlug(text) ? text : slugify(text) || text;
}

import { v5 as uuidv5, validate as uuidValidate } from 'uuid';

/**
 * Ids are derived from slugs (UUID v5), so resolving "samordnande-grupp-aldre" to its
 * stream needs no lookup and two clerks creating the same person at once cannot mint
 * two identities. A slug, once given, is therefore permanent.
 */
const NAMESPACE = '6f1c3b1e-8a4e-4c55-9a43-0f6c2b8f7d10';

/** Every kind of thing with a slug, an id and a stream of its own. */
export type EntityKind = 'group' | 'person' | 'party' | 'meeting' | 'grant' | 'project' | 'decision';

export function idFromSlug(kind: EntityKind, slug: string): string {
  // The UTF-8 bytes, as uuid hashes a string, but total: uuid's own encoding throws URIError on a
  // lone surrogate ("\ud800" as a ratifier answered 500, issue 16); Buffer writes U+FFFD for it.
  return uuidv5(Buffer.from(`${kind}:${slug}`, 'utf8'), NAMESPACE);
}

export function isUuid(text: string): boolean {
  return uuidValidate(text);
}

export function streamOf(kind: EntityKind, id: string): string {
  return `${kind}-${id}`;
}

/** Event ids derived from the command, so a retried command yields the same ids (and ESDB dedupes). */
export function eventIdFor(commandId: string, index: number): string {
  return uuidv5(`event:${commandId}:${index}`, NAMESPACE);
}

/** The id a reference names: an id as it is, a slug through `idFromSlug` (aliases are resolved elsewhere). */
export function idOfRef(kind: EntityKind, ref: string): string {
  return isUuid(ref) ? ref : idFromSlug(kind, ref);
}

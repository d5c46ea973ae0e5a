import type { KnownNamed } from './intake-result';
import { partyAtEnd } from './party-names';

/** A capitalised name word: "Sofia", "Lise-Lotte", "Essén", "Jilkén". */
const NAME_WORD = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)*`;
export const PERSON_NAME = String.raw`${NAME_WORD}(?:\s+${NAME_WORD}){1,3}`;

/** Words that open a line with capitals but are no one's name. */
const NOT_A_NAME = /^(?:Ordförande|Vice|Beslut|Information|Länsgemensam|Läns|Region|Kommunförbundet|Samordnande|Samordnade|Protokoll|Notering|Närvarande|Övriga|Nationell|Gemensam|Under|Inför|Efter|Vid|Med|Den|Det|De|Dessa|Denna|Detta|Kalmar)\b/u;

const NAME_THEN_DESCRIPTION = new RegExp(String.raw`^(${PERSON_NAME})(?:\s*,\s*|\s+(?=\p{Ll}))(.+)$`, 'u');

export interface PersonPhrase {
  readonly name: string;
  /** Everything printed after the name ("analytiker Region Kalmar län"). */
  readonly as: string;
}

/** "Name, title Organisation" or "Name title, Organisation" as presenters and members are printed; null for anything else. */
export function readPersonPhrase(text: string): PersonPhrase | null {
  const m = NAME_THEN_DESCRIPTION.exec(text.trim());
  if (!m || NOT_A_NAME.test(m[1]!)) return null;
  const as = m[2]!.trim().replace(/[.,;]+$/, '').trim();
  return as === '' ? null : { name: m[1]!.replace(/\s+/g, ' '), as };
}

export interface StatedAffiliation {
  readonly organisation: string;
  readonly printedOrganisation: string;
  readonly title: string | null;
  readonly unit: string | null;
}

function lowerFirst(title: string): string {
  // "Barnrättssamordnare" → "barnrättssamordnare"; an acronym ("IFO-chef", "EMI") keeps its capitals.
  return title.replace(/^(\p{Lu})(\p{Ll})/u, (_m, a: string, b: string) => a.toLowerCase() + b);
}

/**
 * The employer and title a description states: the organisation is the registered party its last
 * words name; the title is the last comma-separated part before it ("ordf. samordnande grupp Barn och
 * unga, socialchef Oskarshamn kommun" → socialchef); a part ending in "förvaltningen" is the unit.
 */
export function affiliationOf(description: string, parties: readonly KnownNamed[]): StatedAffiliation | null {
  const party = partyAtEnd(description, parties);
  if (!party) return null;
  const parts = party.before
    .replace(/\s+i$/u, '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  let unit: string | null = null;
  if (parts.length > 0 && /förvaltningen$/iu.test(parts[parts.length - 1]!)) unit = parts.pop()!;
  const last = parts[parts.length - 1] ?? null;
  const title = last === null || /^(?:vice\s+)?ordf(?:\.|örande)/iu.test(last) ? null : lowerFirst(last.replace(/\s+i$/u, ''));
  return { organisation: party.slug, printedOrganisation: party.printed, title: title === '' ? null : title, unit };
}

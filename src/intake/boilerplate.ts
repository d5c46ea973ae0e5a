import type { KnownNamed } from './intake-result';
import { resolveParty } from './party-names';
import { cleanInline, type RawLine } from './source-lines';

/** Why a line is furniture of the document rather than content (Swedish, for the clerk). */
export type BoilerplateReason = 'sidhuvud eller sidfot' | 'webbadress' | 'hänvisning till bildspel' | 'diarienummer i sidhuvud';

const HEADER_TITLE = /^l[äa]ns\s?gemensam ledning i samverkan$/i;
const HEADER_SUBTITLE = /^inom socialtjänst och angränsande område.*kalmar län$/i;
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/i;
const SLIDES = /^bildspel$/i;

/**
 * The page furniture the conversions leave among the items: the running header (the body's name and
 * remit), the footer listing the parties ("Borgholms kommun | Emmaboda kommun | …"), URLs of slides and
 * pages, "Bildspel" (a link to slides), the registry number repeated at the top of a page.
 */
export function boilerplateReason(line: RawLine, parties: readonly KnownNamed[], registryNumber: string | null): BoilerplateReason | null {
  if (line.blank) return null;
  const raw = line.text.trim();
  const text = cleanInline(raw);
  if (URL_ONLY.test(raw)) return 'webbadress';
  if (SLIDES.test(text)) return 'hänvisning till bildspel';
  if (HEADER_TITLE.test(text) || HEADER_SUBTITLE.test(text)) return 'sidhuvud eller sidfot';
  if (text.includes('|')) {
    const cells = text.split('|').map((c) => c.trim()).filter((c) => c !== '');
    if (cells.length >= 2 && cells.every((c) => resolveParty(c, parties) !== null)) return 'sidhuvud eller sidfot';
  }
  if (registryNumber !== null && text === registryNumber) return 'diarienummer i sidhuvud';
  return null;
}

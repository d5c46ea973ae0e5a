import { findSwedishDate } from './swedish-dates';
import { cleanInline, type RawLine } from './source-lines';
import type { KnownNamed, SourceLine } from './intake-result';
import { slugify } from '../domain/slug';

export interface ProtocolHeader {
  readonly title: string | null;
  readonly date: string | null;
  readonly place: string | null;
  readonly registryNumber: string | null;
  /** The header lines read (title, registry number, place). */
  readonly lines: readonly SourceLine[];
  /** What the title names as the body that met, as printed ("Läns gemensam ledning i samverkan"). */
  readonly bodyPrinted: string | null;
}

/** A diarienummer on a line of its own: "RS DRN 2025/51", "Dnr 2024/123". */
export const REGISTRY_NUMBER = /^(?:(?:[A-ZÅÄÖ]{1,6}|Dnr)\.?\s+){1,3}\d{4}\/\d{1,6}$/u;
const TITLE = /^Protokoll\b/i;
const PLACE = /^(?:Plats|Mötesplats|Tid och plats)\s*:\s*(.+)$/i;

/** "Protokoll Länsgemensam ledning 2025-02-28"; not "Protokoll och bildspel från mötet finns på …" (a sentence). */
function isTitleLine(text: string): boolean {
  return findSwedishDate(text)?.precision === 'day' || (text.length <= 80 && !/[.,:;!?]/.test(text) && !/\b(?:finns|är|har|och bildspel)\b/u.test(text));
}

/** The title ("Protokoll Länsgemensam ledning 2025-02-28"), date, place and registry number, from the lines before item 1. */
export function readHeader(lines: readonly RawLine[]): ProtocolHeader {
  let title: string | null = null;
  let date: string | null = null;
  let place: string | null = null;
  let registryNumber: string | null = null;
  let bodyPrinted: string | null = null;
  const used: SourceLine[] = [];
  for (const l of lines) {
    const text = cleanInline(l.text);
    if (text === '') continue;
    if (title === null && TITLE.test(text) && isTitleLine(text)) {
      title = text;
      used.push({ line: l.line, text: l.text });
      const d = findSwedishDate(text);
      if (d?.precision === 'day') {
        date = d.date;
        bodyPrinted = text.replace(TITLE, '').replace(d.printed, '').replace(/\s+/g, ' ').trim() || null;
      }
    } else if (registryNumber === null && REGISTRY_NUMBER.test(text)) {
      registryNumber = text;
      used.push({ line: l.line, text: l.text });
    } else if (place === null && PLACE.test(text)) {
      place = PLACE.exec(text)![1]!.trim();
      used.push({ line: l.line, text: l.text });
    } else if (date === null) {
      const d = findSwedishDate(text);
      if (d?.precision === 'day' && /^(?:datum|tid|sammanträdesdatum)?\s*:?\s*\d/i.test(text)) {
        date = d.date;
        used.push({ line: l.line, text: l.text });
      }
    }
  }
  return { title, date, place, registryNumber, lines: used, bodyPrinted };
}

function compact(text: string): string {
  return slugify(text).replace(/-/g, '');
}

/**
 * The group the title names: "Läns gemensam ledning i samverkan" (conversion damage) and
 * "Länsgemensam ledning" (short form) are both Länsgemensam ledning i samverkan. Spacing is ignored; a
 * printed short form matches the one group whose name it begins.
 */
export function resolveBody(printed: string | null, groups: readonly KnownNamed[]): { slug: string; confidence: 'stated' | 'inferred' } | null {
  if (printed === null) return null;
  const k = compact(printed);
  const names = (g: KnownNamed) => [g.name, g.slug, ...g.aliases].map(compact);
  const exact = groups.filter((g) => names(g).includes(k));
  if (exact.length === 1) return { slug: exact[0]!.slug, confidence: 'stated' };
  const prefix = groups.filter((g) => names(g).some((n) => n.startsWith(k)));
  if (prefix.length === 1) return { slug: prefix[0]!.slug, confidence: 'inferred' };
  return null;
}

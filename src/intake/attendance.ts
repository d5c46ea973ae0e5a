import type { KnownNamed, SourceLine } from './intake-result';
import { resolveParty } from './party-names';
import { PERSON_NAME } from './person-phrase';
import { cleanInline, type RawLine } from './source-lines';

export interface AttendanceEntry {
  readonly name: string;
  /** The party slug, when the organisation printed is a registered party. */
  readonly party: string | null;
  /** What is printed after the name when it is no party ("Brukarrepresentant"). */
  readonly capacity: string | null;
  readonly printedOrganisation: string | null;
  /** "(tf.)": tillförordnad, acting. */
  readonly acting: boolean;
  readonly lines: readonly SourceLine[];
}

export interface Attendance {
  readonly present: readonly AttendanceEntry[];
  readonly others: readonly AttendanceEntry[];
  /** The list headings read ("Närvarande ledamöter", "Övriga medverkande"). */
  readonly headingLines: readonly SourceLine[];
  /** The heading of the others' list as printed, for the note. */
  readonly othersHeading: string | null;
  /** Lines in the lists that are no "Name, Organisation" entry. */
  readonly unread: readonly SourceLine[];
}

export const PRESENT_HEADING = /^Närvarande(?: ledamöter)?\s*:?$/iu;
const OTHERS_HEADING = /^(Övriga(?: medverkande| deltagare)?|Adjungerade)\s*:?$/iu;
const ENTRY = new RegExp(String.raw`^(${PERSON_NAME})\s*(?:,\s*(.*?))?\s*(\(tf\.?\))?$`, 'u');

function entryOf(text: string, lines: SourceLine[], parties: readonly KnownNamed[]): AttendanceEntry | null {
  const m = ENTRY.exec(text);
  if (!m) return null;
  const printed = m[2]?.trim().replace(/[.,]$/, '') || null;
  const party = printed === null ? null : resolveParty(printed, parties);
  return {
    name: m[1]!.replace(/\s+/g, ' '),
    party: party?.slug ?? null,
    capacity: printed !== null && party === null ? printed : null,
    printedOrganisation: printed,
    acting: m[3] !== undefined,
    lines,
  };
}

/** The lists at the end of a protocol, from "Närvarande ledamöter" on; a name whose organisation wrapped onto the next line is mended. */
export function readAttendance(lines: readonly RawLine[], furniture: ReadonlySet<number>, parties: readonly KnownNamed[]): Attendance {
  const present: AttendanceEntry[] = [];
  const others: AttendanceEntry[] = [];
  const headingLines: SourceLine[] = [];
  const unread: SourceLine[] = [];
  let list: AttendanceEntry[] | null = null;
  let othersHeading: string | null = null;
  let pending: SourceLine[] = [];
  const text = (ls: SourceLine[]) => cleanInline(ls.map((l) => l.text.trim()).join(' '));
  for (const l of lines) {
    if (l.blank || furniture.has(l.line)) continue;
    const t = cleanInline(l.text);
    const src = { line: l.line, text: l.text };
    if (pending.length === 0 && PRESENT_HEADING.test(t)) {
      list = present;
      headingLines.push(src);
      continue;
    }
    const others_ = OTHERS_HEADING.exec(t);
    if (pending.length === 0 && others_) {
      list = others;
      othersHeading = others_[1]!;
      headingLines.push(src);
      continue;
    }
    pending.push(src);
    if (/,$/.test(t)) continue; // "Margit Lindholm Johansson," / "Kommunförbundet"
    const entry = list ? entryOf(text(pending), pending, parties) : null;
    if (entry && list) list.push(entry);
    else unread.push(...pending);
    pending = [];
  }
  unread.push(...pending);
  return { present, others, headingLines, othersHeading, unread };
}

import { cleanInline, markdownRow, type RawLine } from './source-lines';

/** Lines the conversion broke, mended into the paragraphs the secretary wrote. */
export interface Paragraph {
  readonly lines: readonly RawLine[];
  /** Joined with single spaces, inline marks removed. */
  readonly text: string;
}

/** What lies between two lines of text: empty lines, whitespace-only lines, page furniture. */
interface Gap {
  empty: number;
  spacer: boolean;
  pageBreak: boolean;
  /** The next line is short, ends no sentence and a paragraph break follows it: a caption, not a continuation. */
  nextStandsAlone?: boolean;
}

const SENTENCE_END = /[.!?:”"]$/;
const LIST_START = /^\s*(?:[-–•]\s|\|)/;
const LABEL_START = /^\s*[A-ZÅÄÖ][a-zåäö]+:\s/; // "Beslut: ", "Notering: ", "Källa: "
const TAG_PREFIX = /^\s*(?:Beslut|Information)\s*[-–]\s+\S/;
const TAG_SUFFIX = /\s[-–]\s*(?:Beslut|Information)$/;

function startsLower(text: string): boolean {
  return /^\s*\p{Ll}/u.test(text);
}

/**
 * Whether `next` continues the paragraph that ends with `last`. Two house styles meet here: whole
 * paragraphs on one line separated by empty lines (004, 003), and lines broken mid-sentence with a
 * trailing space and an empty line after each, paragraphs separated by whitespace-only lines (000, 002).
 */
function continues(first: RawLine, last: RawLine, next: RawLine, gap: Gap): boolean {
  const a = last.text.trim();
  const b = next.text.trim();
  if (last.table || next.table || markdownRow(a) !== null || markdownRow(b) !== null) return false; // a table row
  if (LIST_START.test(b) || LABEL_START.test(b) || TAG_PREFIX.test(b)) return false;
  if (TAG_PREFIX.test(first.text) || TAG_SUFFIX.test(a)) return false; // a heading ends at its line
  if (gap.spacer) return false;
  if (SENTENCE_END.test(a)) {
    // Wrapped style: a sentence ends, the paragraph goes on after the single empty line (or a page break).
    if (last.wrapped && gap.empty <= 1 && !/:$/.test(a) && (first !== last || startsLower(b)) && !gap.nextStandsAlone) return true;
    return startsLower(b) && !gap.pageBreak && gap.empty <= 1 && !/[:”"]$/.test(a);
  }
  if (gap.empty === 0) return true;
  return last.wrapped || /,$/.test(a) || startsLower(b);
}

/**
 * Mends `lines` into paragraphs. A line in `breaks` (a presenter, a heading) stands as a paragraph of
 * its own; lines in `furniture` (page headers and footers) are left out and read as a page break.
 */
export function mendParagraphs(lines: readonly RawLine[], furniture: ReadonlySet<number>, breaks: ReadonlySet<number> = new Set()): Paragraph[] {
  const out: RawLine[][] = [];
  let current: RawLine[] | null = null;
  let gap: Gap = { empty: 0, spacer: false, pageBreak: false };
  const standsAlone = (i: number): boolean => {
    const t = lines[i]!.text.trim();
    if (t.length > 100 || SENTENCE_END.test(t)) return false;
    let empty = 0;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j]!;
      if (!l.blank) return empty >= 2;
      if (l.spacer) return true;
      empty += 1;
    }
    return true;
  };
  for (const [i, line] of lines.entries()) {
    if (line.blank) {
      gap.empty += 1;
      gap.spacer ||= line.spacer;
      continue;
    }
    if (furniture.has(line.line)) {
      gap.pageBreak = true;
      continue;
    }
    const standalone = breaks.has(line.line);
    gap.nextStandsAlone = standsAlone(i);
    if (current && !standalone && !breaks.has(current[current.length - 1]!.line) && continues(current[0]!, current[current.length - 1]!, line, gap)) current.push(line);
    else {
      current = [line];
      out.push(current);
    }
    gap = { empty: 0, spacer: false, pageBreak: false };
  }
  return out.map((ls) => {
    const row = ls.length === 1 ? markdownRow(ls[0]!.text) : null;
    return { lines: ls, text: row ?? cleanInline(ls.map((l) => l.text.trim()).join(' ')) };
  });
}

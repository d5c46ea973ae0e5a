import type { SourceLine } from '../intake-result';

/** One sentence or list point of an item, line breaks mended, with the source lines it came from. */
export interface Sentence {
  readonly text: string;
  readonly lines: readonly SourceLine[];
  /** It was a list point ("- tillsätta …"). */
  readonly bullet: boolean;
}

interface Piece {
  readonly line: SourceLine;
  readonly text: string;
}

interface Paragraph {
  readonly pieces: Piece[];
  readonly bullet: boolean;
}

const BULLET = /^[-–•]\s+/;
/** A PDF conversion wraps a paragraph at about this width and puts a blank line after every line. */
const WRAPPED_WIDTH = 60;
const ENDS_SENTENCE = /[.!?:]["”»]?$/;
/** Sub-headings the protocols print without a number: "Beslut - Ny deltagare …", "… suicidprevention - Information". */
const HEADING_START = /^(?:Beslut|Information)\s*[-–]\s/;
const HEADING_END = /\s[-–]\s*(?:Beslut|Information)$/;

/**
 * Mends the conversion damage of the seeds: a line continues the paragraph before it when it starts
 * in lower case, or when the line before is a wrapped line (long, no full stop), blank line or not.
 * A list point always starts a new paragraph; a table row is a paragraph of its own.
 */
export function paragraphsOf(lines: readonly SourceLine[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  let blankSince = false;
  let closed = false;
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '') {
      blankSince = true;
      continue;
    }
    const bullet = BULLET.test(text);
    const table = text.startsWith('|');
    const last = current?.pieces.at(-1)?.text ?? '';
    const continues =
      current !== null && !closed && !bullet && !table && !HEADING_START.test(text) && !last.startsWith('|') && !ENDS_SENTENCE.test(last) &&
      (/^\p{Ll}/u.test(text) || /[,-]$/.test(last) || (last.length >= WRAPPED_WIDTH && (blankSince || !/^\p{Lu}/u.test(text))) || /\b(?:och|att|i|för|som|av|med|till|inom|vice)$/i.test(last));
    if (continues && current) current.pieces.push({ line, text });
    else {
      current = { pieces: [{ line, text: bullet ? text.replace(BULLET, '') : text }], bullet };
      paragraphs.push(current);
    }
    blankSince = false;
    closed = HEADING_START.test(text) || HEADING_END.test(text);
  }
  return paragraphs;
}

/** Abbreviations the seeds use that end in a full stop without ending the sentence. */
const ABBREVIATIONS = new Set(['ordf', 'ex', 't', 'bl', 'a', 'ev', 'dvs', 'nr', 'kl', 'ca', 'resp', 'hab', 'f', 'o', 'm', 'jfr']);

export function sentencesOf(lines: readonly SourceLine[]): Sentence[] {
  const out: Sentence[] = [];
  for (const paragraph of paragraphsOf(lines)) {
    let text = '';
    const spans: { start: number; end: number; line: SourceLine }[] = [];
    for (const piece of paragraph.pieces) {
      if (text !== '') text += ' ';
      spans.push({ start: text.length, end: text.length + piece.text.length, line: piece.line });
      text += piece.text;
    }
    let start = 0;
    const boundary = /[.!?]\s+(?=["”*]?\p{Lu})/gu;
    for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
      const word = /(\p{L}+)$/u.exec(text.slice(start, m.index))?.[1] ?? '';
      if (ABBREVIATIONS.has(word.toLowerCase())) continue;
      push(out, text, start, m.index + 1, spans, paragraph.bullet);
      start = m.index + m[0].length;
    }
    push(out, text, start, text.length, spans, paragraph.bullet);
  }
  return out;
}

function push(out: Sentence[], text: string, start: number, end: number, spans: readonly { start: number; end: number; line: SourceLine }[], bullet: boolean): void {
  const sentence = text.slice(start, end).replace(/\s+/g, ' ').trim();
  if (sentence === '') return;
  const lines = spans.filter((s) => s.start < end && s.end > start).map((s) => s.line);
  out.push({ text: sentence, lines, bullet });
}

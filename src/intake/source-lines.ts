import type { SourceLine } from './intake-result';

/** One line as the conversion left it: `text` trimmed at the end, `wrapped` when a trailing space shows the line was broken mid-sentence. */
export interface RawLine extends SourceLine {
  /** Whitespace only (" "): in the wrapped house style, the mark of a paragraph break. */
  readonly spacer: boolean;
  readonly blank: boolean;
  /** The line ended in a space: Word-to-text conversions leave one where they broke a running sentence. */
  readonly wrapped: boolean;
  /** The line held tabs: a row of a table the conversion flattened. */
  readonly table: boolean;
}

export function toRawLines(text: string): RawLine[] {
  return text.split(/\r\n|\r|\n/).map((raw, i) => {
    const trimmed = raw.replace(/[\s\u00a0]+$/u, '');
    const blank = trimmed.trim() === '';
    return { line: i + 1, text: trimmed, blank, spacer: blank && raw.length > 0, wrapped: !blank && /[ \u00a0]$/u.test(raw), table: !blank && raw.includes('\t') };
  });
}

export function sourceLine(l: SourceLine): SourceLine {
  return { line: l.line, text: l.text };
}

/**
 * A markdown table row as some conversions print one: "| - Stärkt suicidpreventivt arbete | 7 211 056 kr |"
 * becomes "- Stärkt suicidpreventivt arbete: 7 211 056 kr"; a rule ("|--|----|") or a row of empty cells
 * becomes "" (it says nothing).
 */
export function markdownRow(text: string): string | null {
  const t = text.trim();
  if (!/^(?:-\s*)?\|.*\|$/.test(t)) return null;
  const cells = t.replace(/^-\s*/, '').slice(1, -1).split('|').map((c) => c.trim()).filter((c) => !/^[-:\s]*$/.test(c));
  if (cells.length === 0) return '';
  const [first, ...rest] = cells;
  const label = /^[-–•]\s/.test(first!) ? first! : `- ${first}`;
  return rest.length === 0 ? label : `${label}: ${rest.join(', ')}`;
}

/** Inline marks the conversions leave: markdown links to slides ("[Bildspel](#)"), emphasis (`*…*`, `**…**`). */
export function cleanInline(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*/g, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

import type { NotUnderstood, SourceLine } from './intake-result';
import type { RawLine } from './source-lines';

export interface Coverage {
  readonly lines: readonly RawLine[];
  /** Line numbers a proposal, an amount or an item text uses. */
  readonly used: ReadonlySet<number>;
  /** Why a line was not used (page furniture, a caption, …; "inte läst" when nothing recognised it). */
  readonly reasonOf: (line: number) => string;
  /** The item a line lies in, if any. */
  readonly itemOf: (line: number) => string | null;
}

/**
 * Nothing is dropped silently: every non-blank line nothing used, grouped into passages of
 * consecutive non-blank lines with the same item and reason.
 */
export function listNotUnderstood({ lines, used, reasonOf, itemOf }: Coverage): NotUnderstood[] {
  const out: { item: string | null; reason: string; lines: SourceLine[]; last: number }[] = [];
  let at = -1;
  for (const l of lines) {
    if (l.blank) continue;
    at += 1;
    if (used.has(l.line)) continue;
    const item = itemOf(l.line);
    const reason = reasonOf(l.line);
    const prev = out[out.length - 1];
    if (prev && prev.item === item && prev.reason === reason && prev.last === at - 1) {
      prev.lines.push({ line: l.line, text: l.text });
      prev.last = at;
    } else out.push({ item, reason, lines: [{ line: l.line, text: l.text }], last: at });
  }
  return out.map(({ item, reason, lines: passage }) => ({ item, reason, lines: passage }));
}

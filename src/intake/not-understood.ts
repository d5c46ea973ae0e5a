import type { NotUnderstood, SourceLine } from './intake-result';
import type { RawLine } from './source-lines';

export interface Uncovered {
  readonly line: RawLine;
  readonly item: string | null;
  readonly reason: string;
}

/** Every non-blank line nothing used, grouped into passages of consecutive lines with the same item and reason. */
export function groupPassages(uncovered: readonly Uncovered[], order: ReadonlyMap<number, number>): NotUnderstood[] {
  const out: { item: string | null; reason: string; lines: SourceLine[]; last: number }[] = [];
  for (const u of uncovered) {
    const at = order.get(u.line.line) ?? -1;
    const prev = out[out.length - 1];
    if (prev && prev.item === u.item && prev.reason === u.reason && prev.last === at - 1) {
      prev.lines.push({ line: u.line.line, text: u.line.text });
      prev.last = at;
    } else out.push({ item: u.item, reason: u.reason, lines: [{ line: u.line.line, text: u.line.text }], last: at });
  }
  return out.map(({ item, reason, lines }) => ({ item, reason, lines }));
}

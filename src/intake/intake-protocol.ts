import type { IntakeDirectory, IntakeResult } from './intake-result';
import { UnreadableProtocol } from './intake-result';

/**
 * Reads the plain text of a protocol into proposed commands. Pure and deterministic: the same
 * text and directory give the same result; no network, no model.
 *
 * SKELETON (replaced by the document reader): finds the date, lists every other line as not understood.
 */
export function intakeProtocol(text: string, directory: IntakeDirectory): IntakeResult {
  void directory;
  const lines = text.split(/\r?\n/).map((t, i) => ({ line: i + 1, text: t.trimEnd() }));
  const date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text)?.[1];
  if (!date) throw new UnreadableProtocol('The protocol states no meeting date (YYYY-MM-DD or "13 december 2024")', 'text');
  const body = 'lansgemensam-ledning-i-samverkan';
  return {
    meeting: { ref: `${body}-${date}`, body, date, title: `Protokoll ${date}`, place: null, registryNumber: null },
    proposals: [],
    amounts: [],
    notUnderstood: [{ item: null, lines: lines.filter((l) => l.text.trim() !== ''), reason: 'not read yet' }],
    counts: { proposals: {}, ambiguous: 0, notUnderstood: 1 },
  };
}

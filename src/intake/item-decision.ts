import type { DecisionOutcome } from '../events/meeting.events';
import type { Paragraph } from './paragraphs';
import type { RawLine } from './source-lines';

/** An item's decision as printed: the text verbatim, or how a deferred one is to be taken. */
export interface ReadDecision {
  readonly text: string | null;
  readonly outcome: DecisionOutcome;
  readonly procedure?: string;
  readonly subject?: string;
  /** For a decision another forum also takes ("Notering: Ledamöter inom skola tog ovan beslut 23 maj 2025"). */
  readonly ratifiers?: readonly { readonly name: string }[];
  readonly lines: readonly RawLine[];
}

export const LIST_START = /^(?:[-–•]\s|\|)/;
const DEFERRED = /\b(beslutas\s+(?:via|per)\s+(?:mejl|mail|e-post|e-mail))\b/iu;
const RATIFIED_ELSEWHERE = /^Notering\s*:\s*(.+?)\s+(?:tog|fattade)\s+(?:ovan|detta|samma)\s+beslut\b/iu;

/**
 * The decision among an item's paragraphs: "Beslut: …", or the paragraph that says "beslutar" with the
 * list points after it ("Läns gemensam ledning beslutar att" / "- utöka …"); a "Notering: …" after it
 * (another forum took the same decision: it needs ratification); else a decision deferred to another
 * procedure ("… föreslås att handlingsplanen … beslutas via mejl").
 */
export function readDecision(paras: readonly Paragraph[]): { decision: ReadDecision | null; used: Set<Paragraph>; after: Paragraph[] } {
  const used = new Set<Paragraph>();
  const after: Paragraph[] = [];
  let decision: ReadDecision | null = null;
  for (const [i, p] of paras.entries()) {
    const stated = /^Beslut\s*:\s*(.+)$/su.exec(p.text);
    if (stated) {
      decision = { text: stated[1]!.trim(), outcome: 'decided', lines: p.lines };
      used.add(p);
    } else if (/\bbeslutar\b/iu.test(p.text)) {
      const list = [p];
      for (let j = i + 1; j < paras.length && LIST_START.test(paras[j]!.text); j++) list.push(paras[j]!);
      list.forEach((q) => used.add(q));
      decision = { text: list.map((q) => q.text).join('\n'), outcome: 'decided', lines: list.flatMap((q) => q.lines) };
    } else continue;
    for (const q of paras.slice(i + 1)) if (!used.has(q) && /^Notering\s*:/iu.test(q.text)) {
      after.push(q);
      used.add(q);
    }
    break;
  }
  if (decision === null) {
    for (const p of paras) {
      const m = DEFERRED.exec(p.text);
      if (!m) continue;
      // What is to be decided: the words between the last "att" and "beslutas via mejl".
      const before = p.text.slice(0, m.index);
      const att = before.lastIndexOf(' att ');
      const subject = att >= 0 ? before.slice(att + 5).trim() : '';
      decision = { text: null, outcome: 'deferred', procedure: m[1]!.toLowerCase().replace(/\s+/g, ' '), ...(subject ? { subject: subject[0]!.toUpperCase() + subject.slice(1) } : {}), lines: p.lines };
      break;
    }
  }
  const elsewhere = after.map((q) => RATIFIED_ELSEWHERE.exec(q.text)?.[1]).find((x) => x !== undefined);
  if (decision && elsewhere) decision = { ...decision, outcome: 'needs-ratification', ratifiers: [{ name: elsewhere }] };
  return { decision, used, after };
}

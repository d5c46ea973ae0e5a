import type { PhraseFamily, Reading } from './draft';

/** Decisions on the meeting's own paperwork, which the meeting record holds: nothing further to propose. */
const FORMAL = [/\blades\s+till\s+handlingarna\b/i, /^(?:Beslut:\s*)?Inga\s+tillägg\b/i, /\bprotokollet\s+(?:godkändes|justerades)\b/i];
/** A heading that names a decision point without stating one: "Beslut - Byte av deltagare …", "… - Beslut". */
const HEADING = /^(?:Beslut\s*[-–]\s*[^.]+|[^.]+\s[-–]\s*Beslut)$/;

export const readFormalities: PhraseFamily = (sentences) =>
  sentences.flatMap((s, index): Reading[] => (FORMAL.some((re) => re.test(s.text)) || HEADING.test(s.text) ? [{ used: [index] }] : []));

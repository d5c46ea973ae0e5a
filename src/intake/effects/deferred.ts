import { commandId, draft, printedItem, sourceOf, type PhraseFamily, type Reading } from './draft';

const DEFERRED = /(?<before>[^]*?)\s*\b(?<procedure>beslutas\s+(?:via|per)\s+(?:e-?post|mejl|mail|capsulam)|beslut(?:et)?\s+(?:om\s+(?<about>[^]+?)\s+)?fattas\s+(?:via|per)\s+(?:e-?post|mejl|mail|capsulam))\b/iu;

export interface Deferral {
  /** As printed: "beslutas via mejl". */
  readonly procedure: string;
  /** What is to be decided: "Handlingsplanen för samordnande grupp äldre". */
  readonly subject: string | null;
}

/** For the meeting record: the outcome "deferred" of an item, with procedure and subject (data/kalmar/05, item 6). */
export function deferralIn(sentence: string): Deferral | null {
  const m = DEFERRED.exec(sentence);
  if (!m?.groups) return null;
  const procedure = m.groups.procedure!.replace(/\s+/g, ' ').replace(/\s+om\s+[^]+?\s+fattas\b/i, ' fattas');
  const raw = m.groups.about ?? lastClause(m.groups.before ?? '');
  const subject = raw === '' ? null : raw.charAt(0).toUpperCase() + raw.slice(1);
  return { procedure: procedure.charAt(0).toLowerCase() + procedure.slice(1), subject };
}

/** "… föreslås att handlingsplanen för samordnande grupp äldre" → "handlingsplanen för samordnande grupp äldre". */
function lastClause(text: string): string {
  const parts = text.split(/\b(?:att|där|som)\s+|[,:;]\s*/i);
  return (parts.at(-1) ?? '').trim();
}

/**
 * "beslutas via mejl" / "beslut fattas via mejl": the meeting deferred the decision. The deferral
 * itself belongs to the meeting record (the item's outcome "deferred", see `deferralIn`); what is
 * proposed here is the later decision, RecordDeferredDecision, for the clerk to complete with its
 * date and text once it is taken (it cannot be saved before: both are required).
 */
export const readDeferrals: PhraseFamily = (sentences, item, ctx) =>
  sentences.flatMap((sentence, index): Reading[] => {
    const deferral = deferralIn(sentence.text);
    if (!deferral) return [];
    const subject = deferral.subject ?? `punkt ${item.number}`;
    return [{
      used: [index],
      proposals: [draft({
        type: 'RecordDeferredDecision',
        data: { meeting: ctx.meetingRef, item: item.number, procedure: deferral.procedure },
        metadata: {
          commandId: commandId(ctx, item.number, 'deferred-decision'),
          source: sourceOf(ctx, printedItem(item), `Item ${item.number}: "${sentence.text}"`),
          basis: { kind: 'stated', quote: sentence.text },
        },
        summary: `Beslutet om ${subject.charAt(0).toLowerCase() + subject.slice(1)} fattas senare (${deferral.procedure}).`,
        item,
        lines: sentence.lines,
        confidence: 'inferred',
        names: [],
        notes: [
          `Mötet sköt upp beslutet: mötespunkt ${item.number} ska ha utfallet "uppskjutet" (procedur "${deferral.procedure}"${deferral.subject ? `, ärende "${deferral.subject}"` : ''}).`,
          'Detta förslag gäller det senare beslutet: fyll i datum (decidedOn) och beslutstext (text) när beslutet via mejl är fattat. Spara det inte förrän dess.',
        ],
      })],
    }];
  });

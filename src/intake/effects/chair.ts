import type { DraftProposal, EffectContext, IntakeItem } from '../item-effects.contract';
import { resolvePerson } from '../resolve-names';
import { commandId, draft, nameNotes, personKey, printedItem, sourceOf, type PhraseFamily, type Reading } from './draft';
import { GROUP, GROUP_END, groupIn, type GroupInText } from './group-phrase';
import { NAME } from './people-in-text';
import type { Sentence } from './sentences';
import { parseSwedishDate, SWEDISH_DATE, UP_TO_AND_INCLUDING } from './swedish-dates';

const ROLE = String.raw`(?<role>[Vv]ice\s+ordförande|[Vv]ice\s+ordf\.|[Oo]rdförande|[Oo]rdf\.)`;
/** "Vice ordförande Sofia Hartz, planeringsdirektör Region Kalmar län": the role, then the name; the group is the body unless named. */
const ROLE_THEN_NAME = new RegExp(String.raw`(?<![\p{L}])${ROLE}\s+(?:(?:i|för)\s+(?<group>${GROUP})\s*,?\s+)?(?<name>${NAME})(?<desc>,\s*[^,]+)?`, 'gu');
/** "Cecilia Wahlström, ordf. samordnande grupp Barn och unga": the name, then the role in a named group. */
const NAME_THEN_ROLE = new RegExp(String.raw`(?<name>${NAME})\s*,?\s+${ROLE}\s+(?:(?:i|för|inom)\s+)?(?<group>${GROUP})${GROUP_END}`, 'gu');

/**
 * Who chaired: "Ordförande X", "vice ordförande Y", "X, ordf. samordnande grupp Z". A protocol says who
 * held the role at the meeting, not when the term began, so each proposal is inferred, with
 * effectiveFrom "unknown" and the meeting date as the day it is attested.
 */
export const readChairs: PhraseFamily = (sentences, item, ctx) =>
  sentences.flatMap((sentence, index): Reading[] => {
    const found = new Map<string, DraftProposal>();
    for (const re of [ROLE_THEN_NAME, NAME_THEN_ROLE]) {
      for (const m of sentence.text.matchAll(re)) {
        const g = m.groups!;
        const role = /^vice/i.test(g.role!) ? 'vice-chair' : 'chair';
        const group: GroupInText = g.group ? groupIn(g.group.trim(), ctx) : { slug: ctx.body, printed: bodyName(ctx), note: null };
        const quote = re === ROLE_THEN_NAME ? `${g.role} ${g.group ? `i ${g.group.trim()} ` : ''}${g.name}${g.desc ?? ''}`.trim() : m[0].trim();
        const proposal = chair(g.name!, role, group, quote, sentence, item, ctx);
        found.set(String(proposal.command.metadata.commandId), proposal);
      }
    }
    return found.size === 0 ? [] : [{ used: [index], proposals: [...found.values()] }];
  });

function bodyName(ctx: EffectContext): string {
  return ctx.directory.groups.find((g) => g.slug === ctx.body)?.name ?? ctx.body;
}

function chair(name: string, role: 'chair' | 'vice-chair', group: GroupInText, quote: string, sentence: Sentence, item: IntakeItem, ctx: EffectContext): DraftProposal {
  const resolution = resolvePerson(name, ctx.directory.people);
  const key = personKey(resolution);
  const swedishRole = role === 'chair' ? 'ordförande' : 'vice ordförande';
  return draft({
    type: 'AppointChair',
    data: { group: group.slug, person: { name: key.name }, role, effectiveFrom: 'unknown' },
    metadata: {
      commandId: commandId(ctx, printedItem(item), `${role}:${key.slug}`),
      source: sourceOf(ctx, printedItem(item), `Item ${item.number}: "${quote}": ${role} of ${group.printed} on ${ctx.meetingDate}; when the term began is not stated, hence "unknown".`),
      basis: { kind: 'stated', quote, attestedOn: [ctx.meetingDate] },
    },
    summary: `${key.name} är ${swedishRole} i ${group.printed} (intygat ${ctx.meetingDate}; mandatperiodens start okänd).`,
    item,
    lines: sentence.lines,
    confidence: 'inferred',
    names: [resolution],
    notes: [
      `Protokollet visar att ${key.name} var ${swedishRole} vid mötet ${ctx.meetingDate}, inte när mandatperioden började: start "okänd". Fyll i start och slut (effectiveTo) om de är kända, t.ex. från ett beslut om byte vid årsskiftet.`,
      ...(group.note ? [group.note] : []),
      ...nameNotes([resolution]),
    ],
  });
}

const TERM = new RegExp(String.raw`\bordförandeskap(?:et)?\b[^.]*?\b(?:gäller|löper|gälla)\s+${UP_TO_AND_INCLUDING}\s+(?<until>${SWEDISH_DATE})`, 'iu');

/** "Vid årsskiftet sker ett byte i ordförandeskap … och gäller t o m dec 2026": a term, not a command; said to the clerk. */
export const readChairTerms: PhraseFamily = (sentences, item) =>
  sentences.flatMap((sentence, index): Reading[] => {
    const m = TERM.exec(sentence.text);
    if (!m?.groups) return [];
    const until = parseSwedishDate(m.groups.until!) ?? m.groups.until!;
    const change = /(?<!\p{L})årsskiftet(?!\p{L})/iu.test(sentence.text) ? ' Bytet sker vid årsskiftet: de nya mandatperioderna börjar den 1 januari.' : '';
    return [{
      used: [index],
      remarks: [{
        item: item.number,
        lines: sentence.lines,
        reason: `Uppgift om ordförandeskapets mandatperiod (gäller t o m ${until}), inget eget kommando.${change} Använd ${until} som slut (effectiveTo) på ordförandeförslagen för perioden, och avsluta den tidigare perioden dagen före bytet.`,
      }],
    }];
  });

import type { EffectContext, IntakeItem } from '../item-effects.contract';
import { commandId, decisionOf, draft, linesOf, nameNotes, personKey, printedItem, sourceOf, type PhraseFamily, type Reading } from './draft';
import { GROUP, GROUP_END, groupIn, type GroupInText } from './group-phrase';
import { peopleIn, resolvePrinted, type ResolvedPerson } from './people-in-text';
import { resolvePerson } from '../resolve-names';
import type { Sentence } from './sentences';

const REPLACES = new RegExp(
  String.raw`(?:beslutar\s+att\s+)?(?<incoming>[^]+?),?\s+ersätter\s+(?:tidigare\s+(?:deltagare|ledamot(?:en)?|representant(?:en)?)\s+)?(?<outgoing>[^]+?)` +
    String.raw`(?:\s+som\s+representant(?:er)?\s+för\s+(?<field>[^]+?))?\s+(?:i|inom)\s+(?<group>${GROUP})${GROUP_END}`,
  'iu',
);

/**
 * "X, <titel>[ i <org>], ersätter tidigare deltagare Y [som representant för <fält>] i samordnande grupp Z"
 * → ReplaceMember from the meeting date, and (inferred) the outgoing member's seat before it, so that
 * the replacement has a seat to take over. Two at once: "X, …, och V, …, ersätter … Y respektive W i …".
 */
export const readReplacements: PhraseFamily = (sentences, item, ctx) =>
  sentences.flatMap((sentence, index): Reading[] => {
    const m = REPLACES.exec(sentence.text);
    if (!m?.groups) return [];
    const after = m.groups.incoming!.replace(/^[^]*\bbeslutar\s+att\s+/i, '');
    const incoming = peopleIn(after, ctx).map((p) => resolvePrinted(p, ctx));
    const outgoing = m.groups.outgoing!.split(/\s+respektive\s+|\s*,\s*|\s+och\s+/).map((n) => n.trim()).filter((n) => n !== '');
    if (incoming.length === 0 || incoming.length !== outgoing.length) {
      return [{ used: [index], remarks: [{ item: item.number, lines: sentence.lines, reason: `Ett byte av deltagare, men det gick inte att para ihop vem som ersätter vem (${incoming.length} nya, ${outgoing.length} tidigare).` }] }];
    }
    const group = groupIn(m.groups.group!.trim(), ctx);
    const field = m.groups.field?.trim();
    return [{ used: [index], proposals: incoming.flatMap((person, i) => replacement(person, outgoing[i]!, group, field, sentences, index, item, ctx)) }];
  });

function replacement(incomingPerson: ResolvedPerson, outgoingName: string, group: GroupInText, field: string | undefined, sentences: readonly Sentence[], index: number, item: IntakeItem, ctx: EffectContext) {
  const sentence = sentences[index]!;
  const lines = linesOf(sentences, [index]);
  const outgoing = resolvePerson(outgoingName, ctx.directory.people);
  const out = personKey(outgoing);
  const inc = personKey(incomingPerson.resolution);
  const title = incomingPerson.described.title;
  const quote = `Item ${item.number}: "${sentence.text}"`;
  const groupNotes = group.note ? [group.note] : [];
  const prior = draft({
    type: 'AppointMember',
    data: { group: group.slug, person: { name: out.name }, ...(field !== undefined && { field }), effectiveFrom: 'unknown' },
    metadata: {
      commandId: commandId(ctx, printedItem(item), `prior-member-${out.slug}`),
      source: sourceOf(ctx, printedItem(item), `${quote} calls ${out.name} "tidigare deltagare": sat in the group before ${ctx.meetingDate}; since when is not stated.`),
      basis: { kind: 'inferred', quote: sentence.text },
    },
    summary: `${out.name} satt i ${group.printed} före ${ctx.meetingDate} (sedan okänt datum).`,
    item,
    lines,
    confidence: 'inferred',
    names: [outgoing],
    notes: [
      `Protokollet kallar ${out.name} "tidigare deltagare": förslaget registrerar platsen som bytet tar över. Ta bort det om registret redan har ${out.name} som medlem i gruppen.`,
      ...groupNotes,
      ...nameNotes([outgoing]),
    ],
  });
  const replace = draft({
    type: 'ReplaceMember',
    data: {
      group: group.slug,
      outgoing: { name: out.name },
      incoming: { name: inc.name },
      ...(field !== undefined && { field }),
      ...(title !== null && { title }),
      effectiveFrom: ctx.meetingDate,
    },
    metadata: {
      commandId: commandId(ctx, printedItem(item), `replace-${out.slug}`),
      decidedOn: ctx.meetingDate,
      source: sourceOf(ctx, printedItem(item), `${quote}. No other date is stated, so it takes effect on the meeting date.`),
      basis: { kind: 'stated', quote: sentence.text },
      decision: decisionOf(ctx, item),
    },
    summary: `${inc.name} ersätter ${out.name} i ${group.printed}${field ? ` som representant för ${field}` : ''} från ${ctx.meetingDate}.`,
    item,
    lines,
    confidence: 'stated',
    names: [incomingPerson.resolution, outgoing],
    notes: [...groupNotes, ...nameNotes([incomingPerson.resolution, outgoing])],
  });
  return [prior, replace];
}

import type { DraftProposal, EffectContext, IntakeItem } from '../item-effects.contract';
import { commandId, decisionOf, draft, linesOf, nameNotes, personKey, printedItem, sourceOf, type PhraseFamily, type Reading } from './draft';
import { GROUP, GROUP_END, groupIn, type GroupInText } from './group-phrase';
import { peopleIn, resolvePrinted, type ResolvedPerson } from './people-in-text';
import type { Sentence } from './sentences';

const APPOINTED = new RegExp(
  String.raw`(?<people>[^]+?),?\s+tillsätts\s+som\s+(?:en\s+)?(?:ny|nya)\s+(?:representant(?:er)?|deltagare|ledamot|ledamöter)` +
    String.raw`(?:\s+för\s+(?<field>[^]+?))?\s+(?:inom|i)\s+(?<group>${GROUP})${GROUP_END}`,
  'iu',
);

const NEW_REPRESENTATION = new RegExp(String.raw`\banta\s+(?:förslag(?:et)?\s+(?:om|på|till)\s+)?(?:en\s+)?ny\s+representation\s+(?:i|inom|för)\s+(?<group>${GROUP})${GROUP_END}`, 'iu');

/**
 * "X tillsätts som ny representant inom samordnande grupp Z" → AppointMember per person named;
 * "anta förslag om ny representation i samordnade grupp Z" followed by a list of people → one
 * AppointMember per list point. Whom they replace is not stated, so nobody's membership ends.
 */
export const readAppointments: PhraseFamily = (sentences, item, ctx) =>
  sentences.flatMap((sentence, index): Reading[] => {
    const single = APPOINTED.exec(sentence.text);
    if (single?.groups) {
      const people = peopleIn(single.groups.people!.replace(/^[^]*\bbeslutar\s+att\s+/i, ''), ctx).map((p) => resolvePrinted(p, ctx));
      if (people.length === 0) return [{ used: [index], remarks: [{ item: item.number, lines: sentence.lines, reason: 'En ny representant tillsätts, men inget namn kunde läsas.' }] }];
      const group = groupIn(single.groups.group!.trim(), ctx);
      const field = single.groups.field?.trim();
      return [{ used: [index], proposals: people.map((p) => appointment(p, group, field, sentences, [index], item, ctx)) }];
    }
    const list = NEW_REPRESENTATION.exec(sentence.text);
    if (!list?.groups) return [];
    const group = groupIn(list.groups.group!.trim(), ctx);
    const points: number[] = [];
    for (let i = index + 1; i < sentences.length && sentences[i]!.bullet; i++) points.push(i);
    const people = points.flatMap((i) => peopleIn(sentences[i]!.text, ctx).slice(0, 1).map((p) => ({ i, person: resolvePrinted(p, ctx) })));
    if (people.length === 0) {
      return [{ used: [index], remarks: [{ item: item.number, lines: sentence.lines, reason: 'Ny representation antas, men ingen lista med namn följer.' }] }];
    }
    return [{ used: [index, ...points], proposals: people.map(({ i, person }) => appointment(person, group, undefined, sentences, [index, i], item, ctx)) }];
  });

export function appointment(
  person: ResolvedPerson,
  group: GroupInText,
  field: string | undefined,
  sentences: readonly Sentence[],
  used: readonly number[],
  item: IntakeItem,
  ctx: EffectContext,
  extraNotes: readonly string[] = [],
): DraftProposal {
  const key = personKey(person.resolution);
  const title = person.described.title;
  const quote = used.map((i) => sentences[i]!.text).join(' / ');
  return draft({
    type: 'AppointMember',
    data: {
      group: group.slug,
      person: { name: key.name },
      ...(field !== undefined && { field }),
      ...(title !== null && { title }),
      effectiveFrom: ctx.meetingDate,
    },
    metadata: {
      commandId: commandId(ctx, printedItem(item), `appoint-${key.slug}`),
      decidedOn: ctx.meetingDate,
      source: sourceOf(ctx, printedItem(item), `Item ${item.number}: "${quote}". No other date is stated, so it takes effect on the meeting date.`),
      basis: { kind: 'stated', quote },
      decision: decisionOf(ctx, item),
    },
    summary: `${key.name} blir ledamot i ${group.printed}${field ? ` som representant för ${field}` : ''} från ${ctx.meetingDate}.`,
    item,
    lines: linesOf(sentences, used),
    confidence: 'stated',
    names: [person.resolution],
    notes: [...extraNotes, ...(group.note ? [group.note] : []), ...nameNotes([person.resolution])],
  });
}

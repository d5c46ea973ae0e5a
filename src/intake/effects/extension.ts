import { appointment } from './appointment';
import type { PhraseFamily, Reading } from './draft';
import { GROUP, groupIn } from './group-phrase';
import { peopleIn, resolvePrinted } from './people-in-text';

const EXTEND_GROUP = new RegExp(
  String.raw`\butöka\s+(?<group>${GROUP})\s+med\s+(?:ytterligare\s+)?(?:en|ett|två|tre|\d+)\s+(?:ny\s+|nya\s+)?(?:representant(?:er)?|plats(?:er)?|ledamot|ledamöter)\s+(?:från|för|inom)\s+(?<field>[^,.;]+?)(?=\s*[,.;]|\s+(?:och|samt)\s+(?:att\s+)?tillsätta\b|\s*$)`,
  'iu',
);
const APPOINT_TO_SEAT = /\btillsätta\s+(?<people>[^]+?)\s+som\s+(?:ny\s+)?representant(?:er)?\b/iu;

/**
 * "utöka samordnande grupp Z med ytterligare en representant från <fält>" + "tillsätta X som
 * representant" (the same sentence or a later list point) → AppointMember with the field. The ledger
 * has no command for a new seat: the appointment is the seat.
 */
export const readGroupExtensions: PhraseFamily = (sentences, item, ctx) =>
  sentences.flatMap((sentence, index): Reading[] => {
    const m = EXTEND_GROUP.exec(sentence.text);
    if (!m?.groups) return [];
    const group = groupIn(m.groups.group!.trim(), ctx);
    const field = m.groups.field!.trim();
    const at = [index, ...sentences.map((_, i) => i).filter((i) => i > index)].find((i) => APPOINT_TO_SEAT.test(sentences[i]!.text));
    const named = at === undefined ? null : APPOINT_TO_SEAT.exec(sentences[at]!.text)!.groups!.people!;
    const people = named === null ? [] : peopleIn(named, ctx).map((p) => resolvePrinted(p, ctx));
    if (at === undefined || people.length === 0) {
      return [{ used: [index], remarks: [{ item: item.number, lines: sentence.lines, reason: `Gruppen utökas med en plats för ${field}, men ingen tillsätts på den: inget att registrera förrän någon utses.` }] }];
    }
    const used = at === index ? [index] : [index, at];
    const note = `Beslutet utökar gruppen med en ny plats (${field}); registret har inget eget kommando för platsen, så tillsättningen bär den.`;
    return [{ used, proposals: people.map((p) => appointment(p, group, field, sentences, used, item, ctx, [note])) }];
  });

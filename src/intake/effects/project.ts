import { slugify } from '../../domain/slug';
import { commandId, decisionOf, draft, linesOf, sourceOf, type PhraseFamily, type Reading } from './draft';
import { kronorIn } from './kronor';
import { parseSwedishDate, SWEDISH_DATE, UP_TO_AND_INCLUDING } from './swedish-dates';

const EXTEND = new RegExp(String.raw`\bförlänga\s+projektet\s+(?<name>[^]+?)\s+${UP_TO_AND_INCLUDING}\s+(?<until>${SWEDISH_DATE})`, 'iu');
const FINANCED = /\bfinansieras\s+(?:genom|via|av|med|inom)\b/iu;

/** Misspellings the conversions show, marked with the right word as the dataset does ("stadsbidrag [statsbidrag]"). */
const MISSPELT: readonly [RegExp, string][] = [[/\bstadsbidrag\b(?!\s*\[)/giu, 'stadsbidrag [statsbidrag]']];

/**
 * "förlänga projektet <namn> t o m <datum>" → ExtendProject from the meeting date; a sentence of the
 * same item saying how it is paid ("… finansieras genom statsbidrag …") is its financing, with the
 * amount it prints or, when it prints none, an unknown amount with the reason.
 */
export const readProjectExtensions: PhraseFamily = (sentences, item, ctx) =>
  sentences.flatMap((sentence, index): Reading[] => {
    const m = EXTEND.exec(sentence.text);
    if (!m?.groups) return [];
    const until = parseSwedishDate(m.groups.until!);
    const name = m.groups.name!.trim();
    if (until === null) return [{ used: [index], remarks: [{ item: item.number, lines: sentence.lines, reason: `Projektet "${name}" förlängs, men datumet "${m.groups.until}" kunde inte läsas.` }] }];
    const slug = slugify(name);
    const financed = sentences.flatMap((s, i) => (i !== index && FINANCED.test(s.text) ? [i] : []));
    const financing = financed.map((i) => {
      const text = sentences[i]!.text.replace(/[.;]+$/, '');
      const printed = kronorIn(text);
      const description = MISSPELT.reduce((t, [re, right]) => t.replace(re, right), text.charAt(0).toUpperCase() + text.slice(1));
      const amount = printed.length === 1 ? Number(printed[0]!.kronor) : { unknown: `the protocol of ${ctx.meetingDate} (item ${item.number}) gives no amount` };
      return { description, amount };
    });
    const used = [index, ...financed];
    const notes = [
      `Projektet "${name}" (${slug}) måste finnas i registret (StartProject) innan förlängningen kan sparas.`,
      ...(financing.some((f) => typeof f.amount !== 'number') ? ['Protokollet anger inget belopp för finansieringen: beloppet registreras som okänt.'] : []),
    ];
    return [{
      used,
      proposals: [draft({
        type: 'ExtendProject',
        data: { project: slug, until, effectiveFrom: ctx.meetingDate, ...(financing.length > 0 && { financing }) },
        metadata: {
          // Project commands cite the point itself ("item8.2"), as data/kalmar/07-projects.json does.
          commandId: commandId(ctx, item.number, `extend-${slug}`),
          decidedOn: ctx.meetingDate,
          source: sourceOf(ctx, item.number, `Item ${item.number}: ${used.map((i) => `"${sentences[i]!.text}"`).join(' and ')}. Takes effect on the meeting date.`),
          basis: { kind: 'stated', quote: sentence.text },
          decision: decisionOf(ctx, item),
        },
        summary: `Projektet ${name} förlängs till och med ${until}.`,
        item,
        lines: linesOf(sentences, used),
        confidence: 'stated',
        names: [],
        notes,
      })],
    }];
  });

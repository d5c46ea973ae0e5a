import { slugify } from '../../domain/slug';
import type { EffectContext } from '../item-effects.contract';
import { resolveNamed } from '../resolve-names';

/**
 * A group as a decision sentence names it: "samordnande grupp äldre", "samordnade grupp Psykisk Hälsa",
 * "styrgruppen för …". Ends at punctuation or at the words that follow a group in these sentences.
 */
export const GROUP = String.raw`(?:den\s+)?(?:(?:samordnande|samordnade)\s+grupp(?:en)?|styrgrupp(?:en)?|processgrupp(?:en)?|arbetsgrupp(?:en)?)\s+[^,.;:]+?`;
export const GROUP_END = String.raw`(?=\s*[,.;:]|\s+(?:med|som|samt|och\s+att|t\s?o\s?m)\s|\s*$)`;

export interface GroupInText {
  readonly slug: string;
  readonly printed: string;
  /** Set when the group is not one the ledger knows for certain. */
  readonly note: string | null;
}

export function groupIn(printed: string, ctx: EffectContext): GroupInText {
  const found = resolveNamed(printed, ctx.directory.groups);
  switch (found.kind) {
    case 'existing':
      return { slug: found.slug, printed, note: null };
    case 'ambiguous':
      return {
        slug: found.candidates[0]!.slug,
        printed,
        note: `Gruppen "${printed}" kan vara flera grupper (${found.candidates.map((c) => c.name).join(', ')}): kontrollera vilken.`,
      };
    case 'unknown':
      return { slug: slugify(printed), printed, note: `Gruppen "${printed}" finns inte i registret: registrera den först (EstablishGroup) eller välj rätt grupp.` };
  }
}

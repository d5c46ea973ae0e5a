import type { GenerationContext, HistoryKind, Meeting } from './history-kind';
import { TITLES } from './names';
import { nameOf, type BodySim, type GroupSim } from './world';

const UNITS = ['Socialförvaltningen', 'Omsorgsförvaltningen', 'Barn- och utbildningsförvaltningen', 'Primärvårdsförvaltningen', 'Psykiatriförvaltningen', 'Regionstaben'];

/**
 * Titles and employers change: at go-live a third of the members get one (dated only by
 * year), and at each meeting a group reports one member's new title or employer with
 * probability 0.5 — mostly in the body's own party, sometimes a neighbour in the county.
 * The meeting notes them all under one information item.
 */
export const affiliationsHistory: HistoryKind = {
  name: 'affiliations',
  goLive(body, meeting, ctx) {
    for (const group of body.groups) {
      for (const seat of group.seats) if (ctx.rng.chance(0.33)) record(group, seat.person, String(meeting.year - 1), ctx);
    }
  },
  meeting(body: BodySim, meeting: Meeting, ctx) {
    for (const group of body.groups) {
      if (group.seats.length === 0 || !ctx.rng.chance(0.5)) continue;
      const from = ctx.rng.chance(0.15) ? meeting.day.slice(0, 7) : meeting.day;
      record(group, ctx.rng.pick(group.seats).person, from, ctx);
    }
  },
};

function record(group: GroupSim, person: string, from: string, ctx: GenerationContext): void {
  const { rng } = ctx;
  const unit = rng.chance(0.3) ? rng.pick(UNITS) : null;
  const title = rng.pick(TITLES);
  ctx.emit(
    'RecordAffiliation',
    { person, organisation: rng.chance(0.8) ? group.body.partySlug : rng.pick(group.body.countyParties), ...(unit && { unit }), title, effectiveFrom: from },
    { key: 'affiliations', kind: 'information', title: 'Nya titlar och uppdrag - Information', says: `${nameOf(ctx.world, person)} är ${title}${unit ? ` inom ${unit}` : ''} från ${from}.` },
  );
}

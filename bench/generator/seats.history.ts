import { nextMonth } from './dates';
import { FIELDS, TITLES } from './names';
import type { GenerationContext, HistoryKind, Meeting, Topic } from './history-kind';
import { knownPersonOutside, nameOf, newPerson, noteLeaving, type GroupSim, type Seat } from './world';

/**
 * Seats: at go-live every group is filled to its size (starts often "unknown", as in
 * "tidigare deltagare"); at each meeting a group replaces a member with probability 0.2,
 * ends one with 0.04 and appoints one while below its size. Newcomers are mostly new
 * people; some already sit elsewhere in the same body. A meeting decides each group's
 * changes under one agenda item, as in "Byte av deltagare inom samordnande grupp äldre".
 */
export const seatsHistory: HistoryKind = {
  name: 'seats',
  goLive(body, meeting, ctx) {
    for (const group of body.groups) {
      while (group.seats.length < group.targetSize) appoint(group, ctx, goLiveStart(meeting, ctx), meeting.day);
    }
  },
  meeting(body, meeting, ctx) {
    const { rng } = ctx;
    for (const group of body.groups) {
      if (group.seats.length < 3) {
        while (group.seats.length < group.targetSize) appoint(group, ctx, { text: meeting.day, earliest: meeting.day }, meeting.day);
        continue;
      }
      if (rng.chance(0.2)) replace(group, meeting, ctx);
      if (rng.chance(0.04) && group.seats.length > 3) end(group, meeting, ctx);
      if (group.seats.length < group.targetSize && rng.chance(0.35)) appoint(group, ctx, { text: meeting.day, earliest: meeting.day }, meeting.day);
    }
  },
};

function appoint(group: GroupSim, ctx: GenerationContext, from: { text: string; earliest: string }, day: string): void {
  const known = ctx.rng.chance(0.35) ? knownPersonOutside(group, ctx.rng, day) : null;
  const person = known ?? newPerson(ctx.world, group.body);
  const slug = typeof person === 'string' ? person : person.slug;
  const terms = seatTerms(group, ctx);
  ctx.emit(
    'AppointMember',
    { group: group.slug, person: typeof person === 'string' ? person : person.ref, ...terms, effectiveFrom: from.text },
    changes(group, `${nameOf(ctx.world, slug)}${terms.title ? `, ${terms.title},` : ''} utses till ledamot i ${group.name} från ${from.text}.`),
  );
  group.seats.push({ person: slug, sinceDay: from.earliest });
}

function replace(group: GroupSim, meeting: Meeting, ctx: GenerationContext): void {
  const outgoing = seatBefore(group, meeting.day, ctx);
  if (!outgoing) return;
  const known = ctx.rng.chance(0.3) ? knownPersonOutside(group, ctx.rng, meeting.day) : null;
  const incoming = known ?? newPerson(ctx.world, group.body);
  // One in ten takes over from the start of the next month, a month-precise date as the protocols give.
  const monthly = ctx.rng.chance(0.1);
  const from = monthly ? { text: nextMonth(meeting.day), earliest: `${nextMonth(meeting.day)}-01` } : { text: meeting.day, earliest: meeting.day };
  const incomingSlug = typeof incoming === 'string' ? incoming : incoming.slug;
  const title = ctx.rng.chance(0.3) ? ctx.rng.pick(TITLES) : null;
  ctx.emit(
    'ReplaceMember',
    { group: group.slug, outgoing: outgoing.person, incoming: typeof incoming === 'string' ? incoming : incoming.ref, ...(title && { title }), effectiveFrom: from.text },
    changes(group, `${nameOf(ctx.world, incomingSlug)}${title ? `, ${title},` : ''} ersätter ${nameOf(ctx.world, outgoing.person)} i ${group.name} från ${from.text}.`),
  );
  group.seats.splice(group.seats.indexOf(outgoing), 1, { person: incomingSlug, sinceDay: from.earliest });
  noteLeaving(group, outgoing.person, monthly ? `${nextMonth(`${from.text}-01`)}-01` : from.earliest);
}

function end(group: GroupSim, meeting: Meeting, ctx: GenerationContext): void {
  const leaving = seatBefore(group, meeting.day, ctx);
  if (!leaving) return;
  ctx.emit('EndMembership', { group: group.slug, person: leaving.person, effectiveFrom: meeting.day }, changes(group, `${nameOf(ctx.world, leaving.person)} lämnar ${group.name} från ${meeting.day}.`));
  group.seats.splice(group.seats.indexOf(leaving), 1);
  noteLeaving(group, leaving.person, meeting.day);
}

/** The group's agenda item at this meeting: one decision for all its seat changes. */
const changes = (group: GroupSim, says: string): Topic => ({ key: `seats:${group.slug}`, kind: 'decision', title: `Byte av deltagare inom ${group.name} - Beslut`, says: `Ledningsgruppen beslutar att ${says}` });

/** A seat that began before `day`: only such a seat can change on it. */
function seatBefore(group: GroupSim, day: string, ctx: GenerationContext): Seat | null {
  for (let attempt = 0; attempt < 4; attempt++) {
    const seat = ctx.rng.pick(group.seats);
    if (seat.sinceDay < day) return seat;
  }
  return null;
}

function seatTerms(group: GroupSim, ctx: GenerationContext): Record<string, string> {
  const { rng } = ctx;
  const r = rng.next();
  const parties = group.body.countyParties;
  return {
    ...(r < 0.7 ? { representing: group.body.partySlug } : r < 0.9 ? { representing: rng.pick(parties) } : {}),
    ...(rng.chance(0.05) && { role: rng.pick(['processledare', 'adjungerad', 'sekreterare']) }),
    ...(rng.chance(0.3) && { field: rng.pick(FIELDS) }),
    ...(rng.chance(0.5) && { title: rng.pick(TITLES) }),
  };
}

/** Seats that predate go-live: often since an unknown date or only a year, as the sources say. */
function goLiveStart(meeting: Meeting, ctx: GenerationContext): { text: string; earliest: string } {
  const r = ctx.rng.next();
  if (r < 0.4) return { text: 'unknown', earliest: '0000-01-01' };
  if (r < 0.7) return { text: String(meeting.year - 1), earliest: `${meeting.year - 1}-01-01` };
  return { text: meeting.day, earliest: meeting.day };
}

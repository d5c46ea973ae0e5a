import type { GenerationContext, HistoryKind, Meeting } from './history-kind';
import { nameOf, type BodySim } from './world';

/**
 * Chairs rotate at the turn of the year ("gäller t o m dec 2026"): at a body's first
 * meeting of a year every group gets a chair and a vice chair among its members, for the
 * year, ending with a month-precise "YYYY-12". A group founded mid-year gets them at once.
 * One agenda item decides them all for the meeting.
 */
export const chairsHistory: HistoryKind = {
  name: 'chairs',
  goLive: appointForTheYear,
  meeting: appointForTheYear,
};

function appointForTheYear(body: BodySim, meeting: Meeting, ctx: GenerationContext): void {
  const yearStart = `${meeting.year}-01-01`;
  for (const group of body.groups) {
    if (group.chairYear >= meeting.year || group.seats.length < 2) continue;
    group.chairYear = meeting.year;
    const from = group.establishedDay > yearStart ? meeting.day : yearStart;
    const chair = ctx.rng.int(group.seats.length);
    const vice = (chair + 1 + ctx.rng.int(group.seats.length - 1)) % group.seats.length;
    for (const [index, role] of [[chair, 'chair'], [vice, 'vice-chair']] as const) {
      const person = group.seats[index]!.person;
      ctx.emit(
        'AppointChair',
        { group: group.slug, person, role, effectiveFrom: from, effectiveTo: `${meeting.year}-12` },
        {
          key: 'chairs',
          kind: 'decision',
          title: `Ordförande och vice ordförande i grupperna ${meeting.year} - Beslut`,
          says: `${nameOf(ctx.world, person)} är ${role === 'chair' ? 'ordförande' : 'vice ordförande'} i ${group.name} t o m december ${meeting.year}.`,
        },
      );
    }
    group.chair = group.seats[chair]!.person;
  }
}

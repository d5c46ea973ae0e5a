import { slugify } from '../../src/domain/slug';
import type { PendingFollowUp } from './follow-ups';
import { personName } from './names';
import type { Prng } from './prng';

/**
 * What the generator remembers of the history it has produced, so that every command it
 * emits is one the ledger accepts (a replaced member is sitting, a chair term never clashes).
 * It is a model of the organisation, not of the ledger: nothing here reads the database.
 */
export interface Seat {
  readonly person: string;
  /** The earliest day the seat can have begun; a change must come after it. */
  readonly sinceDay: string;
}

export interface GroupSim {
  readonly slug: string;
  readonly name: string;
  readonly body: BodySim;
  /** Earliest day the group can have existed; nothing in it may be dated before. */
  readonly establishedDay: string;
  readonly targetSize: number;
  readonly seats: Seat[];
  /** People who left the group, with the first day they can certainly sit again (a month-precise end may run to the month's end). */
  readonly left: Map<string, string>;
  /** Year of the last chair appointment, so each year gets one. */
  chairYear: number;
  /** Who chairs the group this year (a person slug); the leadership's chair chairs the body's meetings. */
  chair: string | null;
}

export interface BodySim {
  readonly index: number;
  /** The party (municipality or region) the body belongs to; seats represent it. */
  readonly partySlug: string;
  readonly place: string;
  readonly kind: 'municipality' | 'region';
  /** Other parties in the same county: seats and employers are sometimes there. */
  readonly countyParties: string[];
  readonly groups: GroupSim[];
  /** Everyone the body has had on a group: candidates for new seats. */
  readonly people: string[];
  groupsEstablished: number;
  /** The body's grants that still have entries to come (accounting, settlement, payments). */
  readonly grants: GrantSim[];
  /** What the body's last protocol recorded that a later correction may target. */
  correctable: Correctable[];
  /** Ratifications and deferred decisions its meetings left for later ones (`follow-ups.ts`). */
  followUps: PendingFollowUp[];
}

/** A yearly grant (stimulansmedel) a body holds, as far as its entries have come. */
export interface GrantSim {
  readonly slug: string;
  readonly year: number;
  readonly received: number;
  allocated: number;
  allocations: number;
  /** Paid out early to the county association after a forecast of unused funds. */
  early: number;
  forecast: boolean;
  accounted: boolean;
  /** The settlement invoice from the county association, once made. */
  invoice: { readonly key: string; readonly amount: number; paid: number } | null;
}

/** An event a correction may later target: its id (derived from its command) and what it recorded. */
export interface Correctable {
  readonly eventId: string;
  readonly type: 'MemberAppointed' | 'MemberReplaced' | 'ChairAppointed' | 'AffiliationRecorded' | 'MeetingRecorded' | 'AgendaItemAdded' | 'AttendanceRecorded';
  readonly data: Record<string, unknown>;
  readonly decidedOn: string;
  /** For a seat: the group and the seat as the world holds it, to tell whether it is still held unchanged. */
  readonly seat?: { readonly group: GroupSim; readonly seat: Seat };
}

export interface World {
  readonly bodies: BodySim[];
  readonly seed: number;
  peopleCreated: number;
  groupsCreated: number;
  commandsEmitted: number;
  /** The day of the latest meeting generated so far. */
  lastDay: string;
  /** Everyone's name by slug, for the sentences of the protocols. */
  readonly names: Map<string, string>;
}

export const createWorld = (seed: number): World => ({ bodies: [], seed, peopleCreated: 0, groupsCreated: 0, commandsEmitted: 0, lastDay: '', names: new Map() });

/** A person's name as the protocols print it. */
export const nameOf = (world: World, slug: string): string => world.names.get(slug) ?? slug;

/** A new, never-seen person: `{ name }` registers them on first use. */
export function newPerson(world: World, body: BodySim): { ref: { name: string }; slug: string } {
  const name = personName(world.peopleCreated++, world.seed);
  const slug = slugify(name);
  body.people.push(slug);
  world.names.set(slug, name);
  return { ref: { name }, slug };
}

/** Someone the body already knows who does not sit in the group; null when nobody fits. */
export function knownPersonOutside(group: GroupSim, rng: Prng, day: string): string | null {
  const pool = group.body.people;
  for (let attempt = 0; attempt < 4 && pool.length > 0; attempt++) {
    const candidate = rng.pick(pool);
    const freeFrom = group.left.get(candidate);
    if (freeFrom !== undefined && freeFrom > day) continue;
    if (!group.seats.some((s) => s.person === candidate)) return candidate;
  }
  return null;
}

/** Remembers when someone who leaves can sit again; forgets those who long could. */
export function noteLeaving(group: GroupSim, person: string, freeFrom: string): void {
  group.left.set(person, freeFrom);
  if (group.left.size > 32) for (const [p, day] of group.left) if (day < freeFrom) group.left.delete(p);
}

import { slugify } from '../../src/domain/slug';
import { pad, recordedAfter } from './dates';
import type { BenchCommand, HistoryKind, Meeting } from './history-kind';
import { HISTORY_KINDS } from './history-kinds';
import { placeName } from './names';
import { Prng } from './prng';
import { ProtocolSession } from './protocol-session';
import { createWorld, type BodySim, type World } from './world';

export interface GeneratedCommand {
  /** When the ledger records it (transaction time): two days after the meeting. */
  readonly at: Date;
  readonly command: BenchCommand;
}

export interface GenerateOptions {
  readonly seed: number;
  readonly bodies: number;
  readonly startYear?: number;
  readonly kinds?: readonly HistoryKind[];
}

/** Bodies per county: one region and its municipalities, as in Kalmar län (twelve plus the region). */
const COUNTY_SIZE = 14;
/** Ten meetings a year; none in July or January. */
const MEETING_MONTHS = [2, 3, 4, 5, 6, 8, 9, 10, 11, 12];

/**
 * What one body adds to the log over a decade: about 465 events at go-live and 380 a year of
 * meetings (protocols with their agenda items, seats, chairs, affiliations, grants,
 * corrections), measured with `bench/tools/events-per-body-year.ts` (3 bodies over 10 years,
 * seeds 1 and 2: 4 335 and 4 148). A year grows a little as bodies found new groups.
 */
const EVENTS_PER_BODY_DECADE = 4_300;

/**
 * The number of bodies follows the requested size, so a group's history stays about a decade
 * long at every size: 10^6 events is about 230 bodies over a decade (Sweden has 290
 * municipalities and 21 regions), 10^7 ten times as many, not a century.
 */
export function bodiesForEvents(events: number): number {
  return Math.max(1, Math.round(events / EVENTS_PER_BODY_DECADE));
}

/**
 * A seeded, endless history: every body goes live in January of the start year (its
 * current organisation is loaded), then meets ten times a year. Commands come in the
 * order the ledger would receive them; the caller stops when it has enough events.
 */
export function generateHistory(options: GenerateOptions): { readonly world: World; readonly commands: Generator<GeneratedCommand, never, undefined> } {
  const world = createWorld(options.seed);
  return { world, commands: run(world, options) };
}

function* run(world: World, options: GenerateOptions): Generator<GeneratedCommand, never, undefined> {
  const rng = new Prng(options.seed);
  const kinds = options.kinds ?? HISTORY_KINDS;
  const startYear = options.startYear ?? 2016;
  createBodies(world, options.bodies);

  let sequence = 0;
  const nextCommandId = () => `bench-${options.seed}-${world.commandsEmitted++}`;
  // Runs every kind over one protocol, then hands its commands out in order, each recorded a moment after the one before.
  function* protocol(body: BodySim, meeting: Meeting, hook: 'goLive' | 'meeting'): Generator<GeneratedCommand, void, undefined> {
    world.lastDay = meeting.day;
    const session = new ProtocolSession(world, rng, meeting, nextCommandId);
    for (const kind of kinds) kind[hook]?.(body, meeting, session);
    for (const command of session.commands()) yield { at: recordedAfter(meeting.day, sequence++), command };
  }

  for (const body of world.bodies) {
    const day = `${startYear}-01-15`;
    yield* protocol(body, { day, year: startYear, firstOfYear: true, document: `Inläsning av organisationen ${body.place} ${day}`, slug: null }, 'goLive');
  }

  for (let year = startYear; ; year++) {
    for (const month of MEETING_MONTHS) {
      const days = world.bodies.map((body) => ({ body, day: rng.between(2, 27) }));
      days.sort((a, b) => a.day - b.day || a.body.index - b.body.index);
      for (const { body, day } of days) {
        const date = `${year}-${pad(month)}-${pad(day)}`;
        const leadership = body.groups[0];
        const meeting: Meeting = {
          day: date,
          year,
          firstOfYear: month === MEETING_MONTHS[0],
          document: `Protokoll Ledningsgrupp ${body.place} ${date}`,
          slug: leadership ? `${leadership.slug}-${date}` : null,
        };
        yield* protocol(body, meeting, 'meeting');
      }
    }
  }
}

function createBodies(world: World, count: number): void {
  let county: string[] = [];
  for (let index = 0; index < count; index++) {
    if (index % COUNTY_SIZE === 0) county = [];
    const place = placeName(index);
    const kind = index % COUNTY_SIZE === 0 ? 'region' : 'municipality';
    const partySlug = slugify(kind === 'region' ? `Region ${place}` : `${place} kommun`);
    const body: BodySim = { index, partySlug, place, kind, countyParties: county, groups: [], people: [], groupsEstablished: 0, grants: [], correctable: [], followUps: [] };
    world.bodies.push(body);
  }
}

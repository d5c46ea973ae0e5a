import { slugify } from '../../src/domain/slug';
import { pad, recordedAfter } from './dates';
import type { BenchCommand, GenerationContext, HistoryKind, Meeting } from './history-kind';
import { HISTORY_KINDS } from './history-kinds';
import { placeName } from './names';
import { Prng } from './prng';
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
 * About 300 bodies make a national decade of about 10^6 events with today's slices, so the
 * number of bodies follows the requested size and a group's history stays a decade long:
 * 10^5 events is a few counties, 10^6 is Sweden, 10^7 ten Swedens.
 */
export function bodiesForEvents(events: number): number {
  return Math.max(1, Math.round((events * 300) / 1_000_000));
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
  let buffer: GeneratedCommand[] = [];
  const session = (meeting: Meeting): GenerationContext => {
    let item = 0;
    world.lastDay = meeting.day;
    return {
      world,
      rng,
      emit(type, data) {
        item += 1;
        const command: BenchCommand = {
          type,
          data,
          metadata: { commandId: `bench-${options.seed}-${world.commandsEmitted++}`, decidedOn: meeting.day, source: { document: meeting.document, item: String(item) } },
        };
        buffer.push({ at: recordedAfter(meeting.day, sequence++), command });
      },
    };
  };

  for (const body of world.bodies) {
    const day = `${startYear}-01-15`;
    const meeting: Meeting = { day, year: startYear, firstOfYear: true, document: `Inläsning av organisationen ${body.place} ${day}` };
    const ctx = session(meeting);
    for (const kind of kinds) kind.goLive?.(body, meeting, ctx);
    yield* buffer;
    buffer = [];
  }

  for (let year = startYear; ; year++) {
    for (const month of MEETING_MONTHS) {
      const days = world.bodies.map((body) => ({ body, day: rng.between(2, 27) }));
      days.sort((a, b) => a.day - b.day || a.body.index - b.body.index);
      for (const { body, day } of days) {
        const date = `${year}-${pad(month)}-${pad(day)}`;
        const meeting: Meeting = { day: date, year, firstOfYear: month === MEETING_MONTHS[0], document: `Protokoll Ledningsgrupp ${body.place} ${date}` };
        const ctx = session(meeting);
        for (const kind of kinds) kind.meeting?.(body, meeting, ctx);
        yield* buffer;
        buffer = [];
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
    const body: BodySim = { index, partySlug, place, kind, countyParties: county, groups: [], people: [], groupsEstablished: 0 };
    world.bodies.push(body);
  }
}

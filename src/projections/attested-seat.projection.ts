import type Database from 'better-sqlite3';
import { applyCorrections, isCorrection, type Effective } from '../events/apply-corrections';
import type { LedgerEvent } from '../events/ledger-event';
import { KNOWN_COLUMNS, statement, type Projection } from './projection';
import { ScopedFold, ScopedLog } from './scoped-log';
import { json, syncCurrentRows, syncVersionedRows, type CurrentRow, type Row } from './versioned-rows';

const SEAT_COLUMNS = ['person_id', 'party_id', 'capacity'];
const SEAT_MEETING_COLUMNS = [...SEAT_COLUMNS, 'meeting_id'];

const log = new ScopedLog('rm_attested_seats_log');
// Evolved in place: only the state of the scope's last event is ever held (and dropped on rollback).
const bodies = new ScopedFold<AttestedLists>(log, attestedListsOf, evolveAttestedLists);

interface Attendance {
  readonly meetingId: string;
  readonly date: string;
  readonly document: string;
  readonly acting: boolean;
  readonly eventIds: readonly string[];
  /** Where the meeting's list began in the log: the order of meetings held on one day. */
  readonly listPosition: number;
}

/**
 * The seats of a body as its protocols' attendance lists show them: a member listed under
 * "Närvarande ledamöter" sat from the first to the last meeting attended, for each
 * organisation (or capacity) separately. Distinct from appointed seats: nothing here says
 * when a seat began or ended, only that the person sat on those days.
 *
 * Two tables: a seat's row (its first and last day) and one row per meeting it attended.
 * A new list adds a meeting row per seat listed and a new version of those seats' rows;
 * no row repeats a seat's earlier meetings (issue 15: when one row held them all, every
 * list rewrote each listed seat's whole history, 22 % of a rebuilt read-model file).
 */
export function attestedSeatsOf(bodyId: string, events: readonly LedgerEvent[]): Row[] {
  return seatRows(bodyId, seatsAttended(attestedListsOf(events)));
}

/** The meetings each seat of the body attended, one row each (the second table). */
export function attestedSeatMeetingsOf(bodyId: string, events: readonly LedgerEvent[]): Row[] {
  return seatMeetingRows(bodyId, seatsAttended(attestedListsOf(events)));
}

/**
 * A body's meetings and attendance lists, as its (corrected) events say. Held for every body
 * while the log is read, so it is compact: each seat the lists name is kept once, and a list
 * entry is a number (issue 15: an object per entry, with its seat's key, held 77 MB for the
 * 233 bodies of a 10^6-event log in the ledger's thread, through the whole rebuild).
 */
export interface AttestedLists {
  readonly meetings: Map<string, { date: string; document: string; eventIds: string[] }>;
  /** Every seat the body's lists name, in the order first listed; `seatNumbers` finds one by its key. */
  readonly seats: ListedSeat[];
  readonly seatNumbers: Map<string, number>;
  /** Each meeting's list: its entries in list order, as `entryOf` numbers them. */
  readonly lists: Map<string, { entries: number[]; eventIds: string[]; position: number }>;
}

/** The seat an entry attests: person, organisation, capacity (`key` names the three). */
interface ListedSeat {
  readonly personId: string;
  readonly partyId: string | null;
  readonly capacity: string | null;
  readonly key: string;
}

/** A list entry as a number: its seat's number, twice, plus one when the member was acting. */
function entryOf(state: AttestedLists, x: { personId: string; partyId: string | null; capacity: string | null; acting: boolean }): number {
  const key = seatKey(x);
  let n = state.seatNumbers.get(key);
  if (n === undefined) {
    n = state.seats.push({ personId: x.personId, partyId: x.partyId, capacity: x.capacity, key }) - 1;
    state.seatNumbers.set(key, n);
  }
  return n * 2 + (x.acting ? 1 : 0);
}

const seatOfEntry = (state: AttestedLists, entry: number): ListedSeat => state.seats[Math.floor(entry / 2)]!;
const actingOfEntry = (entry: number): boolean => entry % 2 === 1;

const seatKey = (e: { personId: string; partyId: string | null; capacity: string | null }) => JSON.stringify([e.personId, e.partyId, e.capacity]);

export function attestedListsOf(events: readonly LedgerEvent[]): AttestedLists {
  const state: AttestedLists = { meetings: new Map(), seats: [], seatNumbers: new Map(), lists: new Map() };
  for (const e of applyCorrections(events)) evolveAttestedLists(state, e);
  return state;
}

/** One (corrected) event's part: a meeting's date and document, or more names on its list. Changes `state` in place and returns it. */
export function evolveAttestedLists(state: AttestedLists, e: Effective<LedgerEvent>): AttestedLists {
  const ids = [e.id, ...e.correctedBy];
  if (e.type === 'MeetingRecorded') state.meetings.set(e.data.meetingId, { date: e.data.date, document: e.metadata.source?.document ?? e.data.title ?? e.data.slug, eventIds: ids });
  if (e.type === 'AttendanceRecorded') {
    const current = state.lists.get(e.data.meetingId) ?? { entries: [], eventIds: [], position: e.position };
    const members = e.data.entries.filter((x) => x.role === 'member').map((x) => entryOf(state, x));
    state.lists.set(e.data.meetingId, { entries: [...current.entries, ...members], eventIds: [...current.eventIds, ...ids], position: current.position });
  }
  return state;
}

interface SeatAttended {
  readonly personId: string;
  readonly partyId: string | null;
  readonly capacity: string | null;
  /** In the order of the days, then of the lists. */
  readonly attended: Attendance[];
}

/**
 * Each seat's meetings (with `only`, just those seats'): a seat listed twice on one
 * meeting's list attended it once, as its first entry says.
 */
function seatsAttended(state: AttestedLists, only?: ReadonlySet<string>): SeatAttended[] {
  const seats = new Map<string, SeatAttended & { meetingIds: Set<string> }>();
  for (const [meetingId, list] of state.lists) {
    const meeting = state.meetings.get(meetingId);
    if (!meeting) continue;
    for (const entry of list.entries) {
      const listed = seatOfEntry(state, entry);
      const key = listed.key;
      if (only && !only.has(key)) continue;
      let seat = seats.get(key);
      if (!seat) seats.set(key, (seat = { personId: listed.personId, partyId: listed.partyId, capacity: listed.capacity, attended: [], meetingIds: new Set() }));
      if (seat.meetingIds.has(meetingId)) continue;
      seat.meetingIds.add(meetingId);
      seat.attended.push({ meetingId, date: meeting.date, document: meeting.document, acting: actingOfEntry(entry), eventIds: [...meeting.eventIds, ...list.eventIds], listPosition: list.position });
    }
  }
  return [...seats.values()].map(({ personId, partyId, capacity, attended }) => ({ personId, partyId, capacity, attended: attended.sort(byDayThenList) }));
}

const byDayThenList = (a: Attendance, b: Attendance) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.listPosition - b.listPosition);

function seatRows(bodyId: string, seats: readonly SeatAttended[]): Row[] {
  return seats.map((seat) => ({
    body_id: bodyId,
    person_id: seat.personId,
    party_id: seat.partyId,
    capacity: seat.capacity,
    first_date: seat.attended[0]!.date,
    last_date: seat.attended[seat.attended.length - 1]!.date,
  }));
}

/** One row per seat and meeting attended; with `meetingId`, only that meeting's. */
function seatMeetingRows(bodyId: string, seats: readonly SeatAttended[], meetingId?: string): Row[] {
  return seats.flatMap((seat) =>
    seat.attended
      .filter((a) => meetingId === undefined || a.meetingId === meetingId)
      .map((a) => ({
        body_id: bodyId,
        person_id: seat.personId,
        party_id: seat.partyId,
        capacity: seat.capacity,
        meeting_id: a.meetingId,
        date: a.date,
        list_position: a.listPosition,
        acting: a.acting ? 1 : 0,
        document: a.document,
        events: json(a.eventIds),
      })),
  );
}

function bodyOfMeeting(db: Database.Database, meetingId: string): string | null {
  return (statement(db, 'SELECT body_id FROM rm_attested_meeting_bodies WHERE meeting_id = ?').get(meetingId) as { body_id: string } | undefined)?.body_id ?? null;
}

/** Who sat on a body on a day by its attendance lists: one projection for that one question. */
export const attestedSeatProjection: Projection = {
  name: 'attested-seat',
  version: 2,
  tables: ['rm_attested_seats', 'rm_attested_seat_meetings', 'rm_attested_meeting_bodies', 'rm_attested_seats_log'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_attested_seats (
      body_id TEXT NOT NULL, person_id TEXT NOT NULL, party_id TEXT, capacity TEXT,
      first_date TEXT NOT NULL, last_date TEXT NOT NULL,
      ${KNOWN_COLUMNS});
      CREATE INDEX IF NOT EXISTS rm_attested_seats_by_body ON rm_attested_seats (body_id, first_date);
      CREATE INDEX IF NOT EXISTS rm_attested_seats_by_person ON rm_attested_seats (body_id, person_id, known_until);
      CREATE TABLE IF NOT EXISTS rm_attested_seat_meetings (
      body_id TEXT NOT NULL, person_id TEXT NOT NULL, party_id TEXT, capacity TEXT,
      meeting_id TEXT NOT NULL, date TEXT NOT NULL, list_position INTEGER NOT NULL, acting INTEGER NOT NULL, document TEXT NOT NULL, events TEXT NOT NULL,
      ${KNOWN_COLUMNS});
      CREATE INDEX IF NOT EXISTS rm_attested_seat_meetings_by_person ON rm_attested_seat_meetings (body_id, person_id, known_until);
      CREATE INDEX IF NOT EXISTS rm_attested_seat_meetings_by_meeting ON rm_attested_seat_meetings (body_id, meeting_id, known_until);
      CREATE TABLE IF NOT EXISTS rm_attested_meeting_bodies (meeting_id TEXT PRIMARY KEY, body_id TEXT NOT NULL);
      ${log.setupSql()}`);
  },
  forget: () => bodies.forget(),
  apply(db, event) {
    if (event.type === 'MeetingRecorded') {
      statement(db, 'INSERT OR IGNORE INTO rm_attested_meeting_bodies (meeting_id, body_id) VALUES (?, ?)').run(event.data.meetingId, event.data.bodyId);
    }
    const bodyId = log.scopeFor(db, event, (e) =>
      e.type === 'MeetingRecorded' ? e.data.bodyId : e.type === 'AttendanceRecorded' ? bodyOfMeeting(db, e.data.meetingId) : null,
    );
    if (bodyId === null) return;
    const state = bodies.next(db, bodyId, event);
    // A meeting without an attendance list changes no seat.
    if (event.type === 'MeetingRecorded' && !isCorrection(event)) return;
    if (event.type === 'AttendanceRecorded' && !isCorrection(event)) {
      // A list (or more of one) changes the seats listed for that meeting and their rows of that meeting, no other: only those rows are read and written.
      const meetingId = event.data.meetingId;
      const entries = (state.lists.get(meetingId)?.entries ?? []).map((entry) => seatOfEntry(state, entry));
      const listed = new Set(entries.map((seat) => seat.key));
      const seats = seatsAttended(state, listed);
      const current = [...new Set(entries.map((seat) => seat.personId))].flatMap(
        (personId) => statement(db, 'SELECT rowid AS _rowid, * FROM rm_attested_seats WHERE body_id = ? AND person_id = ? AND known_until IS NULL').all(bodyId, personId) as CurrentRow[],
      );
      const touched = current.filter((r) => listed.has(seatKey({ personId: r.person_id as string, partyId: r.party_id as string | null, capacity: r.capacity as string | null })));
      syncCurrentRows(db, 'rm_attested_seats', touched, SEAT_COLUMNS, seatRows(bodyId, seats), event);
      const ofMeeting = statement(db, 'SELECT rowid AS _rowid, * FROM rm_attested_seat_meetings WHERE body_id = ? AND meeting_id = ? AND known_until IS NULL').all(bodyId, meetingId) as CurrentRow[];
      syncCurrentRows(db, 'rm_attested_seat_meetings', ofMeeting, SEAT_MEETING_COLUMNS, seatMeetingRows(bodyId, seats, meetingId), event);
      return;
    }
    const seats = seatsAttended(state);
    syncVersionedRows(db, 'rm_attested_seats', { column: 'body_id', value: bodyId }, SEAT_COLUMNS, seatRows(bodyId, seats), event);
    syncVersionedRows(db, 'rm_attested_seat_meetings', { column: 'body_id', value: bodyId }, SEAT_MEETING_COLUMNS, seatMeetingRows(bodyId, seats), event);
  },
};

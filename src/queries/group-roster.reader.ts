import type Database from 'better-sqlite3';
import { ATTENDANCE_LIST } from '../commands/meeting/meeting-basis';
import type { Basis } from '../domain/basis';
import type { SourceRef } from '../events/event-envelope';
import type { IntervalRow } from '../projections/interval-columns';
import { statement } from '../projections/projection';
import type { DirectoryReader, GroupSummary, NamedRef } from './directory.reader';
import { KNOWN_AT_SQL, type TemporalParams } from './temporal-params';

export interface RosterMember {
  readonly person: NamedRef;
  /** "chair" or "vice-chair" while the person holds that role, otherwise the seat's role. */
  readonly role: string;
  readonly representing: NamedRef | null;
  readonly field: string | null;
  /** Title and employer as of `at`: the latest affiliation on or before it, else the appointment's title. */
  readonly title: string | null;
  readonly organisation: NamedRef | null;
  readonly from: string | null;
  readonly fromPrecision: string;
  /** Last day, inclusive; null while open. */
  readonly to: string | null;
  readonly toPrecision: string | null;
  /** True when an imprecise start or end ("2025", "unknown") leaves it open whether the person sat on `at`. */
  readonly uncertain: boolean;
  readonly events: readonly string[];
  readonly sources: readonly SourceRef[];
  /** Why the ledger holds the seat (or, without a seat, the chair term): stated by a source or inferred. */
  readonly basis: Basis;
  /** The basis of `role` when it comes from a chair term held beside the seat. */
  readonly roleBasis?: Basis;
  /** The basis of `title`/`organisation` when they come from an affiliation. */
  readonly affiliationBasis?: Basis;
}

/** A seat the attendance lists attest: the person is listed as a member present at meetings from `from` to `to`. */
export interface AttestedSeat {
  readonly person: NamedRef;
  readonly representing: NamedRef | null;
  readonly capacity: string | null;
  /** The first and the last meeting attended for that organisation (or capacity). */
  readonly from: string;
  readonly to: string;
  /** True when `at` is the day of a meeting the person attended: the list names them; between meetings it is read from the first to the last. */
  readonly attendedOn: boolean;
  readonly meetings: readonly { readonly meetingId: string; readonly date: string; readonly acting: boolean }[];
  readonly basis: Basis;
  readonly events: readonly string[];
}

export interface Roster {
  readonly group: GroupSummary;
  readonly at: string;
  readonly knownAt: string | null;
  /** Appointed seats and chair terms. */
  readonly members: readonly RosterMember[];
  /** Seats attested by the body's attendance lists ("Närvarande ledamöter"), kept apart from appointed seats. */
  readonly attested: readonly AttestedSeat[];
}

interface AttestedRow {
  person_id: string;
  party_id: string | null;
  capacity: string | null;
  first_date: string;
  last_date: string;
}

interface AttestedMeetingRow {
  meeting_id: string;
  date: string;
  acting: number;
  document: string;
  events: string;
}

interface SeatRow extends IntervalRow {
  person_id: string;
  role: string;
  representing_id: string | null;
  field: string | null;
  title: string | null;
  from_hi: string;
  to_lo: string;
}

interface AffiliationRow {
  person_id: string;
  organisation_id: string;
  unit: string | null;
  title: string | null;
  event_id: string;
  events: string;
  basis: string;
}

const ROLE_ORDER: Record<string, number> = { chair: 0, 'vice-chair': 1 };

/** Who sat on a group on a day, as the ledger knew it at a time. */
export class GroupRosterReader {
  constructor(
    private readonly db: Database.Database,
    private readonly directory: DirectoryReader,
  ) {}

  roster(group: GroupSummary, { at, knownAt }: TemporalParams): Roster {
    const params = { groupId: group.id, at, knownAt };
    // Prepared once per connection: preparing on every call cost more than running the query.
    const seats = statement(
      this.db,
      `SELECT person_id, role, representing_id, field, title, ${INTERVAL_SELECT} FROM rm_memberships
       WHERE group_id = @groupId AND from_lo <= @at AND to_hi >= @at AND ${KNOWN_AT_SQL}`,
    ).all(params) as SeatRow[];
    const chairs = statement(
      this.db,
      `SELECT person_id, role, NULL AS representing_id, NULL AS field, NULL AS title, ${INTERVAL_SELECT} FROM rm_chair_terms
       WHERE group_id = @groupId AND from_lo <= @at AND to_hi >= @at AND ${KNOWN_AT_SQL}`,
    ).all(params) as SeatRow[];

    const personIds = [...seats, ...chairs].map((r) => r.person_id);
    const people = this.directory.persons(personIds);
    const affiliations = this.affiliationsOn(personIds, at, knownAt);
    const parties = this.directory.parties([...seats.map((s) => s.representing_id), ...[...affiliations.values()].map((a) => a.organisation_id)].filter((x): x is string => x !== null));

    const byPerson = new Map<string, RosterMember>();
    for (const row of seats) byPerson.set(row.person_id, this.member(row, people, parties, affiliations.get(row.person_id), at));
    for (const term of chairs) {
      const seat = byPerson.get(term.person_id);
      const chair = this.member(term, people, parties, affiliations.get(term.person_id), at);
      byPerson.set(
        term.person_id,
        seat
          ? { ...seat, role: term.role, roleBasis: chair.basis, uncertain: seat.uncertain || chair.uncertain, events: [...new Set([...seat.events, ...chair.events])], sources: dedupe([...seat.sources, ...chair.sources]) }
          : chair,
      );
    }
    const members = [...byPerson.values()].sort(
      (a, b) => (ROLE_ORDER[a.role] ?? 2) - (ROLE_ORDER[b.role] ?? 2) || a.person.name.localeCompare(b.person.name, 'sv'),
    );
    return { group, at, knownAt, members, attested: this.attested(group, at, knownAt) };
  }

  private attested(group: GroupSummary, at: string, knownAt: string | null): AttestedSeat[] {
    const rows = statement(
      this.db,
      `SELECT person_id, party_id, capacity, first_date, last_date FROM rm_attested_seats
       WHERE body_id = @groupId AND first_date <= @at AND last_date >= @at AND ${KNOWN_AT_SQL}`,
    ).all({ groupId: group.id, at, knownAt }) as AttestedRow[];
    const meetingsOf = statement(
      this.db,
      `SELECT meeting_id, date, acting, document, events FROM rm_attested_seat_meetings
       WHERE body_id = @groupId AND person_id = @personId AND party_id IS @partyId AND capacity IS @capacity AND ${KNOWN_AT_SQL}
       ORDER BY date, list_position`,
    );
    const people = this.directory.persons(rows.map((r) => r.person_id));
    const parties = this.directory.parties(rows.map((r) => r.party_id).filter((x): x is string => x !== null));
    return rows
      .map((r) => {
        const attended = meetingsOf.all({ groupId: group.id, personId: r.person_id, partyId: r.party_id, capacity: r.capacity, knownAt }) as AttestedMeetingRow[];
        const meetings = attended.map((m) => ({ meetingId: m.meeting_id, date: m.date, acting: m.acting === 1 }));
        return {
          person: people.get(r.person_id) ?? { id: r.person_id, slug: '', name: '(unknown person)' },
          representing: r.party_id ? (parties.get(r.party_id) ?? null) : null,
          capacity: r.capacity,
          from: r.first_date,
          to: r.last_date,
          attendedOn: meetings.some((m) => m.date === at),
          meetings,
          basis: { kind: 'stated', sources: attended.map((m) => ({ document: m.document, item: ATTENDANCE_LIST })) } satisfies Basis,
          events: [...new Set(attended.flatMap((m) => JSON.parse(m.events) as string[]))],
        };
      })
      .sort((a, b) => (a.representing?.name ?? a.capacity ?? '').localeCompare(b.representing?.name ?? b.capacity ?? '', 'sv') || a.person.name.localeCompare(b.person.name, 'sv'));
  }

  private member(row: SeatRow, people: Map<string, NamedRef>, parties: Map<string, NamedRef>, affiliation: AffiliationRow | undefined, at: string): RosterMember {
    const person = people.get(row.person_id) ?? { id: row.person_id, slug: '', name: '(unknown person)' };
    return {
      person,
      role: row.role,
      representing: row.representing_id ? (parties.get(row.representing_id) ?? null) : null,
      field: row.field,
      title: affiliation?.title ?? row.title,
      organisation: affiliation ? (parties.get(affiliation.organisation_id) ?? null) : null,
      from: row.from_date,
      fromPrecision: row.from_precision,
      to: row.to_date,
      toPrecision: row.to_precision,
      uncertain: row.from_hi > at || row.to_lo < at,
      events: [...(JSON.parse(row.events) as string[]), ...(affiliation ? (JSON.parse(affiliation.events) as string[]) : [])],
      sources: JSON.parse(row.sources) as SourceRef[],
      basis: JSON.parse(row.basis) as Basis,
      ...(affiliation && { affiliationBasis: JSON.parse(affiliation.basis) as Basis }),
    };
  }

  /** The latest affiliation of each person that starts on or before `at`. */
  private affiliationsOn(personIds: readonly string[], at: string, knownAt: string | null): Map<string, AffiliationRow> {
    const result = new Map<string, AffiliationRow>();
    const latest = statement(
      this.db,
      `SELECT person_id, organisation_id, unit, title, event_id, events, basis FROM rm_affiliations
       WHERE person_id = @personId AND from_lo <= @at AND ${KNOWN_AT_SQL} ORDER BY from_lo DESC, position DESC LIMIT 1`,
    );
    for (const personId of new Set(personIds)) {
      const row = latest.get({ personId, at, knownAt }) as AffiliationRow | undefined;
      if (row) result.set(personId, row);
    }
    return result;
  }
}

const INTERVAL_SELECT = 'from_date, from_precision, from_hi, to_date, to_precision, to_lo, events, sources, basis, attested, known_from, known_until';

function dedupe(sources: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = JSON.stringify(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

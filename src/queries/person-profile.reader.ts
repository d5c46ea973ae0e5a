import type Database from 'better-sqlite3';
import type { Basis } from '../domain/basis';
import type { DirectoryReader, NamedRef } from './directory.reader';
import type { PersonHistory, PersonHistoryReader } from './person-history.reader';
import { KNOWN_AT_SQL } from './temporal-params';

export interface MeetingAttended {
  readonly meeting: { readonly id: string; readonly slug: string; readonly date: string; readonly body: NamedRef | null };
  /** "member" (Närvarande ledamöter) or "other" (Övriga medverkande). */
  readonly role: string;
  readonly acting: boolean;
  readonly party: NamedRef | null;
  readonly capacity: string | null;
  /** The attendance list that names the person. */
  readonly basis: Basis;
  readonly events: readonly string[];
}

export interface PersonProfile extends PersonHistory {
  readonly meetingsAttended: readonly MeetingAttended[];
}

/** A person in official capacity: seats, chair roles and affiliations over time, and the meetings attended. */
export class PersonProfileReader {
  constructor(
    private readonly db: Database.Database,
    private readonly directory: DirectoryReader,
    private readonly history: PersonHistoryReader,
  ) {}

  profile(person: NamedRef, knownAt: string | null): PersonProfile {
    const rows = this.db
      .prepare<{ personId: string; knownAt: string | null }, { meeting_id: string; slug: string; date: string; body_id: string; role: string; acting: number; party_id: string | null; capacity: string | null; events: string; basis: string }>(
        `SELECT a.meeting_id, m.slug, m.date, m.body_id, a.role, a.acting, a.party_id, a.capacity, a.events, a.basis
         FROM rm_attendance a JOIN rm_meetings m ON m.meeting_id = a.meeting_id AND ${KNOWN_AT_SQL.replace(/known_(from|until)/g, 'm.known_$1')}
         WHERE a.person_id = @personId AND ${KNOWN_AT_SQL.replace(/known_(from|until)/g, 'a.known_$1')} ORDER BY m.date`,
      )
      .all({ personId: person.id, knownAt });
    const bodies = this.directory.groups(rows.map((r) => r.body_id));
    const parties = this.directory.parties(rows.map((r) => r.party_id).filter((x): x is string => x !== null));
    return {
      ...this.history.history(person, knownAt),
      meetingsAttended: rows.map((r) => ({
        meeting: { id: r.meeting_id, slug: r.slug, date: r.date, body: bodies.get(r.body_id) ?? null },
        role: r.role,
        acting: r.acting === 1,
        party: r.party_id ? (parties.get(r.party_id) ?? null) : null,
        capacity: r.capacity,
        basis: JSON.parse(r.basis) as Basis,
        events: JSON.parse(r.events) as string[],
      })),
    };
  }
}

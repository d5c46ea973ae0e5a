import type Database from 'better-sqlite3';
import type { SourceRef } from '../events/event-envelope';
import type { DirectoryReader, GroupSummary, NamedRef } from './directory.reader';
import { KNOWN_AT_SQL } from './temporal-params';

/** One seat or chair term of a group, over its whole life. */
export interface GroupTerm {
  readonly kind: 'seat' | 'chair';
  readonly person: NamedRef;
  readonly role: string;
  readonly representing: NamedRef | null;
  readonly from: string | null;
  readonly fromPrecision: string;
  readonly to: string | null;
  readonly toPrecision: string | null;
  readonly events: readonly string[];
  readonly sources: readonly SourceRef[];
}

/** A start or an end of a term, with the meeting item that decided it when the log cites one. */
export interface GroupChange {
  readonly date: string | null;
  readonly precision: string;
  readonly change: 'joined' | 'left' | 'became-chair' | 'left-chair';
  readonly person: NamedRef;
  readonly role: string;
  readonly decision: { readonly meeting: string; readonly date: string; readonly item: string } | null;
  readonly events: readonly string[];
}

export interface GroupHistory {
  readonly group: GroupSummary;
  readonly knownAt: string | null;
  readonly terms: readonly GroupTerm[];
  readonly changes: readonly GroupChange[];
}

interface Row {
  person_id: string;
  role: string;
  representing_id: string | null;
  from_date: string | null;
  from_precision: string;
  to_date: string | null;
  to_precision: string | null;
  events: string;
  sources: string;
}

/** "Who sat on group X when, and which decision changed it?": every term, as known at a time. */
export class GroupHistoryReader {
  constructor(
    private readonly db: Database.Database,
    private readonly directory: DirectoryReader,
  ) {}

  history(group: GroupSummary, knownAt: string | null): GroupHistory {
    const params = { groupId: group.id, knownAt };
    const select = (table: string, representing: string) =>
      this.db
        .prepare<typeof params, Row>(
          `SELECT person_id, role, ${representing} AS representing_id, from_date, from_precision, to_date, to_precision, events, sources
           FROM ${table} WHERE group_id = @groupId AND ${KNOWN_AT_SQL} ORDER BY from_lo, person_id`,
        )
        .all(params);
    const seats = select('rm_memberships', 'representing_id');
    const chairs = select('rm_chair_terms', 'NULL');
    const people = this.directory.persons([...seats, ...chairs].map((r) => r.person_id));
    const parties = this.directory.parties(seats.map((s) => s.representing_id).filter((x): x is string => x !== null));
    const term = (kind: 'seat' | 'chair') => (r: Row): GroupTerm => ({
      kind,
      person: people.get(r.person_id) ?? { id: r.person_id, slug: '', name: '(okänd person)' },
      role: r.role,
      representing: r.representing_id ? (parties.get(r.representing_id) ?? null) : null,
      from: r.from_date,
      fromPrecision: r.from_precision,
      to: r.to_date,
      toPrecision: r.to_precision,
      events: JSON.parse(r.events) as string[],
      sources: JSON.parse(r.sources) as SourceRef[],
    });
    const terms = [...seats.map(term('seat')), ...chairs.map(term('chair'))];
    const changes: GroupChange[] = [];
    for (const t of terms) {
      const decision = this.decisionOf(t, knownAt);
      changes.push({ date: t.from, precision: t.fromPrecision, change: t.kind === 'seat' ? 'joined' : 'became-chair', person: t.person, role: t.role, decision: decision.start, events: t.events });
      if (t.toPrecision !== null) {
        changes.push({ date: t.to, precision: t.toPrecision ?? 'unknown', change: t.kind === 'seat' ? 'left' : 'left-chair', person: t.person, role: t.role, decision: decision.end, events: t.events });
      }
    }
    changes.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.person.name.localeCompare(b.person.name, 'sv'));
    return { group, knownAt, terms, changes };
  }

  /**
   * The meeting items the term's events cite: one held on or after the term's last day
   * decided its end; the earliest other one decided its start.
   */
  private decisionOf(t: GroupTerm, knownAt: string | null): { start: GroupChange['decision']; end: GroupChange['decision'] } {
    if (t.events.length === 0) return { start: null, end: null };
    const rows = this.db
      .prepare<unknown[], { event_id: string; slug: string; date: string; item: string }>(
        `SELECT e.event_id, m.slug, m.date, e.item FROM rm_decision_effects e JOIN rm_meetings m ON m.meeting_id = e.meeting_id AND ${KNOWN_AT_SQL.replace(/known_(from|until)/g, 'm.known_$1')}
         WHERE e.event_id IN (${t.events.map(() => '?').join(', ')}) AND ${KNOWN_AT_SQL.replace(/known_(from|until)/g, 'e.known_$1')} ORDER BY m.date, e.position`,
      )
      .all(...t.events, { knownAt });
    const ref = (r: (typeof rows)[number] | undefined) => (r ? { meeting: r.slug, date: r.date, item: r.item } : null);
    const ends = (r: (typeof rows)[number]) => t.toPrecision !== null && t.to !== null && r.date >= t.to && (t.from === null || r.date > t.from);
    return { start: ref(rows.find((r) => !ends(r))), end: ref([...rows].reverse().find(ends)) };
  }
}

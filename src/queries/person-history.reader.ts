import type Database from 'better-sqlite3';
import type { Basis } from '../domain/basis';
import type { SourceRef } from '../events/event-envelope';
import type { DirectoryReader, NamedRef } from './directory.reader';
import { KNOWN_AT_SQL } from './temporal-params';

export interface PersonHistory {
  readonly person: NamedRef;
  readonly knownAt: string | null;
  readonly memberships: readonly HistoryEntry[];
  readonly chairs: readonly HistoryEntry[];
  readonly affiliations: readonly AffiliationEntry[];
}

export interface HistoryEntry {
  readonly group: NamedRef;
  readonly role: string;
  readonly representing: NamedRef | null;
  readonly field: string | null;
  readonly from: string | null;
  readonly fromPrecision: string;
  readonly to: string | null;
  readonly toPrecision: string | null;
  readonly events: readonly string[];
  readonly sources: readonly SourceRef[];
  readonly basis: Basis;
  /** Days a source shows it holding. */
  readonly attestedOn: readonly string[];
}

export interface AffiliationEntry {
  readonly organisation: NamedRef | null;
  readonly unit: string | null;
  readonly title: string | null;
  readonly from: string;
  readonly fromPrecision: string;
  readonly event: string;
  /** The event and any corrections of it. */
  readonly events: readonly string[];
  readonly source: SourceRef | null;
  readonly basis: Basis;
}

interface Row {
  group_id: string;
  group_slug: string;
  group_name: string;
  role: string;
  representing_id: string | null;
  field: string | null;
  from_date: string | null;
  from_precision: string;
  to_date: string | null;
  to_precision: string | null;
  events: string;
  sources: string;
  basis: string;
  attested: string;
}

/** A person's whole history: every seat and chair in every group, and their affiliations. */
export class PersonHistoryReader {
  constructor(
    private readonly db: Database.Database,
    private readonly directory: DirectoryReader,
  ) {}

  history(person: NamedRef, knownAt: string | null): PersonHistory {
    const params = { personId: person.id, knownAt };
    const select = (table: string, extra: string) =>
      this.db
        .prepare<typeof params, Row>(
          `SELECT t.group_id, g.slug AS group_slug, g.name AS group_name, t.role, ${extra}, t.from_date, t.from_precision, t.to_date, t.to_precision, t.events, t.sources, t.basis, t.attested
           FROM ${table} t JOIN rm_groups g ON g.id = t.group_id
           WHERE t.person_id = @personId AND ${KNOWN_AT_SQL.replace(/known_(from|until)/g, 't.known_$1')} ORDER BY t.from_lo, g.name`,
        )
        .all(params);
    const seats = select('rm_memberships', 't.representing_id, t.field');
    const chairs = select('rm_chair_terms', 'NULL AS representing_id, NULL AS field');
    const affiliationRows = this.db
      .prepare<typeof params, { organisation_id: string; unit: string | null; title: string | null; from_date: string; from_precision: string; event_id: string; events: string; source: string; basis: string }>(
        `SELECT organisation_id, unit, title, from_date, from_precision, event_id, events, source, basis FROM rm_affiliations
         WHERE person_id = @personId AND ${KNOWN_AT_SQL} ORDER BY from_lo, position`,
      )
      .all(params);
    const parties = this.directory.parties([...seats.map((s) => s.representing_id), ...affiliationRows.map((a) => a.organisation_id)].filter((x): x is string => x !== null));
    const entry = (r: Row): HistoryEntry => ({
      group: { id: r.group_id, slug: r.group_slug, name: r.group_name },
      role: r.role,
      representing: r.representing_id ? (parties.get(r.representing_id) ?? null) : null,
      field: r.field,
      from: r.from_date,
      fromPrecision: r.from_precision,
      to: r.to_date,
      toPrecision: r.to_precision,
      events: JSON.parse(r.events) as string[],
      sources: JSON.parse(r.sources) as SourceRef[],
      basis: JSON.parse(r.basis) as Basis,
      attestedOn: JSON.parse(r.attested) as string[],
    });
    return {
      person,
      knownAt,
      memberships: seats.map(entry),
      chairs: chairs.map(entry),
      affiliations: affiliationRows.map((a) => ({
        organisation: parties.get(a.organisation_id) ?? null,
        unit: a.unit,
        title: a.title,
        from: a.from_date,
        fromPrecision: a.from_precision,
        event: a.event_id,
        events: JSON.parse(a.events) as string[],
        source: JSON.parse(a.source) as SourceRef | null,
        basis: JSON.parse(a.basis) as Basis,
      })),
    };
  }
}

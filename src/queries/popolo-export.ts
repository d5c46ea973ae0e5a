import type Database from 'better-sqlite3';
import type { Basis } from '../domain/basis';
import { KNOWN_AT_SQL, KNOWN_FROM_SQL } from './temporal-params';

/**
 * Popolo (popoloproject.com) JSON: persons, organizations (groups and parties) and
 * memberships with start and end dates, role and on_behalf_of (the party represented).
 * Dates keep their precision ("2026-12"); an unknown start is left out, as Popolo allows.
 * Only names in official capacity: no personal data beyond the name is held.
 * Each membership carries `ledger:basis`, a property of this ledger's own (prefixed so it
 * cannot clash with Popolo's): stated, with the document and item that say it, or
 * inferred, with the reasoning, exactly as the roster answers it.
 */
export function popoloExport(db: Database.Database, knownAt: string | null) {
  const params = { knownAt };
  const persons = db.prepare<typeof params, { id: string; slug: string; name: string }>(`SELECT id, slug, name FROM rm_persons WHERE ${KNOWN_FROM_SQL} ORDER BY name`).all(params);
  const groups = db
    .prepare<typeof params, { id: string; slug: string; name: string; kind: string; parent_id: string | null; established_from: string | null }>(
      `SELECT id, slug, name, kind, parent_id, established_from FROM rm_groups WHERE ${KNOWN_FROM_SQL} ORDER BY name`,
    )
    .all(params);
  const parties = db.prepare<typeof params, { id: string; slug: string; name: string; kind: string }>(`SELECT id, slug, name, kind FROM rm_parties WHERE ${KNOWN_FROM_SQL} ORDER BY name`).all(params);
  type Seat = { id: string; group_id: string; person_id: string; role: string; representing_id: string | null; field: string | null; from_date: string | null; to_date: string | null; events: string; sources: string; basis: string };
  const seats = db
    .prepare<typeof params, Seat>(`SELECT membership_id AS id, group_id, person_id, role, representing_id, field, from_date, to_date, events, sources, basis FROM rm_memberships WHERE ${KNOWN_AT_SQL} ORDER BY from_lo`)
    .all(params);
  const chairs = db
    .prepare<typeof params, Seat>(
      `SELECT term_id AS id, group_id, person_id, role, NULL AS representing_id, NULL AS field, from_date, to_date, events, sources, basis FROM rm_chair_terms WHERE ${KNOWN_AT_SQL} ORDER BY from_lo`,
    )
    .all(params);
  const membership = (m: Seat) => ({
    id: m.id,
    person_id: m.person_id,
    organization_id: m.group_id,
    role: m.role === 'vice-chair' ? 'vice chair' : m.role,
    ...(m.field && { label: m.field }),
    ...(m.from_date && { start_date: m.from_date }),
    ...(m.to_date && { end_date: m.to_date }),
    ...(m.representing_id && { on_behalf_of_id: m.representing_id }),
    sources: (JSON.parse(m.sources) as { document?: string; url?: string; item?: string }[]).map((s) => ({ note: [s.document, s.item && `item ${s.item}`].filter(Boolean).join(', '), ...(s.url && { url: s.url }) })),
    'ledger:basis': JSON.parse(m.basis) as Basis,
    events: JSON.parse(m.events) as string[],
  });
  return {
    knownAt,
    persons: persons.map((p) => ({ id: p.id, name: p.name, identifiers: [{ scheme: 'slug', identifier: p.slug }] })),
    organizations: [
      ...groups.map((g) => ({
        id: g.id,
        name: g.name,
        classification: g.kind,
        ...(g.parent_id && { parent_id: g.parent_id }),
        ...(g.established_from && { founding_date: g.established_from }),
        identifiers: [{ scheme: 'slug', identifier: g.slug }],
      })),
      ...parties.map((p) => ({ id: p.id, name: p.name, classification: p.kind, identifiers: [{ scheme: 'slug', identifier: p.slug }] })),
    ],
    memberships: [...seats, ...chairs].map(membership),
  };
}

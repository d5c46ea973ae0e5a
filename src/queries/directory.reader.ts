import type Database from 'better-sqlite3';
import { idFromSlug, isUuid, type EntityKind } from '../domain/identity';
import type { AliasLookup } from '../commands/shared/command-context';
import { statement } from '../projections/projection';
import { KNOWN_FROM_SQL } from './temporal-params';

export interface GroupSummary {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly kind: string;
  readonly parent: { readonly id: string; readonly slug: string; readonly name: string } | null;
  readonly establishedFrom: string | null;
  readonly establishedPrecision: string;
}

export interface NamedRef {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

/** A person or party with the other spellings the ledger has seen for it. */
export interface KnownSpellings {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

interface GroupRow {
  id: string;
  slug: string;
  name: string;
  kind: string;
  parent_id: string | null;
  parent_slug: string | null;
  parent_name: string | null;
  established_from: string | null;
  established_precision: string;
}

/** Groups, people and parties by id, slug or alias, as known at a time. */
export class DirectoryReader implements AliasLookup {
  constructor(private readonly db: Database.Database) {}

  listGroups(knownAt: string | null): GroupSummary[] {
    return this.db
      .prepare<{ knownAt: string | null }, GroupRow>(
        `SELECT g.*, p.slug AS parent_slug, p.name AS parent_name FROM rm_groups g LEFT JOIN rm_groups p ON p.id = g.parent_id
         WHERE ${KNOWN_FROM_SQL.replace('known_from', 'g.known_from')} ORDER BY g.parent_id IS NOT NULL, g.name`,
      )
      .all({ knownAt })
      .map(toGroupSummary);
  }

  group(ref: string, knownAt: string | null): GroupSummary | null {
    const id = isUuid(ref) ? ref : idFromSlug('group', ref);
    const row = statement(
      this.db,
      `SELECT g.*, p.slug AS parent_slug, p.name AS parent_name FROM rm_groups g LEFT JOIN rm_groups p ON p.id = g.parent_id
       WHERE g.id = @id AND ${KNOWN_FROM_SQL.replace('known_from', 'g.known_from')}`,
    ).get({ id, knownAt }) as GroupRow | undefined;
    return row ? toGroupSummary(row) : null;
  }

  person(ref: string, knownAt: string | null): NamedRef | null {
    const id = isUuid(ref) ? ref : idFromSlug('person', ref);
    return (statement(this.db, `SELECT id, slug, name FROM rm_persons WHERE id = @id AND ${KNOWN_FROM_SQL}`).get({ id, knownAt }) as NamedRef | undefined) ?? null;
  }

  persons(ids: readonly string[]): Map<string, NamedRef> {
    return this.byIds('rm_persons', ids);
  }

  parties(ids: readonly string[]): Map<string, NamedRef> {
    return this.byIds('rm_parties', ids);
  }

  groups(ids: readonly string[]): Map<string, NamedRef> {
    return this.byIds('rm_groups', ids);
  }

  /** Every person as known now, with the other spellings protocols printed for them (attendance's printed names). */
  peopleWithSpellings(): KnownSpellings[] {
    const spellings = statement(this.db, 'SELECT DISTINCT person_id, printed_name FROM rm_attendance WHERE known_until IS NULL AND printed_name IS NOT NULL').all() as { person_id: string; printed_name: string }[];
    return this.withAliases(statement(this.db, 'SELECT id, slug, name FROM rm_persons ORDER BY slug').all() as NamedRef[], spellings.map((s) => [s.person_id, s.printed_name]));
  }

  /** Every party as known now, with its aliases ("RKL", "Västervik"). */
  partiesWithAliases(): KnownSpellings[] {
    const aliases = statement(this.db, 'SELECT party_id, alias FROM rm_party_aliases ORDER BY alias').all() as { party_id: string; alias: string }[];
    return this.withAliases(statement(this.db, 'SELECT id, slug, name FROM rm_parties ORDER BY slug').all() as NamedRef[], aliases.map((a) => [a.party_id, a.alias]));
  }

  private withAliases(rows: readonly NamedRef[], aliases: readonly (readonly [string, string])[]): KnownSpellings[] {
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: row.name,
      aliases: [...new Set(aliases.filter(([id, alias]) => id === row.id && alias !== row.name).map(([, alias]) => alias))],
    }));
  }

  canonicalSlug(kind: EntityKind, alias: string): string | null {
    if (kind !== 'party') return null;
    return (statement(this.db, 'SELECT slug FROM rm_party_aliases WHERE alias = ?').get(alias) as { slug: string } | undefined)?.slug ?? null;
  }

  private byIds(table: 'rm_persons' | 'rm_parties' | 'rm_groups', ids: readonly string[]): Map<string, NamedRef> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    // One statement per list length, prepared once per connection (a roster has at most a few dozen people).
    const rows = statement(this.db, `SELECT id, slug, name FROM ${table} WHERE id IN (${unique.map(() => '?').join(', ')})`).all(...unique) as NamedRef[];
    return new Map(rows.map((r) => [r.id, r]));
  }
}

function toGroupSummary(row: GroupRow): GroupSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    parent: row.parent_id && row.parent_slug && row.parent_name ? { id: row.parent_id, slug: row.parent_slug, name: row.parent_name } : null,
    establishedFrom: row.established_from,
    establishedPrecision: row.established_precision,
  };
}

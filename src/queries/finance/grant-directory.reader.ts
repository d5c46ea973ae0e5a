import type Database from 'better-sqlite3';
import { idOfRef } from '../../domain/identity';
import type { Amount } from '../../domain/money';
import type { DecisionRef, SourceRef } from '../../events/event-envelope';
import type { GrantPart } from '../../events/grant.events';
import type { DirectoryReader, NamedRef } from '../directory.reader';
import { KNOWN_AT_SQL } from '../temporal-params';

export interface GrantSummary {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly agreement: string;
  readonly year: number;
  readonly holder: NamedRef;
  /** What was received, as registered (whole kronor, or { unknown: reason }). */
  readonly received: Amount;
  readonly parts: readonly GrantPart[];
  readonly receivedOn: string | null;
  /** The registration event. */
  readonly events: readonly string[];
  readonly source: SourceRef | null;
  readonly decision: DecisionRef | null;
}

interface GrantRow {
  event_id: string;
  grant_id: string;
  slug: string;
  name: string;
  agreement: string;
  year: number;
  holder_id: string;
  received: string;
  parts: string;
  effective_date: string | null;
  source: string;
  decision: string;
}

/** Grants and their terms as the ledger knew them at a time. */
export class GrantDirectoryReader {
  constructor(
    private readonly db: Database.Database,
    private readonly directory: DirectoryReader,
  ) {}

  list(knownAt: string | null): GrantSummary[] {
    const rows = this.db.prepare<{ knownAt: string | null }, GrantRow>(`SELECT * FROM rm_grants WHERE ${KNOWN_AT_SQL} ORDER BY year, name`).all({ knownAt });
    return this.toSummaries(rows);
  }

  grant(ref: string, knownAt: string | null): GrantSummary | null {
    const id = idOfRef('grant', ref);
    const rows = this.db.prepare<{ id: string; knownAt: string | null }, GrantRow>(`SELECT * FROM rm_grants WHERE grant_id = @id AND ${KNOWN_AT_SQL}`).all({ id, knownAt });
    return this.toSummaries(rows)[0] ?? null;
  }

  private toSummaries(rows: readonly GrantRow[]): GrantSummary[] {
    const parties = this.directory.parties(rows.map((r) => r.holder_id));
    return rows.map((r) => ({
      id: r.grant_id,
      slug: r.slug,
      name: r.name,
      agreement: r.agreement,
      year: r.year,
      holder: parties.get(r.holder_id) ?? { id: r.holder_id, slug: '', name: '(unknown party)' },
      received: JSON.parse(r.received) as Amount,
      parts: JSON.parse(r.parts) as GrantPart[],
      receivedOn: r.effective_date,
      events: [r.event_id],
      source: JSON.parse(r.source) as SourceRef | null,
      decision: JSON.parse(r.decision) as DecisionRef | null,
    }));
  }
}

import type Database from 'better-sqlite3';
import { LineSet, type PostingRow } from './figure';

export interface PostingsWindow {
  /** Valid time: a day; entries whose first possible day is on or before it. */
  readonly at: string;
  /** Transaction time: lines recorded at or before it; null = now. */
  readonly knownAt: string | null;
}

/** Reads the general ledger (rm_postings) as of a valid time and a transaction time. */
export class PostingsReader {
  constructor(private readonly db: Database.Database) {}

  lines(grantId: string | null, { at, knownAt }: PostingsWindow): LineSet {
    const rows = this.db
      .prepare<{ grantId: string | null; at: string; knownAt: string | null }, PostingRow>(
        `SELECT * FROM rm_postings WHERE (@grantId IS NULL OR grant_id = @grantId) AND effective_lo <= @at AND (@knownAt IS NULL OR known_from <= @knownAt)
         ORDER BY position, line_no`,
      )
      .all({ grantId, at, knownAt });
    return new LineSet(rows, at);
  }

  /** Corrections recorded against money entries, which the ledger does not apply (money is revoked and recorded anew). */
  unappliedCorrections(grantId: string, knownAt: string | null): { event: string; target: string; targetType: string; reason: string }[] {
    return this.db
      .prepare<{ grantId: string; knownAt: string | null }, { event_id: string; target_event_id: string; target_type: string; reason: string }>(
        'SELECT * FROM rm_unapplied_corrections WHERE grant_id = @grantId AND (@knownAt IS NULL OR known_from <= @knownAt) ORDER BY position',
      )
      .all({ grantId, knownAt })
      .map((r) => ({ event: r.event_id, target: r.target_event_id, targetType: r.target_type, reason: r.reason }));
  }
}

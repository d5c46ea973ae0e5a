import type Database from 'better-sqlite3';
import { earliestDay, latestDay, UNKNOWN_DATE } from '../domain/effective-date';
import { GRANT_EVENT_TYPES, type GrantEvent } from '../events/grant.events';
import type { LedgerEvent } from '../events/ledger-event';
import { opposite } from '../finance/chart-of-accounts';
import { postingsOf } from '../finance/postings-of';
import { statement, type Projection } from './projection';

interface LineRow {
  line_no: number;
  origin_type: string;
  grant_id: string;
  account: string;
  party_id: string;
  counterparty_id: string | null;
  side: 'debit' | 'credit';
  amount: number | null;
  unknown_reason: string | null;
  ref: string | null;
  project_id: string | null;
  effective_date: string | null;
  effective_precision: string;
  effective_lo: string;
  effective_hi: string;
}

const MONEY_TYPES = new Set<string>(GRANT_EVENT_TYPES);

/**
 * The general ledger: every balanced line every money event posts, never changed.
 * Valid time is the entry's effective date (`at` reads lines whose first possible day is
 * on or before it); transaction time is `known_from` (the event's recordedAt). A revoked
 * event is answered with its exact reversing lines, dated like the lines they reverse,
 * so a read as known before the revocation still shows the old belief.
 */
export const postingsProjection: Projection = {
  name: 'postings',
  version: 1,
  tables: ['rm_postings', 'rm_unapplied_corrections'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_postings (
      event_id TEXT NOT NULL, line_no INTEGER NOT NULL, position INTEGER NOT NULL, event_type TEXT NOT NULL,
      origin_event_id TEXT NOT NULL, origin_type TEXT NOT NULL, reversal_of TEXT,
      grant_id TEXT NOT NULL, account TEXT NOT NULL, party_id TEXT NOT NULL, counterparty_id TEXT,
      side TEXT NOT NULL CHECK (side IN ('debit', 'credit')), amount INTEGER CHECK (amount IS NULL OR amount >= 0), unknown_reason TEXT,
      ref TEXT, project_id TEXT,
      effective_date TEXT, effective_precision TEXT NOT NULL, effective_lo TEXT NOT NULL, effective_hi TEXT NOT NULL,
      known_from TEXT NOT NULL,
      PRIMARY KEY (event_id, line_no));
      CREATE INDEX IF NOT EXISTS rm_postings_by_grant ON rm_postings (grant_id, account, effective_lo);
      CREATE INDEX IF NOT EXISTS rm_postings_by_origin ON rm_postings (origin_event_id);
      CREATE INDEX IF NOT EXISTS rm_postings_by_reversal ON rm_postings (reversal_of);
      CREATE TABLE IF NOT EXISTS rm_unapplied_corrections (
        event_id TEXT PRIMARY KEY, grant_id TEXT NOT NULL, target_event_id TEXT NOT NULL, target_type TEXT NOT NULL,
        reason TEXT NOT NULL, known_from TEXT NOT NULL, position INTEGER NOT NULL)`);
  },
  apply(db, event) {
    if (MONEY_TYPES.has(event.type)) return postLines(db, event);
    if (event.type === 'EventRevoked') return reverseLines(db, event, event.data.targetEventId);
    if (event.type === 'EventCorrected') return noteCorrection(db, event, event.data.targetEventId, event.data.targetType, event.data.reason);
  },
};

function postLines(db: Database.Database, event: LedgerEvent): void {
  const money = event as unknown as GrantEvent & LedgerEvent;
  const from = event.metadata.effectiveFrom ?? UNKNOWN_DATE;
  const insert = insertLine(db);
  postingsOf(money).forEach((line, i) =>
    insert.run({
      event_id: event.id,
      line_no: i + 1,
      position: event.position,
      event_type: event.type,
      origin_event_id: event.id,
      origin_type: event.type,
      reversal_of: null,
      grant_id: money.data.grantId,
      account: line.account,
      party_id: line.partyId,
      counterparty_id: line.counterpartyId,
      side: line.side,
      amount: line.amount,
      unknown_reason: line.unknownReason,
      ref: line.ref,
      project_id: line.projectId,
      effective_date: from.date,
      effective_precision: from.precision,
      effective_lo: earliestDay(from),
      effective_hi: latestDay(from),
      known_from: event.metadata.recordedAt,
    }),
  );
}

/** The exact reversing lines of the target's lines (debit ↔ credit), once. */
function reverseLines(db: Database.Database, event: LedgerEvent, targetId: string): void {
  const already = statement(db, 'SELECT 1 FROM rm_postings WHERE reversal_of = ? LIMIT 1').get(targetId);
  if (already) return;
  const lines = statement(db, 'SELECT * FROM rm_postings WHERE event_id = ? AND reversal_of IS NULL ORDER BY line_no').all(targetId) as LineRow[];
  const insert = insertLine(db);
  for (const line of lines) {
    insert.run({
      ...line,
      event_id: event.id,
      position: event.position,
      event_type: event.type,
      origin_event_id: targetId,
      reversal_of: targetId,
      side: opposite(line.side),
      known_from: event.metadata.recordedAt,
    });
  }
}

/** Money is corrected by revoking and recording anew; a correction event on a money entry is kept visible, not applied. */
function noteCorrection(db: Database.Database, event: LedgerEvent, targetId: string, targetType: string, reason: string): void {
  const line = statement(db, 'SELECT grant_id FROM rm_postings WHERE event_id = ? LIMIT 1').get(targetId) as { grant_id: string } | undefined;
  if (!line) return;
  statement(db, 'INSERT OR IGNORE INTO rm_unapplied_corrections (event_id, grant_id, target_event_id, target_type, reason, known_from, position) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    event.id,
    line.grant_id,
    targetId,
    targetType,
    reason,
    event.metadata.recordedAt,
    event.position,
  );
}

function insertLine(db: Database.Database) {
  return statement(
    db,
    `INSERT INTO rm_postings (event_id, line_no, position, event_type, origin_event_id, origin_type, reversal_of, grant_id, account, party_id, counterparty_id,
       side, amount, unknown_reason, ref, project_id, effective_date, effective_precision, effective_lo, effective_hi, known_from)
     VALUES (@event_id, @line_no, @position, @event_type, @origin_event_id, @origin_type, @reversal_of, @grant_id, @account, @party_id, @counterparty_id,
       @side, @amount, @unknown_reason, @ref, @project_id, @effective_date, @effective_precision, @effective_lo, @effective_hi, @known_from)`,
  );
}

import { basisOf } from '../domain/basis';
import { isCorrection } from '../events/apply-corrections';
import { KNOWN_COLUMNS, statement, type Projection } from './projection';

/**
 * The basis of every money entry (an event on a grant's stream): what the general ledger's
 * lines do not carry. Money is never corrected, only revoked and recorded anew, so each
 * entry's basis is written once.
 */
export const financeBasisProjection: Projection = {
  name: 'finance-basis',
  version: 1,
  tables: ['rm_finance_basis'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_finance_basis (
      event_id TEXT PRIMARY KEY, grant_id TEXT NOT NULL, type TEXT NOT NULL, basis TEXT NOT NULL,
      ${KNOWN_COLUMNS});
      CREATE INDEX IF NOT EXISTS rm_finance_basis_by_grant ON rm_finance_basis (grant_id)`);
  },
  apply(db, event) {
    if (!event.stream.startsWith('grant-') || isCorrection(event)) return;
    statement(db, 'INSERT OR IGNORE INTO rm_finance_basis (event_id, grant_id, type, basis, known_from, known_until, known_from_position) VALUES (?, ?, ?, ?, ?, NULL, ?)').run(
      event.id,
      event.stream.slice('grant-'.length),
      event.type,
      JSON.stringify(basisOf(event.metadata)),
      event.metadata.recordedAt,
      event.position,
    );
  },
};

import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** A web sign-in as stored: the token it was opened with, its CSRF secret and its end (ms since the epoch). */
export interface StoredSession {
  readonly tokenId: string;
  readonly csrf: string;
  readonly expiresAt: number;
}

/**
 * Web sign-ins, kept in the ledger's SQLite file beside the access tokens and, like them,
 * outside the event log: a session is a credential, not a decision, so ending one deletes
 * its row. Stored under the SHA-256 of the cookie's value, never the value itself, so the
 * file alone does not let anyone take over a sign-in. In the file, not in memory: a restart
 * or a second process on the same file keeps the clerk signed in (the token is still looked
 * up on every request, so revoking it ends its sessions at once either way).
 */
export class SessionStore {
  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS web_sessions (
      id_hash    TEXT PRIMARY KEY,
      token_id   TEXT NOT NULL,
      csrf       TEXT NOT NULL,
      expires_at INTEGER NOT NULL
    )`);
  }

  save(id: string, session: StoredSession): void {
    this.db.prepare('INSERT INTO web_sessions (id_hash, token_id, csrf, expires_at) VALUES (?, ?, ?, ?)').run(hashSessionId(id), session.tokenId, session.csrf, session.expiresAt);
  }

  find(id: string): StoredSession | null {
    const row = this.db.prepare('SELECT token_id, csrf, expires_at FROM web_sessions WHERE id_hash = ?').get(hashSessionId(id)) as
      | { token_id: string; csrf: string; expires_at: number }
      | undefined;
    return row ? { tokenId: row.token_id, csrf: row.csrf, expiresAt: row.expires_at } : null;
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM web_sessions WHERE id_hash = ?').run(hashSessionId(id));
  }

  /** Deletes the sessions that ended at or before `now`. */
  removeEnded(now: number): void {
    this.db.prepare('DELETE FROM web_sessions WHERE expires_at <= ?').run(now);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM web_sessions').get() as { n: number }).n;
  }
}

function hashSessionId(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('hex');
}

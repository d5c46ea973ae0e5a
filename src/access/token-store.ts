import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { v4 as uuidv4 } from 'uuid';
import type { Role } from './roles';

/** A token as listed: never the secret, which is shown once at creation and stored only as a hash. */
export interface TokenRecord {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface CreatedToken extends TokenRecord {
  /** The bearer secret. Shown once; only its SHA-256 is kept. */
  readonly token: string;
}

const PREFIX = 'ldg_';

/** SHA-256 of the secret: tokens have 256 bits of entropy, so a fast hash is enough (no password stretching needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Access tokens, kept in the ledger's SQLite file but outside the event log: they are
 * credentials, not decisions. The actor of every event names the token's role and name.
 */
export class TokenStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS access_tokens (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      role TEXT NOT NULL,
      hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    )`);
  }

  create(role: Role, name: string): CreatedToken {
    const trimmed = name.trim();
    if (trimmed === '' || trimmed.length > 100) throw new TokenError('name must be 1-100 characters');
    if (this.active().some((t) => t.name === trimmed)) throw new TokenError(`an active token is already named "${trimmed}"; revoke it first or pick another name`);
    const token = PREFIX + randomBytes(32).toString('base64url');
    const record: TokenRecord = { id: uuidv4(), name: trimmed, role, createdAt: this.now().toISOString(), revokedAt: null };
    this.db
      .prepare('INSERT INTO access_tokens (id, name, role, hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(record.id, record.name, record.role, hashToken(token), record.createdAt);
    return { ...record, token };
  }

  /** The active token with this secret, or null. */
  verify(token: string): TokenRecord | null {
    if (!token.startsWith(PREFIX) || token.length > 200) return null;
    const row = this.db.prepare('SELECT * FROM access_tokens WHERE hash = ? AND revoked_at IS NULL').get(hashToken(token)) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  /** Revokes by id or by the name of an active token; returns what was revoked, or null. */
  revoke(idOrName: string): TokenRecord | null {
    const target = this.active().find((t) => t.id === idOrName || t.name === idOrName);
    if (!target) return null;
    const revokedAt = this.now().toISOString();
    this.db.prepare('UPDATE access_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(revokedAt, target.id);
    return { ...target, revokedAt };
  }

  list(): TokenRecord[] {
    return (this.db.prepare('SELECT * FROM access_tokens ORDER BY created_at, id').all() as Row[]).map(toRecord);
  }

  active(): TokenRecord[] {
    return this.list().filter((t) => t.revokedAt === null);
  }

  /** True before any token was ever created: the first start, which mints the admin token. */
  isEmpty(): boolean {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM access_tokens').get() as { n: number }).n === 0;
  }
}

export class TokenError extends Error {}

interface Row {
  id: string;
  name: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
}

function toRecord(row: Row): TokenRecord {
  return { id: row.id, name: row.name, role: row.role, createdAt: row.created_at, revokedAt: row.revoked_at };
}

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { tokenPrincipal, type Principal } from '../../access/principal';
import type { Role } from '../../access/roles';
import type { SessionStore } from '../../access/session-store';
import type { TokenStore } from '../../access/token-store';

export const CLERK_COOKIE = 'ledger_clerk';
/** Eight hours, a working day: the cookie's Max-Age and the session's own end on the server. */
export const SESSION_SECONDS = 8 * 60 * 60;
/** Who may sign in here: the clerk records; the admin may look but the writer refuses an admin's commands. */
export const SIGN_IN_ROLES: readonly Role[] = ['clerk', 'admin'];

export interface ClerkSession {
  /** The cookie's value: 256 random bits, never the token. */
  readonly id: string;
  readonly tokenId: string;
  /** Sent back in a hidden field by every form of this session. */
  readonly csrf: string;
  readonly expiresAt: number;
}

/** A signed-in session with the token it was opened with, as that token stands now. */
export interface SignedIn {
  readonly session: ClerkSession;
  readonly principal: Principal;
}

/**
 * Clerk sessions, kept in the ledger's file (`SessionStore`): a restart or another process on
 * the same file keeps the clerk signed in until the session's eight hours are up. The session
 * keeps only the token's id; the token is looked up on every request, so a revoked token ends
 * its sessions at once.
 */
export class ClerkSessions {
  constructor(
    private readonly store: SessionStore,
    private readonly now: () => number = Date.now,
  ) {}

  open(tokenId: string): ClerkSession {
    this.store.removeEnded(this.now());
    const session: ClerkSession = { id: randomBytes(32).toString('base64url'), tokenId, csrf: randomBytes(32).toString('base64url'), expiresAt: this.now() + SESSION_SECONDS * 1000 };
    this.store.save(session.id, session);
    return session;
  }

  close(id: string): void {
    this.store.remove(id);
  }

  /** The live session of this request, with its token still active; ends the session when the token is revoked. */
  signedIn(request: Request, tokens: TokenStore): SignedIn | null {
    const id = cookieValue(request.headers.cookie, CLERK_COOKIE);
    const stored = id ? this.store.find(id) : null;
    if (!id || !stored) return null;
    const session: ClerkSession = { id, ...stored };
    if (session.expiresAt <= this.now()) {
      this.store.remove(id);
      return null;
    }
    const token = tokens.active().find((t) => t.id === session.tokenId);
    if (!token || !SIGN_IN_ROLES.includes(token.role)) {
      this.store.remove(id);
      return null;
    }
    return { session, principal: tokenPrincipal(token.id, token.name, token.role) };
  }
}

export function sessionCookie(session: ClerkSession, secure: boolean): string {
  return `${CLERK_COOKIE}=${session.id}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_SECONDS}${secure ? '; Secure' : ''}`;
}

export function clearedCookie(secure: boolean): string {
  return `${CLERK_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}

/** The form's CSRF field equals the session's token (compared in constant time). */
export function csrfMatches(session: ClerkSession, sent: string | null): boolean {
  if (!sent) return false;
  const a = Buffer.from(sent, 'utf8');
  const b = Buffer.from(session.csrf, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A POST from another site carries that site's Origin: refused. Browsers send Origin on form
 * posts; when it is absent (an old client, curl) the CSRF field alone decides.
 */
export function originAllowed(request: Request): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const host = request.headers.host;
  return !!host && (origin === `${request.protocol}://${host}`);
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const c = part.trim();
    if (c.startsWith(`${name}=`)) return c.slice(name.length + 1) || null;
  }
  return null;
}

import type { Request } from 'express';
import { satisfies } from '../access/roles';
import type { Ledger } from '../ledger';

const COOKIE = 'ledger_auditor';
const MAX_FORM = 4096;

/** The cookie holds the auditor's token itself, HttpOnly and SameSite=Strict, only for /granskning. */
export function signInCookie(ledger: Ledger, secret: string, secure: boolean): string | null {
  const token = secret ? ledger.tokens.verify(secret.trim()) : null;
  if (!token || !satisfies(token.role, 'auditor')) return null;
  return `${COOKIE}=${encodeURIComponent(secret.trim())}; Path=/granskning; HttpOnly; SameSite=Strict; Max-Age=28800${secure ? '; Secure' : ''}`;
}

export function signOutCookie(): string {
  return `${COOKIE}=; Path=/granskning; HttpOnly; SameSite=Strict; Max-Age=0`;
}

/** True when the request carries a valid auditor's token in the cookie (checked on every request: revocation applies at once). */
export function auditorSignedIn(ledger: Ledger, request: Request): boolean {
  const header = request.headers.cookie ?? '';
  const value = header
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);
  if (!value) return false;
  let secret: string;
  try {
    secret = decodeURIComponent(value);
  } catch {
    return false;
  }
  const token = ledger.tokens.verify(secret);
  return !!token && satisfies(token.role, 'auditor');
}

/** The sign-in form's body (application/x-www-form-urlencoded), read here: the app's parser reads JSON only. */
export async function readFormBody(request: Request): Promise<URLSearchParams> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM) break;
    chunks.push(chunk);
  }
  return new URLSearchParams(size > MAX_FORM ? '' : Buffer.concat(chunks).toString('utf8'));
}

import { Unauthenticated } from '../domain/ledger-errors';

/** The secret of an `Authorization: Bearer <token>` header; null when there is no header. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header.trim());
  if (!match) throw new Unauthenticated('The Authorization header must be "Bearer <token>"', [{ field: 'header.authorization', message: 'must be "Bearer <token>"' }]);
  return match[1]!;
}

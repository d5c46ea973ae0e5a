import { isRole, ROLES } from '../access/roles';
import { TokenError, type TokenRecord } from '../access/token-store';
import type { Ledger } from '../ledger';
import { UsageError } from './cli-args';

export const TOKEN_USAGE = `  token create --role <${ROLES.join('|')}> --name "<who>"
      Create a bearer token; the secret is printed once and only its hash is kept.
  token revoke <id | name>
      Revoke a token; it stops working at once.
  token list [--json]
      Every token ever created, without secrets.`;

/** `ledger token …`: run on the server's machine by whoever holds the database file. */
export function tokenCommand(ledger: Ledger, args: readonly string[], options: Record<string, string | true>, out: (text: string) => void): number {
  const [action, target] = args;
  switch (action) {
    case 'create': {
      const role = options.role;
      const name = options.name;
      if (typeof role !== 'string' || !isRole(role)) throw new UsageError(`token create needs --role, one of ${ROLES.join(', ')}`);
      if (typeof name !== 'string') throw new UsageError('token create needs --name "<who it is for>"');
      try {
        const created = ledger.tokens.create(role, name);
        out(`Created ${created.role} token "${created.name}" (id ${created.id}). It is shown only now; keep it secret:\n\n  ${created.token}\n\nUse it as: Authorization: Bearer ${created.token}\n`);
        return 0;
      } catch (error) {
        if (error instanceof TokenError) throw new UsageError(error.message);
        throw error;
      }
    }
    case 'revoke': {
      if (!target) throw new UsageError('token revoke needs a token id or name');
      const revoked = ledger.tokens.revoke(target);
      if (!revoked) throw new UsageError(`no active token with id or name "${target}"`);
      out(`Revoked ${revoked.role} token "${revoked.name}" (id ${revoked.id}) at ${revoked.revokedAt}\n`);
      return 0;
    }
    case 'list': {
      const tokens = ledger.tokens.list();
      out(options.json ? `${JSON.stringify(tokens, null, 2)}\n` : formatTokens(tokens));
      return 0;
    }
    default:
      throw new UsageError('token needs create, revoke or list');
  }
}

function formatTokens(tokens: readonly TokenRecord[]): string {
  if (tokens.length === 0) return 'No tokens.\n';
  return tokens.map((t) => `${t.id}  ${t.role.padEnd(8)} ${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'.padEnd(32)}  ${t.name}`).join('\n') + '\n';
}

import type { Role } from './roles';

/** Who is asking, as vouched for by a bearer token (or by the machine, for the CLI and the seed). */
export interface Principal {
  readonly tokenId: string | null;
  readonly name: string;
  readonly role: Role | 'system';
  /** Written into every event's `metadata.actor`: "clerk:Anna Svensson", "cli:root", "seed:kalmar". */
  readonly actor: string;
}

export function tokenPrincipal(tokenId: string, name: string, role: Role): Principal {
  return { tokenId, name, role, actor: `${role}:${name}` };
}

/** Local processes (CLI, seed, benchmarks) that already hold the database file: trusted with every command. */
export function systemPrincipal(actor: string): Principal {
  return { tokenId: null, name: actor, role: 'system', actor };
}

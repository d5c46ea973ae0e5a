import { tokenPrincipal, type Principal } from '../../src/access/principal';
import type { WriterRole } from '../../src/access/roles';
import type { TokenStore } from '../../src/access/token-store';
import { COMMANDS_BY_TYPE } from '../../src/commands/command-catalogue';
import { rolesOf } from '../../src/commands/shared/command-definition';
import type { BenchCommand } from '../generator/history-kind';

/**
 * Who the import writes as. A token has one role, and the writer refuses a batch that holds
 * a command the sender's role may not send (grant entries are finance's, seats and meetings
 * the clerk's), so the import acts as two writers, as an office would: a clerk and a finance
 * officer. Their tokens are made as an admin makes them and verified as the server's guard
 * verifies a bearer token, so every command passes the real role check, not the local
 * "system" principal that may send anything.
 */
export type ImportWriters = Readonly<Record<WriterRole, Principal>>;

export function importWriters(tokens: TokenStore, label: string): ImportWriters {
  const writer = (role: WriterRole): Principal => {
    const { token } = tokens.create(role, `${label} ${role}`);
    const verified = tokens.verify(token);
    if (!verified) throw new Error(`the ${role} token just made does not verify`);
    return tokenPrincipal(verified.id, verified.name, verified.role);
  };
  return { clerk: writer('clerk'), finance: writer('finance') };
}

/** The role that sends a command: the clerk when the clerk may (corrections of seats and meetings too), else finance. */
export function roleFor(command: BenchCommand): WriterRole {
  const definition = COMMANDS_BY_TYPE.get(command.type);
  if (!definition) throw new Error(`the generator made an unknown command type ${command.type}`);
  return rolesOf(definition).includes('clerk') ? 'clerk' : 'finance';
}

/**
 * A batch as the two writers send it: the clerk's commands, then finance's, each in
 * generated order (two all-or-nothing requests, empty ones left out). Finance's commands
 * cite meetings the clerk records, never the other way round, so the clerk goes first.
 */
export function splitByRole(batch: readonly BenchCommand[]): { readonly role: WriterRole; readonly commands: BenchCommand[] }[] {
  const parts = { clerk: [] as BenchCommand[], finance: [] as BenchCommand[] };
  for (const command of batch) parts[roleFor(command)].push(command);
  return (['clerk', 'finance'] as const).filter((role) => parts[role].length > 0).map((role) => ({ role, commands: parts[role] }));
}

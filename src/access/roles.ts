/**
 * Who may do what. A token has exactly one role; least privilege: the admin manages tokens
 * but records no decisions, the auditor reads everything but writes nothing.
 */
export type Role = 'clerk' | 'finance' | 'auditor' | 'reader' | 'admin';
export const ROLES: readonly Role[] = ['clerk', 'finance', 'auditor', 'reader', 'admin'];

/** Roles that record events; each command type names which of them may send it. */
export type WriterRole = Extract<Role, 'clerk' | 'finance'>;

/** What a route needs: open reads, any token (reads when LEDGER_READ_AUTH=on), a writer, or one role. */
export type Access = 'read' | 'write' | 'auditor' | 'admin';

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The auditor reads everything a reader can, and more; the admin reads what a reader can. */
export function satisfies(role: Role, access: Access): boolean {
  switch (access) {
    case 'read':
      return true;
    case 'write':
      return role === 'clerk' || role === 'finance';
    case 'auditor':
      return role === 'auditor';
    case 'admin':
      return role === 'admin';
  }
}

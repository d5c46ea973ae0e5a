import { NotFound } from '../../domain/ledger-errors';
import type { Ledger } from '../../ledger';
import { financeReaders } from './finance-readers';
import type { GrantSummary } from './grant-directory.reader';

export function findGrant(ledger: Ledger, ref: string, knownAt: string | null): GrantSummary {
  const grant = financeReaders(ledger).grants.grant(ref, knownAt);
  if (!grant) throw new NotFound(`No grant "${ref}"${knownAt ? ` was known at ${knownAt}` : ''}`, [{ field: 'grant', message: 'unknown grant' }]);
  return grant;
}

/** `at` defaults to today by the ledger's clock. */
export const today = (ledger: Ledger): string => ledger.clock.now().toISOString().slice(0, 10);

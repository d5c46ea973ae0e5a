import type { Ledger } from '../ledger';
import { financeReaders } from '../queries/finance/finance-readers';
import { findGrant, today } from '../queries/finance/find-grant';
import { parseAt, parseKnownAt } from '../queries/temporal-params';
import { UsageError } from './cli-args';
import { formatBalance, formatReconciliation } from './finance-text';

export const FINANCE_USAGE = `  balance <grant> [--at YYYY-MM-DD] [--known-at <ISO timestamp>] [--json]
      Received, allocated, used, remaining, settled, invoiced, paid and outstanding.
  reconcile <grant> [--at YYYY-MM-DD] [--known-at <ISO timestamp>] [--json]
      Every check with pass / fail / unknown; exits with 3 when a check fails.
`;

type Options = Record<string, string | true>;

/** `balance` and `reconcile`; returns the exit code, or null when the command is not one of them. */
export function runFinanceCommand(ledger: Ledger, command: string, rest: readonly string[], options: Options, out: (text: string) => void): number | null {
  if (command !== 'balance' && command !== 'reconcile') return null;
  const ref = rest[0];
  if (!ref) throw new UsageError(`${command} needs a grant slug or id`);
  const knownAt = parseKnownAt(options['known-at'], '--known-at');
  const window = { at: parseAt(options.at, today(ledger), '--at'), knownAt };
  const grant = findGrant(ledger, ref, knownAt);
  const finance = financeReaders(ledger);
  if (command === 'balance') {
    const balance = finance.balances.balance(grant, window);
    out(options.json ? `${JSON.stringify(balance, null, 2)}\n` : formatBalance(balance));
    return 0;
  }
  const reconciliation = finance.reconciliations.reconcile(grant, window);
  out(options.json ? `${JSON.stringify(reconciliation, null, 2)}\n` : formatReconciliation(reconciliation));
  return reconciliation.status === 'fail' ? 3 : 0;
}

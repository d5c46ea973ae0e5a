import { formatKronor } from '../../domain/money';
import { RuleViolation } from '../../domain/ledger-errors';
import type { InvoicePaid } from '../../events/grant.events';
import type { RecordInvoicePaymentCommand } from '../grant/grant.commands';
import { requireRegistered } from '../grant/grant-rules';
import type { GrantState } from '../grant/grant.state';

/** A payment of an invoice, in part or whole; never more than is outstanding. */
export function recordInvoicePayment(command: RecordInvoicePaymentCommand, state: GrantState): InvoicePaid[] {
  const grant = requireRegistered(state);
  const { invoice, amount } = command.data;
  const invoiced = grant.entries.invoices.find((i) => i.invoice === invoice);
  if (!invoiced) throw new RuleViolation('invoice-must-exist', `The grant has no invoice "${invoice}"`, [{ field: 'data.invoice', message: 'unknown invoice' }]);
  const paid = grant.entries.payments.filter((p) => p.invoice === invoice).reduce((n, p) => n + p.amount, 0);
  if (amount === 0 || paid + amount > invoiced.amount) {
    throw new RuleViolation('payment-exceeds-invoice', `${formatKronor(invoiced.amount - paid)} is outstanding on the invoice`, [
      { field: 'data.amount', message: `must be more than 0 and at most ${formatKronor(invoiced.amount - paid)}` },
    ]);
  }
  return [{ type: 'InvoicePaid', data: { grantId: grant.terms.grantId, holderId: grant.terms.holderId, invoice, payerId: invoiced.payerId, issuerId: invoiced.issuerId, amount } }];
}

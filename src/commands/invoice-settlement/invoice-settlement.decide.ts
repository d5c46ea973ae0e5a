import { formatKronor, isKnown } from '../../domain/money';
import { RuleViolation } from '../../domain/ledger-errors';
import type { SettlementInvoiced } from '../../events/grant.events';
import type { InvoiceSettlementCommand } from '../grant/grant.commands';
import { requireRegistered } from '../grant/grant-rules';
import type { GrantState } from '../grant/grant.state';

/** A party invoices the holder for its settlement share: at most the share, by a key unique in the grant. */
export function invoiceSettlement(command: InvoiceSettlementCommand, state: GrantState): SettlementInvoiced[] {
  const grant = requireRegistered(state);
  const { invoice, issuerId, payerId, amount } = command.data;
  const settlement = grant.entries.settlements[0];
  if (!settlement) throw new RuleViolation('invoice-needs-settlement', 'Nothing is settled yet, so there is nothing to invoice', [{ field: 'data.grant', message: 'has no settlement' }]);
  if (grant.entries.invoices.some((i) => i.invoice === invoice)) {
    throw new RuleViolation('invoice-exists', `The grant already has an invoice "${invoice}"`, [{ field: 'data.invoice', message: 'already used in this grant' }]);
  }
  if (payerId !== grant.terms.holderId) {
    throw new RuleViolation('payer-must-hold-grant', 'A settlement share is invoiced to the party that holds the grant', [{ field: 'data.payer', message: 'does not hold the grant' }]);
  }
  const share = settlement.shares.find((s) => s.partyId === issuerId);
  if (!share || issuerId === payerId) {
    throw new RuleViolation('issuer-needs-share', 'Only a party with a settlement share, other than the holder, invoices for it', [{ field: 'data.issuer', message: 'has no share to invoice' }]);
  }
  if (isKnown(share.amount)) {
    const before = grant.entries.invoices.filter((i) => i.issuerId === issuerId).reduce((n, i) => n + i.amount, 0);
    if (before + amount > share.amount) {
      throw new RuleViolation('invoice-exceeds-share', `The share is ${formatKronor(share.amount)} and ${formatKronor(before)} is invoiced already`, [
        { field: 'data.amount', message: `must not exceed ${formatKronor(share.amount - before)}` },
      ]);
    }
  }
  return [{ type: 'SettlementInvoiced', data: { grantId: grant.terms.grantId, holderId: grant.terms.holderId, ...command.data } }];
}

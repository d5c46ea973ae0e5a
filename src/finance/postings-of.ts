import { isKnown, type Amount } from '../domain/money';
import type { GrantEvent } from '../events/grant.events';
import type { Account, Side } from './chart-of-accounts';

/** One line of a balanced entry. An unknown amount posts no number: `amount` null with the reason. */
export interface PostingLine {
  readonly account: Account;
  readonly partyId: string;
  readonly counterpartyId: string | null;
  readonly side: Side;
  readonly amount: number | null;
  readonly unknownReason: string | null;
  /** The allocation or invoice key the line belongs to. */
  readonly ref: string | null;
  readonly projectId: string | null;
}

interface Leg {
  readonly account: Account;
  readonly partyId: string;
  readonly counterpartyId?: string | null;
  readonly ref?: string | null;
  readonly projectId?: string | null;
}

/** A debit and a credit of the same amount: every entry balances by construction. */
function entry(amount: Amount, debit: Leg, credit: Leg): PostingLine[] {
  const value = isKnown(amount) ? { amount, unknownReason: null } : { amount: null, unknownReason: amount.unknown };
  const line = (leg: Leg, side: Side): PostingLine => ({
    account: leg.account,
    partyId: leg.partyId,
    counterpartyId: leg.counterpartyId ?? null,
    side,
    ...value,
    ref: leg.ref ?? null,
    projectId: leg.projectId ?? null,
  });
  return [line(debit, 'debit'), line(credit, 'credit')];
}

/**
 * The double-entry postings of a money event, from the event alone (pure). A share that
 * stays with the holder leaves the fund at once; another party's share is owed to it
 * until invoiced, and the invoice is payable by the holder until paid.
 */
export function postingsOf(event: GrantEvent): PostingLine[] {
  switch (event.type) {
    case 'GrantRegistered': {
      const h = event.data.holderId;
      return entry(event.data.received, { account: 'funds-held', partyId: h }, { account: 'grant-received', partyId: h });
    }
    case 'FundsAllocated': {
      const { holderId: h, recipientId, allocation, projectId, amount } = event.data;
      return entry(amount, { account: 'allocated', partyId: h, counterpartyId: recipientId, ref: allocation, projectId }, { account: 'allocation-budget', partyId: h, ref: allocation, projectId });
    }
    case 'UnusedFundsForecast': {
      const h = event.data.holderId;
      return entry(event.data.amount, { account: 'forecast-unused', partyId: h }, { account: 'forecast-memo', partyId: h });
    }
    case 'FundsDistributedEarly': {
      const { holderId: h, recipientId, amount } = event.data;
      return entry(amount, { account: 'distributed-early', partyId: recipientId, counterpartyId: h }, { account: 'funds-held', partyId: h, counterpartyId: recipientId });
    }
    case 'FinalAccountingRecorded': {
      const { holderId: h, used, remaining } = event.data;
      return [
        ...entry(used, { account: 'used', partyId: h }, { account: 'funds-held', partyId: h }),
        ...entry(remaining, { account: 'remaining-stated', partyId: h }, { account: 'remaining-memo', partyId: h }),
      ];
    }
    case 'RemainderSettled': {
      const h = event.data.holderId;
      return event.data.shares.flatMap((s) =>
        entry(
          s.amount,
          { account: 'settled', partyId: s.partyId, counterpartyId: h },
          s.partyId === h ? { account: 'funds-held', partyId: h } : { account: 'settlement-due', partyId: s.partyId, counterpartyId: h },
        ),
      );
    }
    case 'SettlementInvoiced': {
      const { issuerId, payerId, invoice, amount } = event.data;
      return entry(amount, { account: 'settlement-due', partyId: issuerId, counterpartyId: payerId, ref: invoice }, { account: 'invoiced-payable', partyId: payerId, counterpartyId: issuerId, ref: invoice });
    }
    case 'InvoicePaid': {
      const { issuerId, payerId, invoice, amount } = event.data;
      return entry(amount, { account: 'invoiced-payable', partyId: payerId, counterpartyId: issuerId, ref: invoice }, { account: 'funds-held', partyId: payerId, counterpartyId: issuerId, ref: invoice });
    }
  }
}

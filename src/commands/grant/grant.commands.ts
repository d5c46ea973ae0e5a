import type { EffectiveDate } from '../../domain/effective-date';
import type { Amount } from '../../domain/money';
import type { AllocationKind, GrantPart } from '../../events/grant.events';

/** Grant commands as the deciders see them: references resolved to ids, dates parsed. */
export interface RegisterGrantCommand {
  readonly type: 'RegisterGrant';
  readonly data: { readonly grantId: string; readonly slug: string; readonly name: string; readonly agreement: string; readonly year: number; readonly holderId: string; readonly received: Amount; readonly parts: readonly GrantPart[] };
}

export interface AllocateFundsCommand {
  readonly type: 'AllocateFunds';
  readonly data: {
    readonly allocation: string;
    readonly purpose: string;
    readonly kind: AllocationKind;
    readonly projectId: string | null;
    readonly recipientId: string | null;
    readonly period: { readonly from: EffectiveDate; readonly to: EffectiveDate };
    readonly amount: Amount;
  };
}

export interface ForecastUnusedFundsCommand {
  readonly type: 'ForecastUnusedFunds';
  readonly data: { readonly amount: Amount };
}

export interface DistributeFundsEarlyCommand {
  readonly type: 'DistributeFundsEarly';
  readonly data: { readonly recipientId: string; readonly amount: Amount };
}

export interface RecordFinalAccountingCommand {
  readonly type: 'RecordFinalAccounting';
  readonly data: { readonly year: number; readonly used: Amount; readonly remaining: Amount };
}

/** A share is an amount or a fraction ("1/2") of what remained; exactly one of the two. */
export type ShareInput = { readonly partyId: string; readonly amount: Amount } | { readonly partyId: string; readonly fraction: string };

export interface SettleRemainderCommand {
  readonly type: 'SettleRemainder';
  readonly data: { readonly shares: readonly ShareInput[] };
}

export interface InvoiceSettlementCommand {
  readonly type: 'InvoiceSettlement';
  readonly data: { readonly invoice: string; readonly issuerId: string; readonly payerId: string; readonly amount: number; readonly reference: string | null };
}

export interface RecordInvoicePaymentCommand {
  readonly type: 'RecordInvoicePayment';
  readonly data: { readonly invoice: string; readonly amount: number };
}

export type GrantCommand =
  | RegisterGrantCommand
  | AllocateFundsCommand
  | ForecastUnusedFundsCommand
  | DistributeFundsEarlyCommand
  | RecordFinalAccountingCommand
  | SettleRemainderCommand
  | InvoiceSettlementCommand
  | RecordInvoicePaymentCommand;

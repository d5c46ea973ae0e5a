import type { EffectiveDate } from '../domain/effective-date';
import type { Amount } from '../domain/money';

/**
 * Events of a grant's stream (`grant-<id>`): a fund with its own double-entry postings
 * (see src/finance/postings-of.ts). Valid time is metadata.effectiveFrom (the day of the
 * entry). Every event carries the holder so its postings follow from the event alone.
 */

/** One area of the grant ("Stärkt suicidpreventivt arbete") and its amount. */
export interface GrantPart {
  readonly area: string;
  readonly amount: Amount;
}

export interface GrantRegistered {
  readonly type: 'GrantRegistered';
  readonly data: {
    readonly grantId: string;
    readonly slug: string;
    readonly name: string;
    /** The agreement it comes from, e.g. the yearly state–SKR agreement on mental health and suicide prevention. */
    readonly agreement: string;
    readonly year: number;
    /** The party that received and holds the funds. */
    readonly holderId: string;
    /** What was received: the total of the parts. */
    readonly received: Amount;
    readonly parts: readonly GrantPart[];
  };
}

export type AllocationKind = 'programme' | 'project' | 'activity';
export const ALLOCATION_KINDS: readonly AllocationKind[] = ['programme', 'project', 'activity'];

/** A budget or allocation of the grant to a programme, project or activity for a period. */
export interface FundsAllocated {
  readonly type: 'FundsAllocated';
  readonly data: {
    readonly grantId: string;
    readonly holderId: string;
    /** The allocation's key within the grant (a slug). */
    readonly allocation: string;
    readonly purpose: string;
    readonly kind: AllocationKind;
    readonly projectId: string | null;
    /** The party that carries out or receives it, when stated. */
    readonly recipientId: string | null;
    /** The period it is for, with its precision: from "2025" to "2025" is the whole year. */
    readonly period: { readonly from: EffectiveDate; readonly to: EffectiveDate };
    readonly amount: Amount;
  };
}

/** A forecast that part of the grant will not be used (a memorandum: no money moves). */
export interface UnusedFundsForecast {
  readonly type: 'UnusedFundsForecast';
  readonly data: { readonly grantId: string; readonly holderId: string; readonly amount: Amount };
}

/** Funds paid out to a party before the final accounting ("tillföll kommunerna i tidigt skede"). */
export interface FundsDistributedEarly {
  readonly type: 'FundsDistributedEarly';
  readonly data: { readonly grantId: string; readonly holderId: string; readonly recipientId: string; readonly amount: Amount };
}

/** The final accounting (slutredovisning) of a year: what was used and what remains. */
export interface FinalAccountingRecorded {
  readonly type: 'FinalAccountingRecorded';
  readonly data: { readonly grantId: string; readonly holderId: string; readonly year: number; readonly used: Amount; readonly remaining: Amount };
}

export interface SettlementShare {
  readonly partyId: string;
  readonly amount: Amount;
  /** "1/2" when the share was given as a fraction of what remained. */
  readonly fraction: string | null;
}

/** What remained after the final accounting, divided between parties. */
export interface RemainderSettled {
  readonly type: 'RemainderSettled';
  readonly data: { readonly grantId: string; readonly holderId: string; readonly shares: readonly SettlementShare[] };
}

/** A party invoices another for its settlement share ("KFKL fakturerar Region Kalmar län denna summa"). */
export interface SettlementInvoiced {
  readonly type: 'SettlementInvoiced';
  readonly data: {
    readonly grantId: string;
    readonly holderId: string;
    /** The invoice's key within the grant (a slug), used to record its payment. */
    readonly invoice: string;
    readonly issuerId: string;
    readonly payerId: string;
    readonly amount: number;
    /** The invoice's own reference (number), null when the sources do not give it. */
    readonly reference: string | null;
  };
}

export interface InvoicePaid {
  readonly type: 'InvoicePaid';
  readonly data: { readonly grantId: string; readonly holderId: string; readonly invoice: string; readonly payerId: string; readonly issuerId: string; readonly amount: number };
}

export type GrantEvent =
  | GrantRegistered
  | FundsAllocated
  | UnusedFundsForecast
  | FundsDistributedEarly
  | FinalAccountingRecorded
  | RemainderSettled
  | SettlementInvoiced
  | InvoicePaid;

export const GRANT_EVENT_TYPES: readonly GrantEvent['type'][] = [
  'GrantRegistered',
  'FundsAllocated',
  'UnusedFundsForecast',
  'FundsDistributedEarly',
  'FinalAccountingRecorded',
  'RemainderSettled',
  'SettlementInvoiced',
  'InvoicePaid',
];

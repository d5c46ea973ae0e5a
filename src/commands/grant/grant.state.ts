import type { Amount } from '../../domain/money';
import type { GrantPart, SettlementShare } from '../../events/grant.events';
import type { LedgerNewEvent } from '../../events/ledger-event';

/** What the grant deciders need, folded from the grant's stream. Every entry keeps the id of its event. */
export interface GrantTerms {
  readonly eventId: string;
  readonly grantId: string;
  readonly slug: string;
  readonly name: string;
  readonly year: number;
  readonly holderId: string;
  readonly received: Amount;
  readonly parts: readonly GrantPart[];
}

export interface GrantEntries {
  readonly allocations: readonly { readonly id: string; readonly allocation: string; readonly amount: Amount }[];
  readonly forecasts: readonly { readonly id: string; readonly amount: Amount }[];
  readonly earlyDistributions: readonly { readonly id: string; readonly recipientId: string; readonly amount: Amount }[];
  readonly finalAccountings: readonly { readonly id: string; readonly year: number; readonly used: Amount; readonly remaining: Amount }[];
  readonly settlements: readonly { readonly id: string; readonly shares: readonly SettlementShare[] }[];
  readonly invoices: readonly { readonly id: string; readonly invoice: string; readonly issuerId: string; readonly payerId: string; readonly amount: number }[];
  readonly payments: readonly { readonly id: string; readonly invoice: string; readonly amount: number }[];
}

/**
 * A grant's stream can hold entries while it has no registration: when the registration
 * was revoked to be recorded anew with a corrected amount, the entries stay.
 */
export type GrantState =
  | { readonly status: 'unregistered'; readonly entries: GrantEntries }
  | { readonly status: 'registered'; readonly terms: GrantTerms; readonly entries: GrantEntries };

export type RegisteredGrant = Extract<GrantState, { status: 'registered' }>;

const NO_ENTRIES: GrantEntries = { allocations: [], forecasts: [], earlyDistributions: [], finalAccountings: [], settlements: [], invoices: [], payments: [] };

export const initialGrantState = (): GrantState => ({ status: 'unregistered', entries: NO_ENTRIES });

export function evolveGrant(state: GrantState, event: LedgerNewEvent): GrantState {
  const e = state.entries;
  const withEntries = (entries: Partial<GrantEntries>): GrantState => ({ ...state, entries: { ...e, ...entries } });
  switch (event.type) {
    case 'GrantRegistered': {
      const { grantId, slug, name, year, holderId, received, parts } = event.data;
      return { status: 'registered', terms: { eventId: event.id, grantId, slug, name, year, holderId, received, parts }, entries: e };
    }
    case 'FundsAllocated':
      return withEntries({ allocations: [...e.allocations, { id: event.id, allocation: event.data.allocation, amount: event.data.amount }] });
    case 'UnusedFundsForecast':
      return withEntries({ forecasts: [...e.forecasts, { id: event.id, amount: event.data.amount }] });
    case 'FundsDistributedEarly':
      return withEntries({ earlyDistributions: [...e.earlyDistributions, { id: event.id, recipientId: event.data.recipientId, amount: event.data.amount }] });
    case 'FinalAccountingRecorded': {
      const { year, used, remaining } = event.data;
      return withEntries({ finalAccountings: [...e.finalAccountings, { id: event.id, year, used, remaining }] });
    }
    case 'RemainderSettled':
      return withEntries({ settlements: [...e.settlements, { id: event.id, shares: event.data.shares }] });
    case 'SettlementInvoiced': {
      const { invoice, issuerId, payerId, amount } = event.data;
      return withEntries({ invoices: [...e.invoices, { id: event.id, invoice, issuerId, payerId, amount }] });
    }
    case 'InvoicePaid':
      return withEntries({ payments: [...e.payments, { id: event.id, invoice: event.data.invoice, amount: event.data.amount }] });
    case 'EventRevoked':
      return revoke(state, event.data.targetEventId);
    default:
      // EventCorrected is not applied to money: a corrected amount is a revocation and a new entry.
      return state;
  }
}

/** A revoked entry is as if it had never been recorded (its postings are reversed by the projection). */
function revoke(state: GrantState, id: string): GrantState {
  const keep = <T extends { id: string }>(list: readonly T[]) => list.filter((x) => x.id !== id);
  const e = state.entries;
  const entries: GrantEntries = {
    allocations: keep(e.allocations),
    forecasts: keep(e.forecasts),
    earlyDistributions: keep(e.earlyDistributions),
    finalAccountings: keep(e.finalAccountings),
    settlements: keep(e.settlements),
    invoices: keep(e.invoices),
    payments: keep(e.payments),
  };
  if (state.status === 'registered' && state.terms.eventId === id) return { status: 'unregistered', entries };
  return { ...state, entries };
}

export function foldGrant(events: readonly LedgerNewEvent[]): GrantState {
  return events.reduce(evolveGrant, initialGrantState());
}

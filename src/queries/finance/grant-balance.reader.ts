import type { Basis } from '../../domain/basis';
import type { DirectoryReader, NamedRef } from '../directory.reader';
import type { Account } from '../../finance/chart-of-accounts';
import { END_OF_TIME } from '../../domain/effective-date';
import { isKnown } from '../../domain/money';
import { combine, figure, type Figure, type LineSet } from './figure';
import type { GrantSummary } from './grant-directory.reader';
import type { PostingsReader, PostingsWindow } from './postings.reader';

export interface PartyFigure {
  readonly party: NamedRef;
  readonly figure: Figure;
}

export interface GrantBalance {
  readonly grant: GrantSummary;
  readonly at: string;
  readonly knownAt: string | null;
  readonly received: Figure;
  readonly parts: readonly { readonly area: string; readonly amount: number | null; readonly reason: string | null }[];
  readonly allocated: Figure;
  readonly allocations: readonly { readonly allocation: string; readonly project: string | null; readonly figure: Figure; readonly basis: Basis | null }[];
  readonly unallocated: Figure;
  readonly forecastUnused: Figure;
  readonly distributedEarly: Figure;
  readonly distributedEarlyByParty: readonly PartyFigure[];
  readonly used: Figure;
  /** From the final accounting when there is one ("final-accounting"), else received − used − distributed early ("computed"). */
  readonly remaining: Figure & { readonly basis: 'final-accounting' | 'computed' };
  readonly settled: Figure;
  readonly settledByParty: readonly PartyFigure[];
  /** Settlement shares owed to a party and not yet invoiced. */
  readonly notYetInvoiced: Figure;
  readonly invoiced: Figure;
  readonly paid: Figure;
  readonly outstanding: Figure;
  readonly invoices: readonly InvoiceFigures[];
  /** Grant money the holder still has. */
  readonly fundsHeld: Figure;
  /** The basis of every money entry behind the figures (each figure's `events`), by event id. */
  readonly bases: Readonly<Record<string, Basis>>;
}

export interface InvoiceFigures {
  readonly invoice: string;
  readonly issuer: NamedRef;
  readonly payer: NamedRef;
  readonly invoiced: Figure;
  readonly paid: Figure;
  readonly outstanding: Figure;
  /** The basis of the invoice as recorded (who invoices whom, how much). */
  readonly basis: Basis | null;
  /** "payment-unknown" when no payment of it is recorded: the sources are silent, which is not 0 kr paid. */
  readonly status: 'paid' | 'outstanding' | 'partly-paid' | 'payment-unknown';
}

/** How much of a grant was received, allocated, used and left, and who owes whom, at `at` as known at `knownAt`. */
export class GrantBalanceReader {
  constructor(
    private readonly postings: PostingsReader,
    private readonly directory: DirectoryReader,
  ) {}

  balance(grant: GrantSummary, window: PostingsWindow): GrantBalance {
    const lines = this.postings.lines(grant.id, window);
    const on = (account: Account) => lines.where((l) => l.account === account);
    const parties = this.directory.parties(lines.lines.flatMap((l) => [l.party_id, l.counterparty_id ?? l.party_id]));
    const party = (id: string): NamedRef => parties.get(id) ?? { id, slug: '', name: '(unknown party)' };
    const byParty = (set: LineSet): PartyFigure[] => [...new Set(set.lines.map((l) => l.party_id))].map((id) => ({ party: party(id), figure: set.where((l) => l.party_id === id).figure() }));

    const received = on('grant-received').figure();
    const allocatedLines = on('allocated');
    const allocated = allocatedLines.figure();
    const used = on('used').figure();
    const early = on('distributed-early');
    const distributedEarly = early.figure();
    const stated = on('remaining-stated');
    const remaining =
      stated.lines.length > 0 && stated.lines.some((l) => l.reversal_of === null && !stated.reversed.has(l.event_id))
        ? { ...stated.figure(), basis: 'final-accounting' as const }
        : { ...combine([{ figure: received, sign: 1 }, { figure: used, sign: -1 }, { figure: distributedEarly, sign: -1 }]), basis: 'computed' as const };
    const settledLines = on('settled');
    const payable = on('invoiced-payable');
    // Is a payment recorded at all (on any day)? Only then is "not paid by `at`" a fact rather than silence.
    const everPaid = new Set(
      this.postings.lines(grant.id, { at: END_OF_TIME, knownAt: window.knownAt }).lines.filter((l) => l.origin_type === 'InvoicePaid' && l.reversal_of === null).map((l) => l.ref ?? ''),
    );
    const bases = this.postings.bases(grant.id, window.knownAt);
    const basisOfLines = (set: LineSet): Basis | null => {
      const origin = set.lines.find((l) => l.reversal_of === null)?.origin_event_id;
      return origin ? (bases.get(origin) ?? null) : null;
    };
    const invoices = invoicesOf(payable, party, everPaid, basisOfLines);

    return {
      grant,
      at: window.at,
      knownAt: window.knownAt,
      received,
      parts: grant.parts.map((p) => ({ area: p.area, amount: isKnown(p.amount) ? p.amount : null, reason: isKnown(p.amount) ? null : p.amount.unknown })),
      allocated,
      allocations: [...new Set(allocatedLines.lines.map((l) => l.ref ?? ''))].map((ref) => {
        const set = allocatedLines.where((l) => (l.ref ?? '') === ref);
        return { allocation: ref, project: set.lines[0]?.project_id ?? null, figure: set.figure(), basis: basisOfLines(set) };
      }),
      unallocated: combine([{ figure: received, sign: 1 }, { figure: allocated, sign: -1 }]),
      forecastUnused: on('forecast-unused').figure(),
      distributedEarly,
      distributedEarlyByParty: byParty(early),
      used,
      remaining,
      settled: settledLines.figure(),
      settledByParty: byParty(settledLines),
      notYetInvoiced: on('settlement-due').figure(),
      invoiced: payable.where((l) => l.origin_type === 'SettlementInvoiced').figure('credit'),
      ...totalsOf(invoices, payable),
      invoices,
      fundsHeld: on('funds-held').figure(),
      bases: Object.fromEntries([...new Set(lines.lines.map((l) => l.origin_event_id))].flatMap((id) => (bases.has(id) ? [[id, bases.get(id)!]] : []))),
    };
  }
}

/** No payment recorded for an invoice: whether and how much was paid is unknown, and so is what is still owed. */
export const PAYMENT_UNKNOWN = 'no payment of the invoice is recorded and the sources are silent on payment: paid is unknown, not 0 kr';

function totalsOf(invoices: readonly InvoiceFigures[], payable: LineSet): { paid: Figure; outstanding: Figure } {
  const paid = payable.where((l) => l.origin_type === 'InvoicePaid').figure('debit');
  const outstanding = payable.figure();
  if (!invoices.some((i) => i.status === 'payment-unknown')) return { paid, outstanding };
  return {
    paid: figure(paid.amount ?? paid.knownPart ?? 0, [PAYMENT_UNKNOWN], paid.events, paid.uncertain),
    outstanding: figure(outstanding.amount ?? outstanding.knownPart ?? 0, [PAYMENT_UNKNOWN], outstanding.events, outstanding.uncertain),
  };
}

function invoicesOf(payable: LineSet, party: (id: string) => NamedRef, everPaid: ReadonlySet<string>, basisOfLines: (set: LineSet) => Basis | null): InvoiceFigures[] {
  const keys = [...new Set(payable.lines.filter((l) => l.origin_type === 'SettlementInvoiced').map((l) => l.ref as string))];
  return keys.flatMap((key): InvoiceFigures[] => {
    const set = payable.where((l) => l.ref === key);
    const invoiced = set.where((l) => l.origin_type === 'SettlementInvoiced').figure('credit');
    if (invoiced.amount === 0) return []; // revoked
    const payments = set.where((l) => l.origin_type === 'InvoicePaid');
    const first = set.lines[0]!;
    const recorded = { invoice: key, issuer: party(first.counterparty_id ?? ''), payer: party(first.party_id), invoiced, basis: basisOfLines(set.where((l) => l.origin_type === 'SettlementInvoiced')) };
    if (payments.lines.length === 0 && !everPaid.has(key)) {
      const unknown = (f: Figure) => figure(f.amount ?? f.knownPart ?? 0, [PAYMENT_UNKNOWN], f.events, f.uncertain);
      return [{ ...recorded, paid: unknown(payments.figure('debit')), outstanding: unknown(set.figure()), status: 'payment-unknown' }];
    }
    const paid = payments.figure('debit');
    const outstanding = set.figure();
    const status = outstanding.amount === 0 ? 'paid' : paid.amount === 0 ? 'outstanding' : 'partly-paid';
    return [{ ...recorded, paid, outstanding, status }];
  });
}

import { formatKronor, total } from '../../domain/money';
import { combine, type Figure } from './figure';
import type { GrantBalance, GrantBalanceReader } from './grant-balance.reader';
import type { GrantSummary } from './grant-directory.reader';
import type { PostingsReader, PostingsWindow } from './postings.reader';

export type CheckStatus = 'pass' | 'fail' | 'unknown';

export interface Check {
  readonly check: string;
  readonly description: string;
  readonly status: CheckStatus;
  /** Why the status is what it is, in a sentence. */
  readonly detail: string;
  readonly figures: Readonly<Record<string, unknown>>;
  readonly events: readonly string[];
}

export interface Reconciliation {
  readonly grant: GrantSummary;
  readonly at: string;
  readonly knownAt: string | null;
  /** "fail" if any check fails, else "unknown" if any is unknown, else "pass". */
  readonly status: CheckStatus;
  readonly checks: readonly Check[];
}

const kr = (n: number | null | undefined) => (n === null || n === undefined ? 'unknown' : formatKronor(n));

/** Every check finance runs on a grant, with pass / fail / unknown and the figures behind it. */
export class GrantReconciliationReader {
  constructor(
    private readonly balances: GrantBalanceReader,
    private readonly postings: PostingsReader,
  ) {}

  reconcile(grant: GrantSummary, window: PostingsWindow): Reconciliation {
    const b = this.balances.balance(grant, window);
    const checks = [
      partsSumToTotal(b),
      allocationsWithinGrant(b),
      finalAccountingAddsUp(b),
      settlementSumsToRemaining(b),
      sharesInvoiced(b),
      invoicesPaidOrOutstanding(b),
      this.postingsBalance(grant.id, window),
      this.noUnappliedCorrections(grant.id, window.knownAt),
    ];
    const status: CheckStatus = checks.some((c) => c.status === 'fail') ? 'fail' : checks.some((c) => c.status === 'unknown') ? 'unknown' : 'pass';
    return { grant, at: window.at, knownAt: window.knownAt, status, checks };
  }

  private postingsBalance(grantId: string, window: PostingsWindow): Check {
    const lines = this.postings.lines(grantId, window);
    const debits = lines.where((l) => l.side === 'debit');
    const credits = lines.where((l) => l.side === 'credit');
    const sum = (set: typeof lines) => set.lines.reduce((n, l) => n + (l.amount ?? 0), 0);
    const open = (set: typeof lines) => set.lines.filter((l) => set.isOpenUnknown(l)).length;
    const [d, c, du, cu] = [sum(debits), sum(credits), open(debits), open(credits)];
    return {
      check: 'postings-balance',
      description: "The grant's postings balance: debits equal credits, and every unknown debit has its unknown credit",
      status: d === c && du === cu ? 'pass' : 'fail',
      detail: `debits ${kr(d)}, credits ${kr(c)}; ${du} unknown debit line(s), ${cu} unknown credit line(s)`,
      figures: { debits: d, credits: c, unknownDebitLines: du, unknownCreditLines: cu },
      events: [...new Set(lines.lines.map((l) => l.event_id))],
    };
  }

  private noUnappliedCorrections(grantId: string, knownAt: string | null): Check {
    const corrections = this.postings.unappliedCorrections(grantId, knownAt);
    return {
      check: 'no-unapplied-corrections',
      description: 'No money entry has an EventCorrected the ledger cannot apply (money is corrected by revoking and recording anew)',
      status: corrections.length === 0 ? 'pass' : 'fail',
      detail: corrections.length === 0 ? 'none' : `${corrections.length} correction(s) to revoke and record anew`,
      figures: { corrections },
      events: corrections.flatMap((c) => [c.event, c.target]),
    };
  }
}

function compare(a: Figure, b: Figure, same: (x: number, y: number) => boolean): CheckStatus {
  if (a.amount === null || b.amount === null) return 'unknown';
  return same(a.amount, b.amount) ? 'pass' : 'fail';
}

function partsSumToTotal(b: GrantBalance): Check {
  const parts = total(b.grant.parts.map((p) => p.amount));
  const base = { check: 'parts-sum-to-total', description: 'The parts by area add up to what was received', events: [...b.grant.events, ...b.received.events] };
  const figures = { received: b.received.amount, partsTotal: parts.amount, partsKnownPart: parts.knownPart, parts: b.parts };
  if (b.grant.parts.length === 0) return { ...base, status: 'unknown', detail: 'no parts are recorded for this grant', figures };
  if (b.received.amount !== null && parts.knownPart > b.received.amount) return { ...base, status: 'fail', detail: `the known parts (${kr(parts.knownPart)}) exceed what was received`, figures };
  if (parts.amount === null || b.received.amount === null) return { ...base, status: 'unknown', detail: `not every figure is known: ${[...parts.unknown, b.received.reason].filter(Boolean).join('; ')}`, figures };
  const status = parts.amount === b.received.amount ? 'pass' : 'fail';
  return { ...base, status, detail: `parts ${kr(parts.amount)} ${status === 'pass' ? '=' : '≠'} received ${kr(b.received.amount)}`, figures };
}

function allocationsWithinGrant(b: GrantBalance): Check {
  const base = { check: 'allocations-within-grant', description: 'What is allocated does not exceed what was received', events: [...b.allocated.events, ...b.received.events] };
  const figures = { received: b.received.amount, allocated: b.allocated.amount, allocatedKnownPart: b.allocated.knownPart ?? b.allocated.amount, unallocated: b.unallocated.amount };
  const knownAllocated = b.allocated.amount ?? b.allocated.knownPart ?? 0;
  if (b.received.amount !== null && knownAllocated > b.received.amount) return { ...base, status: 'fail', detail: `at least ${kr(knownAllocated)} is allocated of ${kr(b.received.amount)}`, figures };
  const status = compare(b.allocated, b.received, (a, r) => a <= r);
  const detail =
    status === 'unknown'
      ? `the known allocations (${kr(knownAllocated)}) are within the grant, but not every figure is known: ${[b.allocated.reason, b.received.reason].filter(Boolean).join('; ')}`
      : `allocated ${kr(b.allocated.amount)} of ${kr(b.received.amount)}`;
  return { ...base, status, detail, figures };
}

function finalAccountingAddsUp(b: GrantBalance): Check {
  const base = { check: 'final-accounting-adds-up', description: 'Used + remaining + distributed early = received, per the final accounting', events: [...b.used.events, ...b.remaining.events, ...b.distributedEarly.events, ...b.received.events] };
  const accounted = combine([{ figure: b.used, sign: 1 }, { figure: b.remaining, sign: 1 }, { figure: b.distributedEarly, sign: 1 }]);
  const implied = combine([{ figure: b.received, sign: 1 }, { figure: b.remaining, sign: -1 }, { figure: b.distributedEarly, sign: -1 }]);
  const figures = {
    received: b.received.amount,
    used: b.used.amount,
    remaining: b.remaining.amount,
    distributedEarly: b.distributedEarly.amount,
    ...(b.used.amount === null && implied.amount !== null && { usedIfTheAccountsAddUp: implied.amount }),
  };
  if (b.remaining.basis !== 'final-accounting') return { ...base, status: 'unknown', detail: 'no final accounting is recorded', figures };
  const status = compare(accounted, b.received, (x, y) => x === y);
  const detail = status === 'unknown' ? `not every figure is known: ${[accounted.reason, b.received.reason].filter(Boolean).join('; ')}` : `accounted ${kr(accounted.amount)}, received ${kr(b.received.amount)}`;
  return { ...base, status, detail, figures };
}

function settlementSumsToRemaining(b: GrantBalance): Check {
  const base = { check: 'settlement-sums-to-remaining', description: 'The settlement shares add up to what remained after the final accounting', events: [...b.settled.events, ...b.remaining.events] };
  const figures = { remaining: b.remaining.amount, settled: b.settled.amount, settledKnownPart: b.settled.knownPart ?? b.settled.amount, shares: b.settledByParty.map((s) => ({ party: s.party.slug, amount: s.figure.amount, reason: s.figure.reason })) };
  if (b.remaining.basis !== 'final-accounting') return { ...base, status: 'unknown', detail: 'no final accounting is recorded', figures };
  if (b.settled.events.length === 0 || b.settled.amount === 0) return { ...base, status: 'unknown', detail: 'nothing is settled yet', figures };
  const status = compare(b.settled, b.remaining, (s, r) => s === r);
  const detail = status === 'unknown' ? `not every figure is known: ${[b.settled.reason, b.remaining.reason].filter(Boolean).join('; ')}` : `settled ${kr(b.settled.amount)}, remaining ${kr(b.remaining.amount)}`;
  return { ...base, status, detail, figures };
}

function sharesInvoiced(b: GrantBalance): Check {
  const holder = b.grant.holder.id;
  const shares = b.settledByParty
    .filter((s) => s.figure.amount !== 0)
    .map((s) => {
      const invoiced = b.invoices.filter((i) => i.issuer.id === s.party.id).reduce((n, i) => n + (i.invoiced.amount ?? 0), 0);
      const needsInvoice = s.party.id !== holder;
      const status: CheckStatus = !needsInvoice ? 'pass' : s.figure.amount === null ? 'unknown' : invoiced === s.figure.amount ? 'pass' : 'fail';
      return { party: s.party, share: s.figure.amount, reason: s.figure.reason, invoiced: needsInvoice ? invoiced : null, needsInvoice, status };
    });
  const status: CheckStatus = shares.length === 0 ? 'unknown' : shares.some((s) => s.status === 'fail') ? 'fail' : shares.some((s) => s.status === 'unknown') ? 'unknown' : 'pass';
  const detail =
    shares.length === 0
      ? 'nothing is settled yet'
      : shares.map((s) => (s.needsInvoice ? `${s.party.name}: share ${kr(s.share)}, invoiced ${kr(s.invoiced)}` : `${s.party.name}: share ${kr(s.share)} kept by the holder, no invoice needed`)).join('; ');
  return {
    check: 'settlement-shares-invoiced',
    description: "Every settlement share of a party other than the holder is invoiced in full (the holder's own share needs no invoice)",
    status,
    detail,
    figures: { shares: shares.map((s) => ({ ...s, party: s.party.slug })) },
    events: [...b.settled.events, ...b.invoiced.events],
  };
}

function invoicesPaidOrOutstanding(b: GrantBalance): Check {
  const invoices = b.invoices.map((i) => ({ invoice: i.invoice, issuer: i.issuer.slug, payer: i.payer.slug, invoiced: i.invoiced.amount, paid: i.paid.amount, outstanding: i.outstanding.amount, status: i.status }));
  const bad = invoices.filter((i) => i.status !== 'payment-unknown' && (i.outstanding === null || i.outstanding < 0));
  const unknown = invoices.some((i) => i.status === 'payment-unknown');
  return {
    check: 'invoices-paid-or-outstanding',
    description: 'Every invoice is paid or outstanding, none overpaid: invoiced = paid + outstanding',
    status: bad.length > 0 ? 'fail' : invoices.length === 0 || unknown ? 'unknown' : 'pass',
    detail: invoices.length === 0 ? 'no invoices are recorded' : invoices.map((i) => `${i.invoice}: invoiced ${kr(i.invoiced)}, paid ${kr(i.paid)}, ${i.status}`).join('; '),
    figures: { invoiced: b.invoiced.amount, paid: b.paid.amount, outstanding: b.outstanding.amount, invoices },
    events: [...b.invoiced.events, ...b.paid.events],
  };
}


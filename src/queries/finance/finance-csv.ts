import type { CsvCell } from '../../http/csv';
import type { Figure } from './figure';
import type { GrantBalance } from './grant-balance.reader';
import type { PostingLineView } from './posting-view';
import type { TrialBalance } from './trial-balance.reader';

/** The tables the CSV exports hold: a header and rows of cells. */
export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}

export function postingsTable(lines: readonly PostingLineView[]): Table {
  return {
    header: ['position', 'event_id', 'event_type', 'reversal_of', 'grant', 'account', 'party', 'counterparty', 'ref', 'project', 'side', 'debit', 'credit', 'unknown_reason', 'effective_date', 'recorded_at'],
    rows: lines.map((l) => [l.position, l.event, l.eventType, l.reversalOf, l.grant, l.account, l.party, l.counterparty, l.ref, l.project, l.side, l.debit, l.credit, l.unknownReason, l.effectiveDate, l.recordedAt]),
  };
}

export function balanceTable(b: GrantBalance): Table {
  const row = (name: string, party: string | null, f: Figure): CsvCell[] => [b.grant.slug, b.at, name, party, f.amount, f.reason, f.knownPart ?? null, f.uncertain, f.events.join(' ')];
  const rows: CsvCell[][] = [
    row('received', null, b.received),
    row('allocated', null, b.allocated),
    ...b.allocations.map((a) => row(`allocated:${a.allocation}`, null, a.figure)),
    row('unallocated', null, b.unallocated),
    row('forecast-unused', null, b.forecastUnused),
    row('distributed-early', null, b.distributedEarly),
    ...b.distributedEarlyByParty.map((p) => row('distributed-early', p.party.slug, p.figure)),
    row('used', null, b.used),
    row(`remaining (${b.remaining.basis})`, null, b.remaining),
    row('settled', null, b.settled),
    ...b.settledByParty.map((p) => row('settled', p.party.slug, p.figure)),
    row('not-yet-invoiced', null, b.notYetInvoiced),
    row('invoiced', null, b.invoiced),
    row('paid', null, b.paid),
    row('outstanding', null, b.outstanding),
    ...b.invoices.map((i) => row(`outstanding:${i.invoice}`, i.payer.slug, i.outstanding)),
    row('funds-held', b.grant.holder.slug, b.fundsHeld),
  ];
  return { header: ['grant', 'at', 'figure', 'party', 'amount', 'unknown_reason', 'known_part', 'uncertain', 'events'], rows };
}

export function trialBalanceTable(t: TrialBalance): Table {
  return {
    header: ['grant', 'account', 'memo', 'party', 'debit', 'credit', 'balance', 'unknown_lines', 'unknown_reason'],
    rows: [
      ...t.accounts.map((a) => [a.grant.slug, a.account, a.memo, a.party.slug, a.debit, a.credit, a.balance, a.unknownLines, a.reason]),
      ['TOTAL', null, null, null, t.totals.debit, t.totals.credit, null, t.totals.unknownDebitLines + t.totals.unknownCreditLines, t.balanced ? 'balanced' : 'NOT BALANCED'],
    ],
  };
}

import { ACCOUNTS, type Account } from '../../finance/chart-of-accounts';
import type { DirectoryReader, NamedRef } from '../directory.reader';
import type { LineSet } from './figure';
import type { GrantDirectoryReader } from './grant-directory.reader';
import type { PostingsReader, PostingsWindow } from './postings.reader';

export interface TrialBalanceRow {
  readonly grant: { readonly id: string; readonly slug: string };
  readonly account: Account;
  readonly memo: boolean;
  readonly party: NamedRef;
  /** Known debits and credits; unknown lines add no number and are counted instead. */
  readonly debit: number;
  readonly credit: number;
  /** On the account's normal side; null while an unknown line is open on it. */
  readonly balance: number | null;
  readonly unknownLines: number;
  readonly reason: string | null;
  readonly events: readonly string[];
}

export interface TrialBalance {
  readonly at: string;
  readonly knownAt: string | null;
  readonly accounts: readonly TrialBalanceRow[];
  readonly totals: { readonly debit: number; readonly credit: number; readonly unknownDebitLines: number; readonly unknownCreditLines: number };
  /** Debits equal credits, and unknown debit lines pair with unknown credit lines. */
  readonly balanced: boolean;
}

/** Every account per grant and party with its debit and credit totals: the books balance or they do not. */
export class TrialBalanceReader {
  constructor(
    private readonly postings: PostingsReader,
    private readonly grants: GrantDirectoryReader,
    private readonly directory: DirectoryReader,
  ) {}

  trialBalance(window: PostingsWindow): TrialBalance {
    const lines = this.postings.lines(null, window);
    const slugs = new Map(this.grants.list(null).map((g) => [g.id, g.slug]));
    const parties = this.directory.parties(lines.lines.map((l) => l.party_id));
    const groups = new Map<string, LineSet>();
    for (const key of new Set(lines.lines.map((l) => `${l.grant_id}|${l.account}|${l.party_id}`))) {
      groups.set(key, lines.where((l) => `${l.grant_id}|${l.account}|${l.party_id}` === key));
    }
    const accounts = [...groups.values()].map((set): TrialBalanceRow => {
      const first = set.lines[0]!;
      const sum = (side: 'debit' | 'credit') => set.lines.filter((l) => l.side === side).reduce((n, l) => n + (l.amount ?? 0), 0);
      const f = set.figure();
      return {
        grant: { id: first.grant_id, slug: slugs.get(first.grant_id) ?? '' },
        account: first.account,
        memo: ACCOUNTS[first.account].memo,
        party: parties.get(first.party_id) ?? { id: first.party_id, slug: '', name: '(unknown party)' },
        debit: sum('debit'),
        credit: sum('credit'),
        balance: f.amount,
        unknownLines: set.lines.filter((l) => set.isOpenUnknown(l)).length,
        reason: f.reason,
        events: f.events,
      };
    });
    accounts.sort((a, b) => a.grant.slug.localeCompare(b.grant.slug) || a.account.localeCompare(b.account) || a.party.slug.localeCompare(b.party.slug));
    const open = (side: 'debit' | 'credit') => lines.lines.filter((l) => l.side === side && lines.isOpenUnknown(l)).length;
    const totals = {
      debit: accounts.reduce((n, a) => n + a.debit, 0),
      credit: accounts.reduce((n, a) => n + a.credit, 0),
      unknownDebitLines: open('debit'),
      unknownCreditLines: open('credit'),
    };
    return { at: window.at, knownAt: window.knownAt, accounts, totals, balanced: totals.debit === totals.credit && totals.unknownDebitLines === totals.unknownCreditLines };
  }
}

import type { Ledger } from '../../ledger';
import { GrantBalanceReader } from './grant-balance.reader';
import { GrantDirectoryReader } from './grant-directory.reader';
import { GrantReconciliationReader } from './grant-reconciliation.reader';
import { PostingsReader } from './postings.reader';
import { ProjectsReader } from './projects.reader';
import { TrialBalanceReader } from './trial-balance.reader';

export interface FinanceReaders {
  readonly grants: GrantDirectoryReader;
  readonly postings: PostingsReader;
  readonly balances: GrantBalanceReader;
  readonly reconciliations: GrantReconciliationReader;
  readonly trialBalance: TrialBalanceReader;
  readonly projects: ProjectsReader;
}

const cache = new WeakMap<Ledger, FinanceReaders>();

/**
 * The finance readers over the ledger's read-model database, made once per opened
 * ledger. Built here rather than in src/ledger.ts so the composition root stays as it is.
 */
export function financeReaders(ledger: Ledger): FinanceReaders {
  let readers = cache.get(ledger);
  if (!readers) {
    const db = ledger.engine.db;
    const grants = new GrantDirectoryReader(db, ledger.directory);
    const postings = new PostingsReader(db);
    const balances = new GrantBalanceReader(postings, ledger.directory);
    readers = {
      grants,
      postings,
      balances,
      reconciliations: new GrantReconciliationReader(balances, postings),
      trialBalance: new TrialBalanceReader(postings, grants, ledger.directory),
      projects: new ProjectsReader(db, ledger.directory, grants),
    };
    cache.set(ledger, readers);
  }
  return readers;
}

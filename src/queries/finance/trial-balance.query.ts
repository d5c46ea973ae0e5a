import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { LEDGER } from '../../ledger.token';
import type { Ledger } from '../../ledger';
import { parseAt, parseKnownAt } from '../temporal-params';
import { financeReaders } from './finance-readers';
import { today } from './find-grant';
import type { TrialBalance } from './trial-balance.reader';

export class GetTrialBalanceQuery extends Query<TrialBalance> {
  constructor(
    readonly at?: unknown,
    readonly knownAt?: unknown,
  ) {
    super();
  }
}

@QueryHandler(GetTrialBalanceQuery)
export class GetTrialBalanceHandler implements IQueryHandler<GetTrialBalanceQuery, TrialBalance> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute(query: GetTrialBalanceQuery): Promise<TrialBalance> {
    return financeReaders(this.ledger).trialBalance.trialBalance({ at: parseAt(query.at, today(this.ledger)), knownAt: parseKnownAt(query.knownAt) });
  }
}

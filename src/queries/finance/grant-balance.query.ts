import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { LEDGER } from '../../ledger.token';
import type { Ledger } from '../../ledger';
import { parseAt, parseKnownAt } from '../temporal-params';
import { financeReaders } from './finance-readers';
import { findGrant, today } from './find-grant';
import type { GrantBalance } from './grant-balance.reader';

/** "How much of grant G was received, allocated, used and left on D, as known at K; who owes whom?" */
export class GetGrantBalanceQuery extends Query<GrantBalance> {
  constructor(
    readonly grant: string,
    readonly at?: unknown,
    readonly knownAt?: unknown,
  ) {
    super();
  }
}

@QueryHandler(GetGrantBalanceQuery)
export class GetGrantBalanceHandler implements IQueryHandler<GetGrantBalanceQuery, GrantBalance> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute(query: GetGrantBalanceQuery): Promise<GrantBalance> {
    const at = parseAt(query.at, today(this.ledger));
    const knownAt = parseKnownAt(query.knownAt);
    return financeReaders(this.ledger).balances.balance(findGrant(this.ledger, query.grant, knownAt), { at, knownAt });
  }
}

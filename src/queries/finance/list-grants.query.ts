import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { LEDGER } from '../../ledger.token';
import type { Ledger } from '../../ledger';
import { parseKnownAt } from '../temporal-params';
import { financeReaders } from './finance-readers';
import type { GrantSummary } from './grant-directory.reader';

export class ListGrantsQuery extends Query<GrantSummary[]> {
  constructor(readonly knownAt?: unknown) {
    super();
  }
}

@QueryHandler(ListGrantsQuery)
export class ListGrantsHandler implements IQueryHandler<ListGrantsQuery, GrantSummary[]> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute(query: ListGrantsQuery): Promise<GrantSummary[]> {
    return financeReaders(this.ledger).grants.list(parseKnownAt(query.knownAt));
  }
}

import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { LEDGER } from '../ledger.token';
import type { Ledger } from '../ledger';
import type { GroupSummary } from './directory.reader';
import { parseKnownAt } from './temporal-params';

export class ListGroupsQuery extends Query<GroupSummary[]> {
  constructor(readonly knownAt?: unknown) {
    super();
  }
}

@QueryHandler(ListGroupsQuery)
export class ListGroupsHandler implements IQueryHandler<ListGroupsQuery, GroupSummary[]> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute(query: ListGroupsQuery): Promise<GroupSummary[]> {
    return this.ledger.directory.listGroups(parseKnownAt(query.knownAt));
  }
}

import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { LEDGER } from '../ledger.token';
import type { Ledger } from '../ledger';
import type { GroupHistory } from './group-history.reader';
import { findGroup } from './group-roster.query';
import { parseKnownAt } from './temporal-params';

/** "Who sat on group X over the years, and which decisions changed it, as known at K?" */
export class GetGroupHistoryQuery extends Query<GroupHistory> {
  constructor(
    readonly group: string,
    readonly knownAt?: unknown,
  ) {
    super();
  }
}

@QueryHandler(GetGroupHistoryQuery)
export class GetGroupHistoryHandler implements IQueryHandler<GetGroupHistoryQuery, GroupHistory> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute(query: GetGroupHistoryQuery): Promise<GroupHistory> {
    const knownAt = parseKnownAt(query.knownAt);
    return this.ledger.groupHistory.history(findGroup(this.ledger, query.group, knownAt), knownAt);
  }
}

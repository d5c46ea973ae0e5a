import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InvalidInput } from '../domain/ledger-errors';
import { LEDGER } from '../ledger.token';
import type { Ledger } from '../ledger';
import type { SearchAnswer } from './search.reader';
import { parseKnownAt } from './temporal-params';

/** "Where is X mentioned?": people, groups, meetings and decisions, as known at K. */
export class SearchQuery extends Query<SearchAnswer> {
  constructor(
    readonly q?: unknown,
    readonly knownAt?: unknown,
  ) {
    super();
  }
}

@QueryHandler(SearchQuery)
export class SearchHandler implements IQueryHandler<SearchQuery, SearchAnswer> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute(query: SearchQuery): Promise<SearchAnswer> {
    const q = query.q === undefined ? '' : query.q;
    if (typeof q !== 'string' || q.length > 200) throw new InvalidInput('q must be text of at most 200 characters', [{ field: 'q', message: 'must be text of at most 200 characters' }]);
    return this.ledger.search.search(q.trim(), parseKnownAt(query.knownAt));
  }
}

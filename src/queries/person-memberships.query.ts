import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '../domain/ledger-errors';
import { LEDGER } from '../ledger.token';
import type { Ledger } from '../ledger';
import type { PersonHistory } from './person-history.reader';
import { parseKnownAt } from './temporal-params';

/** "Where has person P sat, in which roles, and for whom did P work?" */
export class GetPersonMembershipsQuery extends Query<PersonHistory> {
  constructor(
    readonly person: string,
    readonly knownAt?: unknown,
  ) {
    super();
  }
}

@QueryHandler(GetPersonMembershipsQuery)
export class GetPersonMembershipsHandler implements IQueryHandler<GetPersonMembershipsQuery, PersonHistory> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute(query: GetPersonMembershipsQuery): Promise<PersonHistory> {
    const knownAt = parseKnownAt(query.knownAt);
    const person = this.ledger.directory.person(query.person, knownAt);
    if (!person) throw new NotFound(`No person "${query.person}"${knownAt ? ` was known at ${knownAt}` : ''}`, [{ field: 'person', message: 'unknown person' }]);
    return this.ledger.people.history(person, knownAt);
  }
}

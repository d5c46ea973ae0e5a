import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '../domain/ledger-errors';
import { LEDGER } from '../ledger.token';
import type { Ledger } from '../ledger';
import type { PersonProfile } from './person-profile.reader';
import { parseKnownAt } from './temporal-params';

/** "Who is P in official capacity: seats, roles, employers over time, meetings attended?" */
export class GetPersonProfileQuery extends Query<PersonProfile> {
  constructor(
    readonly person: string,
    readonly knownAt?: unknown,
  ) {
    super();
  }
}

export function findPersonProfile(ledger: Ledger, ref: string, knownAt: string | null): PersonProfile {
  const person = ledger.directory.person(ref, knownAt);
  if (!person) throw new NotFound(`No person "${ref}"${knownAt ? ` was known at ${knownAt}` : ''}`, [{ field: 'person', message: 'unknown person' }]);
  return ledger.profiles.profile(person, knownAt);
}

@QueryHandler(GetPersonProfileQuery)
export class GetPersonProfileHandler implements IQueryHandler<GetPersonProfileQuery, PersonProfile> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}
  async execute(query: GetPersonProfileQuery): Promise<PersonProfile> {
    return findPersonProfile(this.ledger, query.person, parseKnownAt(query.knownAt));
  }
}

/** Popolo JSON of everyone, every organisation and every membership, as known at K. */
export class ExportPopoloQuery extends Query<ReturnType<Ledger['popolo']>> {
  constructor(readonly knownAt?: unknown) {
    super();
  }
}

@QueryHandler(ExportPopoloQuery)
export class ExportPopoloHandler implements IQueryHandler<ExportPopoloQuery> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}
  async execute(query: ExportPopoloQuery) {
    return this.ledger.popolo(parseKnownAt(query.knownAt));
  }
}

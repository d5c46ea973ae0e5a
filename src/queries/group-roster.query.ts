import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '../domain/ledger-errors';
import { LEDGER } from '../ledger.token';
import type { Ledger } from '../ledger';
import type { GroupSummary } from './directory.reader';
import type { Roster } from './group-roster.reader';
import { parseAt, parseKnownAt } from './temporal-params';

/** "Who sat on group X on date D, as the ledger knew it at K?" */
export class GetGroupRosterQuery extends Query<Roster> {
  constructor(
    readonly group: string,
    readonly at?: unknown,
    readonly knownAt?: unknown,
  ) {
    super();
  }
}

@QueryHandler(GetGroupRosterQuery)
export class GetGroupRosterHandler implements IQueryHandler<GetGroupRosterQuery, Roster> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute(query: GetGroupRosterQuery): Promise<Roster> {
    const at = parseAt(query.at, this.ledger.clock.now().toISOString().slice(0, 10));
    const knownAt = parseKnownAt(query.knownAt);
    const group = findGroup(this.ledger, query.group, knownAt);
    return this.ledger.rosters.roster(group, { at, knownAt });
  }
}

export function findGroup(ledger: Ledger, ref: string, knownAt: string | null): GroupSummary {
  const group = ledger.directory.group(ref, knownAt);
  if (!group) throw new NotFound(`No group "${ref}"${knownAt ? ` was known at ${knownAt}` : ''}`, [{ field: 'group', message: 'unknown group' }]);
  return group;
}

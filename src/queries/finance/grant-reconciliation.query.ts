import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { LEDGER } from '../../ledger.token';
import type { Ledger } from '../../ledger';
import { parseAt, parseKnownAt } from '../temporal-params';
import { financeReaders } from './finance-readers';
import { findGrant, today } from './find-grant';
import type { Reconciliation } from './grant-reconciliation.reader';

/** "Do the figures of grant G add up, and where not?" */
export class GetGrantReconciliationQuery extends Query<Reconciliation> {
  constructor(
    readonly grant: string,
    readonly at?: unknown,
    readonly knownAt?: unknown,
  ) {
    super();
  }
}

@QueryHandler(GetGrantReconciliationQuery)
export class GetGrantReconciliationHandler implements IQueryHandler<GetGrantReconciliationQuery, Reconciliation> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute(query: GetGrantReconciliationQuery): Promise<Reconciliation> {
    const at = parseAt(query.at, today(this.ledger));
    const knownAt = parseKnownAt(query.knownAt);
    return financeReaders(this.ledger).reconciliations.reconcile(findGrant(this.ledger, query.grant, knownAt), { at, knownAt });
  }
}

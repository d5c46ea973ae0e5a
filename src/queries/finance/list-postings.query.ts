import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { LEDGER } from '../../ledger.token';
import type { Ledger } from '../../ledger';
import { parseAt, parseKnownAt } from '../temporal-params';
import { financeReaders } from './finance-readers';
import { findGrant, today } from './find-grant';
import { postingViews, type PostingLineView } from './posting-view';

export interface PostingsList {
  readonly at: string;
  readonly knownAt: string | null;
  readonly postings: readonly PostingLineView[];
}

/** Every posting line, of one grant or all, at `at` as known at `knownAt`. */
export class ListPostingsQuery extends Query<PostingsList> {
  constructor(
    readonly grant: string | null,
    readonly at?: unknown,
    readonly knownAt?: unknown,
  ) {
    super();
  }
}

@QueryHandler(ListPostingsQuery)
export class ListPostingsHandler implements IQueryHandler<ListPostingsQuery, PostingsList> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute(query: ListPostingsQuery): Promise<PostingsList> {
    const at = parseAt(query.at, today(this.ledger));
    const knownAt = parseKnownAt(query.knownAt);
    const finance = financeReaders(this.ledger);
    const grantId = query.grant === null ? null : findGrant(this.ledger, query.grant, knownAt).id;
    const lines = finance.postings.lines(grantId, { at, knownAt });
    const grantSlugs = new Map(finance.grants.list(null).map((g) => [g.id, g.slug]));
    const parties = this.ledger.directory.parties(lines.lines.flatMap((l) => [l.party_id, ...(l.counterparty_id ? [l.counterparty_id] : [])]));
    return { at, knownAt, postings: postingViews(lines, grantSlugs, parties, finance.projects.slugs()) };
  }
}

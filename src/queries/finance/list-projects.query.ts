import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { LEDGER } from '../../ledger.token';
import type { Ledger } from '../../ledger';
import { parseAt, parseKnownAt } from '../temporal-params';
import { financeReaders } from './finance-readers';
import { today } from './find-grant';
import type { ProjectRunning } from './projects.reader';

export interface ProjectsOnDay {
  readonly at: string;
  readonly knownAt: string | null;
  readonly projects: readonly ProjectRunning[];
}

/** "Which projects run on D, until when, and by which decisions were they extended?" */
export class ListProjectsQuery extends Query<ProjectsOnDay> {
  constructor(
    readonly at?: unknown,
    readonly knownAt?: unknown,
  ) {
    super();
  }
}

@QueryHandler(ListProjectsQuery)
export class ListProjectsHandler implements IQueryHandler<ListProjectsQuery, ProjectsOnDay> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute(query: ListProjectsQuery): Promise<ProjectsOnDay> {
    const at = parseAt(query.at, today(this.ledger));
    const knownAt = parseKnownAt(query.knownAt);
    return { at, knownAt, projects: financeReaders(this.ledger).projects.running(at, knownAt) };
  }
}

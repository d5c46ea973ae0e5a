import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { changesBetween, type ChangesReport } from '../audit/changes-between';
import type { AuditEventPage, AuditFilter, AuditVerifyReport, ExplainedEvent } from '../audit/ledger-audit';
import { InvalidInput, NotFound, type FieldProblem } from '../domain/ledger-errors';
import { LEDGER } from '../ledger.token';
import type { Ledger } from '../ledger';
import { parseKnownAt } from './temporal-params';

/** "Has anything in the record been changed?" Every chain recomputed. */
export class VerifyLogQuery extends Query<AuditVerifyReport> {}

@QueryHandler(VerifyLogQuery)
export class VerifyLogHandler implements IQueryHandler<VerifyLogQuery, AuditVerifyReport> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}
  execute(): Promise<AuditVerifyReport> {
    return this.ledger.audit.verify();
  }
}

/** A page of the log, filtered; raw query-string values, validated here. */
export class BrowseEventsQuery extends Query<AuditEventPage> {
  constructor(readonly params: Record<string, unknown>) {
    super();
  }
}

@QueryHandler(BrowseEventsQuery)
export class BrowseEventsHandler implements IQueryHandler<BrowseEventsQuery, AuditEventPage> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}
  execute(query: BrowseEventsQuery): Promise<AuditEventPage> {
    return this.ledger.audit.browse(parseAuditFilter(query.params));
  }
}

/** "What changed between K1 and K2?": the events recorded in that window as the facts they state or corrected. */
export class ChangesBetweenQuery extends Query<ChangesReport> {
  constructor(readonly params: Record<string, unknown>) {
    super();
  }
}

@QueryHandler(ChangesBetweenQuery)
export class ChangesBetweenHandler implements IQueryHandler<ChangesBetweenQuery, ChangesReport> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}
  execute(query: ChangesBetweenQuery): Promise<ChangesReport> {
    return changesBetween(this.ledger.audit, this.ledger.store, this.ledger.directory, parseAuditFilter(query.params));
  }
}

/** "Which events produced this answer?": one event, its chain link, its sources and its corrections. */
export class ExplainEventQuery extends Query<ExplainedEvent> {
  constructor(readonly id: string) {
    super();
  }
}

@QueryHandler(ExplainEventQuery)
export class ExplainEventHandler implements IQueryHandler<ExplainEventQuery, ExplainedEvent> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}
  async execute(query: ExplainEventQuery): Promise<ExplainedEvent> {
    const explained = await this.ledger.audit.explain(query.id);
    if (!explained) throw new NotFound(`No event "${query.id}" in the log`, [{ field: 'id', message: 'no event with this id' }]);
    return explained;
  }
}

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 500;

export function parseAuditFilter(params: Record<string, unknown>): AuditFilter {
  const problems: FieldProblem[] = [];
  const text = (field: string): string | undefined => {
    const value = params[field];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') problems.push({ field, message: 'must be given once, as text' });
    return typeof value === 'string' ? value : undefined;
  };
  const whole = (field: string, min: number, max: number): number | undefined => {
    const value = text(field);
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      problems.push({ field, message: `must be a whole number from ${min} to ${max}` });
      return undefined;
    }
    return Number(value);
  };
  const time = (field: string): string | undefined => {
    try {
      return parseKnownAt(text(field), field) ?? undefined;
    } catch (error) {
      problems.push(...(error as InvalidInput).problems);
      return undefined;
    }
  };
  const filter = {
    stream: text('stream'),
    type: text('type'),
    actor: text('actor'),
    from: time('from'),
    to: time('to'),
    after: whole('after', 0, Number.MAX_SAFE_INTEGER),
    limit: whole('limit', 1, MAX_PAGE) ?? DEFAULT_PAGE,
  };
  for (const field of Object.keys(params)) {
    if (!['stream', 'type', 'actor', 'from', 'to', 'after', 'limit'].includes(field)) problems.push({ field, message: 'is not a filter of /audit/events' });
  }
  if (problems.length > 0) throw new InvalidInput(`Bad query: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
  return filter;
}

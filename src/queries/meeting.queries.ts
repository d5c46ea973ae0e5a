import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { isCalendarDay } from '../domain/effective-date';
import { InvalidInput, NotFound } from '../domain/ledger-errors';
import { LEDGER } from '../ledger.token';
import type { Ledger } from '../ledger';
import { DECISION_STATUS_FILTERS, type DecisionStatusFilter, type ListedDecision } from './decision-list.reader';
import type { MeetingDetail, MeetingSummary } from './meeting.reader';
import { oparlMeeting } from './oparl-export';
import { parseKnownAt } from './temporal-params';

/** "Which meetings did body B hold between D1 and D2, as known at K?" */
export class ListMeetingsQuery extends Query<MeetingSummary[]> {
  constructor(readonly filter: { body?: unknown; from?: unknown; to?: unknown; knownAt?: unknown }) {
    super();
  }
}

/** "What did meeting M decide, who was there, what came of it — as known at K?" */
export class GetMeetingQuery extends Query<MeetingDetail> {
  constructor(
    readonly meeting: string,
    readonly knownAt?: unknown,
  ) {
    super();
  }
}

/** "What is still waiting (deferred, unratified), and for what?" */
export class ListDecisionsQuery extends Query<{ knownAt: string | null; status: DecisionStatusFilter; decisions: ListedDecision[] }> {
  constructor(
    readonly status?: unknown,
    readonly knownAt?: unknown,
  ) {
    super();
  }
}

export class ExportOparlMeetingsQuery extends Query<ReturnType<typeof oparlMeeting>[]> {
  constructor(readonly knownAt?: unknown) {
    super();
  }
}

export function parseDay(value: unknown, field: string): string | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !isCalendarDay(value)) throw new InvalidInput(`${field} must be a calendar date YYYY-MM-DD`, [{ field, message: 'must be a calendar date YYYY-MM-DD' }]);
  return value;
}

export function findMeeting(ledger: Ledger, ref: string, knownAt: string | null): MeetingDetail {
  const meeting = ledger.meetings.detail(ref, knownAt);
  if (!meeting) throw new NotFound(`No meeting "${ref}"${knownAt ? ` was known at ${knownAt}` : ''}`, [{ field: 'meeting', message: 'unknown meeting' }]);
  return meeting;
}

@QueryHandler(ListMeetingsQuery)
export class ListMeetingsHandler implements IQueryHandler<ListMeetingsQuery, MeetingSummary[]> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}
  async execute({ filter }: ListMeetingsQuery): Promise<MeetingSummary[]> {
    const knownAt = parseKnownAt(filter.knownAt);
    const body = filter.body === undefined || filter.body === '' ? null : String(filter.body);
    if (body !== null && !this.ledger.directory.group(body, knownAt)) throw new NotFound(`No group "${body}"`, [{ field: 'body', message: 'unknown group' }]);
    return this.ledger.meetings.list({ body, from: parseDay(filter.from, 'from'), to: parseDay(filter.to, 'to'), knownAt });
  }
}

@QueryHandler(GetMeetingQuery)
export class GetMeetingHandler implements IQueryHandler<GetMeetingQuery, MeetingDetail> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}
  async execute(query: GetMeetingQuery): Promise<MeetingDetail> {
    return findMeeting(this.ledger, query.meeting, parseKnownAt(query.knownAt));
  }
}

@QueryHandler(ListDecisionsQuery)
export class ListDecisionsHandler implements IQueryHandler<ListDecisionsQuery> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}
  async execute(query: ListDecisionsQuery) {
    const status = query.status === undefined || query.status === '' ? 'all' : query.status;
    if (typeof status !== 'string' || !DECISION_STATUS_FILTERS.includes(status as DecisionStatusFilter)) {
      throw new InvalidInput('status must be pending, decided, ratified or all', [{ field: 'status', message: `must be one of ${DECISION_STATUS_FILTERS.join(', ')}` }]);
    }
    return this.ledger.decisions.list(status as DecisionStatusFilter, parseKnownAt(query.knownAt));
  }
}

@QueryHandler(ExportOparlMeetingsQuery)
export class ExportOparlMeetingsHandler implements IQueryHandler<ExportOparlMeetingsQuery> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}
  async execute(query: ExportOparlMeetingsQuery) {
    const knownAt = parseKnownAt(query.knownAt);
    return this.ledger.meetings.list({ knownAt }).map((m) => oparlMeeting(findMeeting(this.ledger, m.id, knownAt)));
  }
}

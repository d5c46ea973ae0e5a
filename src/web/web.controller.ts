import { Controller, Get, Header, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toCsv } from '../http/csv';
import { LEDGER } from '../ledger.token';
import type { Ledger } from '../ledger';
import { ListGroupsQuery } from '../queries/list-groups.query';
import { GetGroupRosterQuery } from '../queries/group-roster.query';
import { GetGroupHistoryQuery } from '../queries/group-history.query';
import { GetMeetingQuery, ListDecisionsQuery, ListMeetingsQuery } from '../queries/meeting.queries';
import { ExportPopoloQuery, GetPersonProfileQuery } from '../queries/person-profile.query';
import { ListGrantsQuery } from '../queries/finance/list-grants.query';
import { GetGrantBalanceQuery } from '../queries/finance/grant-balance.query';
import { GetGrantReconciliationQuery } from '../queries/finance/grant-reconciliation.query';
import { ListPostingsQuery } from '../queries/finance/list-postings.query';
import { balanceTable, postingsTable } from '../queries/finance/finance-csv';
import { SearchQuery } from '../queries/search.query';
import { BrowseEventsQuery, ChangesBetweenQuery, ExplainEventQuery, VerifyLogQuery } from '../queries/audit.queries';
import { SITE_CSS, SITE_JS } from './assets';
import { auditChangesPage, auditEventPage, auditEventsPage, auditSignInPage, auditStatusPage } from './audit.page';
import { auditorSignedIn, readFormBody, signInCookie, signOutCookie } from './auditor-session';
import { groupPage, groupsPage } from './group.page';
import { grantPage, grantsPage } from './grant.page';
import { decisionsPage, meetingPage, meetingsPage } from './meetings.page';
import { pageContext, type PageContext } from './page-context';
import { peoplePage, personPage, searchPage } from './person.page';
import { startPage } from './start.page';

const HTML = 'text/html; charset=utf-8';
const TOP_BODY = 'lansgemensam-ledning-i-samverkan';

/**
 * The web pages for staff, finance and auditors, in Swedish. Every page reads through the
 * same QueryBus queries the JSON API uses, then renders with a pure function.
 */
@ApiExcludeController()
@Controller()
export class WebController {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(LEDGER) private readonly ledger: Ledger,
  ) {}

  private ctx(request: Request): PageContext {
    return pageContext(request.path, request.query as Record<string, unknown>, this.ledger.clock.now().toISOString().slice(0, 10));
  }

  @Get('assets/site.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  css() {
    return SITE_CSS;
  }

  @Get('assets/site.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  js() {
    return SITE_JS;
  }

  @Get()
  @Header('Content-Type', HTML)
  async start(@Req() request: Request) {
    const ctx = this.ctx(request);
    const groups = await this.queryBus.execute(new ListGroupsQuery(ctx.knownAt ?? undefined));
    const body = groups.find((g) => g.slug === TOP_BODY) ?? groups.find((g) => g.parent === null) ?? null;
    const meetings = body ? await this.queryBus.execute(new ListMeetingsQuery({ body: body.slug, knownAt: ctx.knownAt ?? undefined })) : [];
    const pending = await this.queryBus.execute(new ListDecisionsQuery('pending', ctx.knownAt ?? undefined));
    return startPage(ctx, { body, meetings, pending: pending.decisions });
  }

  @Get('grupper')
  @Header('Content-Type', HTML)
  async groups(@Req() request: Request) {
    const ctx = this.ctx(request);
    return groupsPage(ctx, await this.queryBus.execute(new ListGroupsQuery(ctx.knownAt ?? undefined)));
  }

  @Get('grupper/:group')
  @Header('Content-Type', HTML)
  async group(@Req() request: Request, @Param('group') group: string, @Query('at') at?: string) {
    const ctx = this.ctx(request);
    const roster = await this.queryBus.execute(new GetGroupRosterQuery(group, at, ctx.knownAt ?? undefined));
    const history = await this.queryBus.execute(new GetGroupHistoryQuery(group, ctx.knownAt ?? undefined));
    return groupPage(ctx, roster, history);
  }

  @Get('personer')
  @Header('Content-Type', HTML)
  async people(@Req() request: Request) {
    const ctx = this.ctx(request);
    const popolo = await this.queryBus.execute(new ExportPopoloQuery(ctx.knownAt ?? undefined));
    const persons = (popolo.persons as { name: string; identifiers: { scheme: string; identifier: string }[] }[]).map((p) => ({ name: p.name, slug: p.identifiers.find((i) => i.scheme === 'slug')?.identifier ?? '' }));
    return peoplePage(ctx, persons);
  }

  @Get('personer/:person')
  @Header('Content-Type', HTML)
  async person(@Req() request: Request, @Param('person') person: string) {
    const ctx = this.ctx(request);
    return personPage(ctx, await this.queryBus.execute(new GetPersonProfileQuery(person, ctx.knownAt ?? undefined)));
  }

  @Get('moten')
  @Header('Content-Type', HTML)
  async meetings(@Req() request: Request, @Query('organ') organ?: string) {
    const ctx = this.ctx(request);
    return meetingsPage(ctx, await this.queryBus.execute(new ListMeetingsQuery({ body: organ, knownAt: ctx.knownAt ?? undefined })));
  }

  @Get('moten/:meeting')
  @Header('Content-Type', HTML)
  async meeting(@Req() request: Request, @Param('meeting') meeting: string) {
    const ctx = this.ctx(request);
    return meetingPage(ctx, await this.queryBus.execute(new GetMeetingQuery(meeting, ctx.knownAt ?? undefined)));
  }

  @Get('beslut')
  @Header('Content-Type', HTML)
  async decisions(@Req() request: Request, @Query('status') status?: string) {
    const ctx = this.ctx(request);
    return decisionsPage(ctx, await this.queryBus.execute(new ListDecisionsQuery(status, ctx.knownAt ?? undefined)));
  }

  @Get('ekonomi')
  @Header('Content-Type', HTML)
  async grants(@Req() request: Request) {
    const ctx = this.ctx(request);
    return grantsPage(ctx, await this.queryBus.execute(new ListGrantsQuery(ctx.knownAt ?? undefined)));
  }

  @Get('ekonomi/:grant')
  @Header('Content-Type', HTML)
  async grant(@Req() request: Request, @Param('grant') grant: string, @Query('at') at?: string) {
    const ctx = this.ctx(request);
    const knownAt = ctx.knownAt ?? undefined;
    const [balance, reconciliation, postings] = await Promise.all([
      this.queryBus.execute(new GetGrantBalanceQuery(grant, at, knownAt)),
      this.queryBus.execute(new GetGrantReconciliationQuery(grant, at, knownAt)),
      this.queryBus.execute(new ListPostingsQuery(grant, at, knownAt)),
    ]);
    return grantPage(ctx, { balance, reconciliation, postings });
  }

  /** Each table of the grant page as CSV, from the same answers (and the same CSV writer) as the API. */
  @Get('ekonomi/:grant/:table.csv')
  async grantCsv(@Req() request: Request, @Res({ passthrough: true }) response: Response, @Param('grant') grant: string, @Param('table') table: string, @Query('at') day?: string) {
    const knownAt = this.ctx(request).knownAt ?? undefined;
    let header: readonly string[];
    let rows: readonly (readonly (string | number | boolean | null)[])[];
    let answeredAt: string;
    if (table === 'saldo') {
      const b = await this.queryBus.execute(new GetGrantBalanceQuery(grant, day, knownAt));
      ({ header, rows } = balanceTable(b) as { header: string[]; rows: (string | number | boolean | null)[][] });
      answeredAt = b.at;
    } else if (table === 'konteringar') {
      const p = await this.queryBus.execute(new ListPostingsQuery(grant, day, knownAt));
      ({ header, rows } = postingsTable(p.postings) as { header: string[]; rows: (string | number | boolean | null)[][] });
      answeredAt = p.at;
    } else if (table === 'avstamning') {
      const r = await this.queryBus.execute(new GetGrantReconciliationQuery(grant, day, knownAt));
      header = ['grant', 'at', 'check', 'description', 'status', 'detail', 'events'];
      rows = r.checks.map((c) => [r.grant.slug, r.at, c.check, c.description, c.status, c.detail, c.events.join(' ')]);
      answeredAt = r.at;
    } else {
      response.status(404).type('text/plain; charset=utf-8');
      return 'Ingen sådan tabell';
    }
    response.type('text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${table}-${grant.replace(/[^a-z0-9-]/gi, '')}-${answeredAt}.csv"`);
    return toCsv(header, rows);
  }

  @Get('sok')
  @Header('Content-Type', HTML)
  async search(@Req() request: Request, @Query('q') q?: string) {
    const ctx = this.ctx(request);
    return searchPage(ctx, await this.queryBus.execute(new SearchQuery(q ?? '', ctx.knownAt ?? undefined)));
  }

  // Granskning: the audit queries need the auditor role, so these pages need an auditor's sign-in.

  @Post('granskning/logga-in')
  async signIn(@Req() request: Request, @Res() response: Response) {
    const form = await readFormBody(request);
    const next = form.get('next') ?? '/granskning';
    const cookie = signInCookie(this.ledger, form.get('token') ?? '', request.secure);
    if (!cookie) {
      response.status(401).type(HTML).send(auditSignInPage(this.ctx(request), true));
      return;
    }
    response.setHeader('Set-Cookie', cookie);
    // Only a local path: never an open redirect.
    response.redirect(303, /^\/granskning(\/[^/\\]*)*(\?.*)?$/.test(next) && !next.startsWith('//') ? next : '/granskning');
  }

  @Post('granskning/logga-ut')
  signOut(@Res() response: Response) {
    response.setHeader('Set-Cookie', signOutCookie());
    response.redirect(303, '/granskning');
  }

  private audited(request: Request, response: Response): PageContext | null {
    const ctx = this.ctx(request);
    response.setHeader('Cache-Control', 'no-store');
    if (auditorSignedIn(this.ledger, request)) return ctx;
    // The sign-in form is the page a visitor without a token expects here (a 200, not an error page).
    response.type(HTML).send(auditSignInPage({ ...ctx, query: { next: request.originalUrl } }, false));
    return null;
  }

  @Get('granskning')
  async audit(@Req() request: Request, @Res() response: Response) {
    const ctx = this.audited(request, response);
    if (!ctx) return;
    response.type(HTML).send(auditStatusPage(ctx, await this.queryBus.execute(new VerifyLogQuery())));
  }

  @Get('granskning/handelser')
  async auditEvents(@Req() request: Request, @Res() response: Response) {
    const ctx = this.audited(request, response);
    if (!ctx) return;
    const { knownAt: _knownAt, ...filters } = ctx.query;
    response.type(HTML).send(auditEventsPage(ctx, await this.queryBus.execute(new BrowseEventsQuery(filters))));
  }

  @Get('granskning/andringar')
  async auditChanges(@Req() request: Request, @Res() response: Response) {
    const ctx = this.audited(request, response);
    if (!ctx) return;
    const from = ctx.query.fran ?? '';
    const to = ctx.query.till ?? '';
    // K1 counts from the start of its day, K2 to the end of its day.
    const report = from || to ? await this.queryBus.execute(new ChangesBetweenQuery({ ...(from && { from: `${from}T00:00:00Z` }), ...(to && { to }), limit: '500' })) : null;
    response.type(HTML).send(auditChangesPage(ctx, from, to, report));
  }

  @Get('granskning/handelse/:id')
  async auditEvent(@Req() request: Request, @Res() response: Response, @Param('id') id: string) {
    const ctx = this.audited(request, response);
    if (!ctx) return;
    response.type(HTML).send(auditEventPage(ctx, await this.queryBus.execute(new ExplainEventQuery(id))));
  }

  /** The export bundle (the same file `ledger audit export` writes), for offline verification. */
  @Get('granskning/export')
  async auditExport(@Req() request: Request, @Res() response: Response) {
    if (!this.audited(request, response)) return;
    const dir = mkdtempSync(join(tmpdir(), 'ledger-export-'));
    try {
      const file = join(dir, 'bundle.jsonl');
      await this.ledger.audit.exportTo(file);
      response.type('application/x-ndjson').setHeader('Content-Disposition', `attachment; filename="ledger-export-${this.ledger.clock.now().toISOString().slice(0, 10)}.jsonl"`);
      response.send(readFileSync(file));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

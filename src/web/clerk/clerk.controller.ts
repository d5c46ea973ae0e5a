import { Controller, Get, Header, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../access/principal';
import { ExecuteCommands } from '../../commands/execute-commands.command';
import type { DryRunResult } from '../../commands/dry-run';
import type { WriteResult } from '../../commands/ledger-writer';
import { LedgerError, NotFound, Unauthenticated } from '../../domain/ledger-errors';
import { toProblem } from '../../http/problem-details.filter';
import type { ProposedCommand } from '../../intake/intake-result';
import { LEDGER } from '../../ledger.token';
import type { Ledger } from '../../ledger';
import { ListGroupsQuery } from '../../queries/list-groups.query';
import { ListMeetingsQuery } from '../../queries/meeting.queries';
import { ExportPopoloQuery } from '../../queries/person-profile.query';
import { SearchQuery } from '../../queries/search.query';
import { pageContext, type PageContext } from '../page-context';
import { buildCommand, formFieldNames, type FieldErrors, type FormValues } from './build-command';
import { CLERK_CSS, CLERK_JS } from './clerk-assets';
import { forbiddenPage, formPage, indexPage, receiptPage, recordedRows, signInPage, tooLargePage, type EventLine } from './clerk.pages';
import { clearedCookie, csrfMatches, originAllowed, sessionCookie, SIGN_IN_ROLES, type ClerkSessions, type SignedIn } from './clerk-sessions';
import { FORMS_BY_SLUG, type DecisionForm } from './decision-forms';
import { readForm } from './form-body';
import { findNamed, type Directory, type Named } from './pickers';
import { problemErrors } from './problem-fields';

export const CLERK_SESSIONS = Symbol('CLERK_SESSIONS');
const HTML = 'text/html; charset=utf-8';
/** Where a sign-in may send the clerk on: a clerk page, never another site. */
const NEXT = /^\/registrera(\/[a-z-]+)?$/;

/**
 * The clerk's forms for the common decisions. A thin shell: the session says who is asking,
 * a pure function turns the form into a command, the CommandBus records it (or refuses it,
 * and the refusal is shown next to the field it names).
 */
@ApiExcludeController()
@Controller()
export class ClerkController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    @Inject(LEDGER) private readonly ledger: Ledger,
    @Inject(CLERK_SESSIONS) private readonly sessions: ClerkSessions,
  ) {}

  private ctx(request: Request): PageContext {
    return pageContext(request.path, {}, this.ledger.clock.now().toISOString().slice(0, 10));
  }

  private signedIn(request: Request): SignedIn | null {
    return this.sessions.signedIn(request, this.ledger.tokens);
  }

  @Get('assets/registrera.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  css() {
    return CLERK_CSS;
  }

  @Get('assets/registrera.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  js() {
    return CLERK_JS;
  }

  @Get('logga-in')
  signInForm(@Req() request: Request, @Res() response: Response, @Query('next') next?: string) {
    response.setHeader('Cache-Control', 'no-store');
    const state = { next: typeof next === 'string' && NEXT.test(next) ? next : '/registrera', signedOut: request.query.utloggad === '1', ended: request.query.slut === '1' };
    response.type(HTML).send(signInPage(this.ctx(request), state));
  }

  @Post('logga-in')
  async signIn(@Req() request: Request, @Res() response: Response) {
    response.setHeader('Cache-Control', 'no-store');
    const form = await readForm(request, 4096);
    if (!originAllowed(request)) {
      response.status(403).type(HTML).send(forbiddenPage(this.ctx(request)));
      return;
    }
    const next = form?.get('next') ?? '';
    const target = NEXT.test(next) ? next : '/registrera';
    const token = this.ledger.tokens.verify((form?.get('token') ?? '').trim());
    if (!token || !SIGN_IN_ROLES.includes(token.role)) {
      response.status(token ? 403 : 401).type(HTML).send(signInPage(this.ctx(request), { failed: token ? 'role' : 'unknown', next: target }));
      return;
    }
    const previous = this.signedIn(request);
    if (previous) this.sessions.close(previous.session.id);
    response.setHeader('Set-Cookie', sessionCookie(this.sessions.open(token.id), request.secure));
    response.redirect(303, target);
  }

  @Post('logga-ut')
  async signOut(@Req() request: Request, @Res() response: Response) {
    const form = await readForm(request, 4096);
    const signedIn = this.signedIn(request);
    if (signedIn && (!originAllowed(request) || !csrfMatches(signedIn.session, form?.get('_csrf') ?? null))) {
      response.status(403).type(HTML).send(forbiddenPage(this.ctx(request)));
      return;
    }
    if (signedIn) this.sessions.close(signedIn.session.id);
    response.setHeader('Set-Cookie', clearedCookie(request.secure));
    response.redirect(303, '/logga-in?utloggad=1');
  }

  /** The pickers' search as you type: the ledger's search, people or groups only, for a signed-in clerk. */
  @Get('registrera/sok')
  async pickerSearch(@Req() request: Request, @Query('q') q?: string, @Query('slag') kind?: string) {
    if (!this.signedIn(request)) throw new Unauthenticated('Sign in at /logga-in first', [{ field: 'cookie', message: 'no clerk session' }]);
    const answer = await this.queryBus.execute(new SearchQuery(q ?? ''));
    const wanted = kind === 'group' ? 'group' : 'person';
    return { q: answer.q, hits: answer.hits.filter((h) => h.kind === wanted).map((h) => ({ slug: h.slug, name: h.label })) };
  }

  @Get('registrera')
  index(@Req() request: Request, @Res() response: Response) {
    const signedIn = this.requireSignIn(request, response);
    if (!signedIn) return;
    response.type(HTML).send(indexPage(this.ctx(request), signedIn.principal, signedIn.session.csrf));
  }

  @Get('registrera/:form')
  async showForm(@Req() request: Request, @Res() response: Response, @Param('form') slug: string) {
    const form = this.form(slug);
    const signedIn = this.requireSignIn(request, response);
    if (!signedIn) return;
    // A fresh commandId per form shown: sending it twice (a double click, the back button) records it once.
    const values = new Map([['commandId', `web-${randomUUID()}`]]);
    response.type(HTML).send(formPage(this.ctx(request), form, signedIn.principal, signedIn.session.csrf, await this.directory(), { values, errors: new Map() }));
  }

  @Post('registrera/:form')
  async submit(@Req() request: Request, @Res() response: Response, @Param('form') slug: string) {
    const form = this.form(slug);
    response.setHeader('Cache-Control', 'no-store');
    const body = await readForm(request);
    const signedIn = this.signedIn(request);
    if (!signedIn) {
      response.status(401).type(HTML).send(signInPage(this.ctx(request), { ended: true, next: `/registrera/${form.slug}` }));
      return;
    }
    if (!originAllowed(request) || !body || !csrfMatches(signedIn.session, body.get('_csrf'))) {
      if (!body && originAllowed(request)) response.status(413).type(HTML).send(tooLargePage(this.ctx(request)));
      else response.status(403).type(HTML).send(forbiddenPage(this.ctx(request)));
      return;
    }
    const values = keptValues(form, body);
    const directory = await this.directory();
    const render = (status: number, errors: FieldErrors, preview?: readonly EventLine[]) =>
      response.status(status).type(HTML).send(formPage(this.ctx(request), form, signedIn.principal, signedIn.session.csrf, directory, { values, errors, ...(preview && { preview }) }));

    const action = body.get('action');
    if (action === 'fler') {
      values.set('itemRows', String(Number(values.get('itemRows') ?? 5) + 5));
      return render(200, new Map());
    }
    const built = buildCommand(form, values, directory);
    if (!built.command) return render(400, built.errors);
    if (action !== 'spara') {
      const preview = await this.dryRun(built.command, signedIn.principal);
      return preview.ok ? render(200, new Map(), preview.events) : render(preview.status, problemErrors(preview.problem, form, built.itemRows));
    }
    let result: WriteResult;
    try {
      result = (await this.commandBus.execute(new ExecuteCommands(built.command, signedIn.principal))) as WriteResult;
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      const problem = toProblem(error);
      return render(problem.status, problemErrors(problem, form, built.itemRows));
    }
    const after = await this.directory();
    response
      .status(result.appended ? 201 : 200)
      .type(HTML)
      .send(
        receiptPage(this.ctx(request), form, signedIn.principal, signedIn.session.csrf, {
          rows: recordedRows(form, values, after),
          events: result.events.map((e) => ({ type: e.type, id: e.id, position: e.position })),
          repeated: !result.appended,
          links: receiptLinks(form, built.command, after),
        }),
      );
  }

  /** A dry run: what the ledger would append, or its refusal; nothing is appended. */
  private async dryRun(command: ProposedCommand, principal: Principal): Promise<{ ok: true; events: EventLine[] } | { ok: false; status: number; problem: ReturnType<typeof toProblem> }> {
    let result: DryRunResult;
    try {
      result = (await this.commandBus.execute(new ExecuteCommands(command, principal, { dryRun: true }))) as DryRunResult;
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      const problem = toProblem(error);
      return { ok: false, status: problem.status, problem };
    }
    const [violation] = result.violations;
    if (violation) {
      const { index: _index, commandId: _commandId, ...problem } = violation;
      return { ok: false, status: problem.status, problem };
    }
    return { ok: true, events: result.events.map((e) => ({ type: e.type, id: e.id })) };
  }

  private form(slug: string): DecisionForm {
    const form = FORMS_BY_SLUG.get(slug);
    if (!form) throw new NotFound(`Det finns inget formulär "${slug}": se /registrera`, [{ field: 'path.form', message: 'okänt formulär' }]);
    return form;
  }

  /** The signed-in clerk, or a redirect to the sign-in form that comes back here. */
  private requireSignIn(request: Request, response: Response): SignedIn | null {
    response.setHeader('Cache-Control', 'no-store');
    const signedIn = this.signedIn(request);
    if (signedIn) return signedIn;
    response.redirect(303, `/logga-in?next=${encodeURIComponent(request.path)}`);
    return null;
  }

  private async directory(): Promise<Directory> {
    const [popolo, groups, meetings] = await Promise.all([
      this.queryBus.execute(new ExportPopoloQuery(undefined)),
      this.queryBus.execute(new ListGroupsQuery(undefined)),
      this.queryBus.execute(new ListMeetingsQuery({})),
    ]);
    const slugOf = (o: { identifiers: readonly { scheme: string; identifier: string }[] }) => o.identifiers.find((i) => i.scheme === 'slug')?.identifier ?? '';
    const groupSlugs = new Set(groups.map((g) => g.slug));
    const organizations = popolo.organizations as { name: string; identifiers: { scheme: string; identifier: string }[] }[];
    return {
      persons: (popolo.persons as { name: string; identifiers: { scheme: string; identifier: string }[] }[]).map((p) => ({ slug: slugOf(p), name: p.name })),
      groups: groups.map((g) => ({ slug: g.slug, name: g.name })),
      parties: organizations.map((o) => ({ slug: slugOf(o), name: o.name })).filter((o) => !groupSlugs.has(o.slug)),
      meetings: meetings.map((m) => ({ slug: m.slug, name: `${m.body?.name ?? 'Möte'} ${m.date}` })),
    };
  }
}

/** The clerk's input, only this form's fields (each at most as long as a field may be), to show again. */
function keptValues(form: DecisionForm, body: URLSearchParams): Map<string, string> {
  const values = new Map<string, string>();
  const provisional: FormValues = new Map([['itemRows', body.get('itemRows') ?? '']]);
  for (const name of [...formFieldNames(form, provisional), 'commandId', 'itemRows']) {
    const v = body.get(name);
    if (v !== null) values.set(name, v.slice(0, 20_000));
  }
  return values;
}

/** Where to see what was recorded: the group (or meeting) and each person, as the ledger now knows them. */
function receiptLinks(form: DecisionForm, command: ProposedCommand, directory: Directory): [string, string][] {
  const links: [string, string][] = [];
  const data = command.data;
  const named = (list: readonly Named[], ref: unknown) => (typeof ref === 'string' ? list.find((n) => n.slug === ref) : findNamed(String((ref as { name?: string })?.name ?? ''), list)) ?? null;
  if (form.commandType === 'RecordMeeting') {
    const body = named(directory.groups, data.body);
    if (body) links.push([`/moten/${body.slug}-${String(data.date)}`, `Mötet ${body.name} ${String(data.date)}`]);
  } else if (typeof data.group === 'string') {
    const group = named(directory.groups, data.group);
    if (group) links.push([`/grupper/${group.slug}`, `Gruppen ${group.name}`]);
  }
  for (const field of form.fields.filter((f) => f.kind === 'person')) {
    const person = data[field.name] === undefined ? null : named(directory.persons, data[field.name]);
    if (person) links.push([`/personer/${person.slug}`, `${person.name} (${field.label.toLowerCase()})`]);
  }
  return links;
}


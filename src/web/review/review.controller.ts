import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Principal } from '../../access/principal';
import type { DryRunResult } from '../../commands/dry-run';
import { ExecuteCommands } from '../../commands/execute-commands.command';
import type { WriteResult } from '../../commands/ledger-writer';
import { LedgerError } from '../../domain/ledger-errors';
import { readMultipart, type FormUpload } from '../../http/protocol-upload';
import type { IntakeResult } from '../../intake/intake-result';
import { MAX_PROTOCOL_BYTES } from '../../intake/protocol-text';
import { LEDGER } from '../../ledger.token';
import type { Ledger } from '../../ledger';
import { IntakeProtocolQuery } from '../../queries/intake-protocol.query';
import { CLERK_SESSIONS } from '../clerk/clerk.controller';
import { forbiddenPage, signInPage, tooLargePage } from '../clerk/clerk.pages';
import { csrfMatches, originAllowed, type ClerkSessions, type SignedIn } from '../clerk/clerk-sessions';
import { readForm } from '../clerk/form-body';
import { pageContext, type PageContext } from '../page-context';
import { intakeProblemSv } from './intake-problem';
import { previewOf, refusalOf } from './review-preview';
import { intakeFormPage, reviewPage, reviewReceiptPage, type ReviewPreview } from './review.page';
import { decodeIntake, readReviewForm, type EditedProposal, type ReviewChoice } from './review-state';

const HTML = 'text/html; charset=utf-8';
/** The review form carries the text and the reading it showed: the text, its lines again, and the proposals. */
const MAX_REVIEW_FORM_BYTES = 6 * MAX_PROTOCOL_BYTES;

/**
 * A protocol's text in, reviewed decisions out. The clerk pastes or uploads the text, the ledger
 * proposes commands (the intake, appending nothing), the clerk keeps, edits or removes each and
 * picks ambiguous names, previews (a dry run), and saves the confirmed set as one batch.
 * Listed before ClerkController so that /registrera/protokoll is this page, not a form slug.
 */
@ApiExcludeController()
@Controller('registrera/protokoll')
export class ProtocolReviewController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    @Inject(LEDGER) private readonly ledger: Ledger,
    @Inject(CLERK_SESSIONS) private readonly sessions: ClerkSessions,
  ) {}

  @Get()
  showForm(@Req() request: Request, @Res() response: Response) {
    response.setHeader('Cache-Control', 'no-store');
    const signedIn = this.sessions.signedIn(request, this.ledger.tokens);
    if (!signedIn) return response.redirect(303, `/logga-in?next=${encodeURIComponent('/registrera/protokoll')}`);
    response.type(HTML).send(intakeFormPage(this.ctx(request), signedIn.session.csrf, null));
  }

  /** The text or file in: the intake reads it, a dry run checks every proposal; nothing is appended. */
  @Post()
  async read(@Req() request: Request, @Res() response: Response) {
    response.setHeader('Cache-Control', 'no-store');
    let upload: FormUpload;
    try {
      upload = await readMultipart(request);
    } catch (error) {
      // Not a form this page sent (no boundary, broken multipart): nothing to read, not even the CSRF token.
      if (!(error instanceof LedgerError)) throw error;
      return response.status(403).type(HTML).send(forbiddenPage(this.ctx(request)));
    }
    const signedIn = this.checked(request, response, upload.fields.get('_csrf') ?? null, true);
    if (!signedIn) return;
    const text = upload.problem ? '' : upload.bytes.toString('utf8');
    const formAgain = (status: number, error: LedgerError) =>
      response.status(status).type(HTML).send(intakeFormPage(this.ctx(request), signedIn.session.csrf, intakeProblemSv(error), upload.field === 'text' ? text : ''));
    if (upload.problem) return formAgain(upload.problem.status, upload.problem);
    let intake: IntakeResult;
    try {
      intake = (await this.queryBus.execute(new IntakeProtocolQuery(upload.bytes, upload.field, signedIn.principal))).intake;
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      return formAgain(error.status, error);
    }
    // First view: every proposal kept, except those the ledger cannot take as read (a later decision
    // whose date and text the protocol cannot give): they start unchecked, with the reason beside them.
    const all = intake.proposals.map((proposal) => ({ proposal, command: proposal.command }));
    const first = await this.dryRun(all, signedIn.principal);
    const incomplete = new Set(first.violations.filter((v) => v.status === 400 && v.proposalId !== null).map((v) => v.proposalId));
    const kept = all.filter((c) => !incomplete.has(c.proposal.id));
    const choice: ReviewChoice = { proposals: intake.proposals, confirmed: kept, unpicked: [] };
    const preview = incomplete.size === 0 ? first : mergePreviews(await this.dryRun(kept, signedIn.principal), first, incomplete);
    const alert = incomplete.size > 0 ? `${incomplete.size} förslag saknar uppgifter som protokollet inte ger och är inte valda: fyll i dem och välj dem, eller spara utan dem.` : null;
    response.type(HTML).send(reviewPage(this.ctx(request), { csrf: signedIn.session.csrf, text: text, intake, choice, preview, alert }));
  }

  /** Preview (a dry run of the confirmed proposals) or save (one all-or-nothing batch). */
  @Post('granska')
  async review(@Req() request: Request, @Res() response: Response) {
    response.setHeader('Cache-Control', 'no-store');
    const form = await readForm(request, MAX_REVIEW_FORM_BYTES);
    const signedIn = this.checked(request, response, form?.get('_csrf') ?? null, form !== null);
    if (!signedIn) return;
    if (!form) return response.status(413).type(HTML).send(tooLargePage(this.ctx(request)));
    const intake = decodeIntake(form.get('intake'));
    if (!intake) {
      const problem = { field: 'intake', message: 'Granskningen kunde inte läsas (formuläret var skadat eller ofullständigt). Inget har sparats: läs in protokollet igen.' };
      return response.status(400).type(HTML).send(intakeFormPage(this.ctx(request), signedIn.session.csrf, problem));
    }
    const text = form.get('text') ?? '';
    const choice = readReviewForm(intake.proposals, form);
    const page = (status: number, preview: ReviewPreview | null, alert: string | null) =>
      response.status(status).type(HTML).send(reviewPage(this.ctx(request), { csrf: signedIn.session.csrf, text, intake, choice, preview, alert }));
    if (choice.unpicked.length > 0) {
      return page(422, null, `Välj vem som avses för ${choice.unpicked.map((u) => `"${u.name}"`).join(', ')} innan förhandsgranskning eller sparande. Inget är sparat.`);
    }
    if (choice.confirmed.length === 0) return page(422, null, 'Inga förslag är valda. Välj minst ett förslag att spara. Inget är sparat.');
    if (form.get('action') !== 'spara') return page(200, await this.dryRun(choice.confirmed, signedIn.principal), null);

    let result: WriteResult;
    try {
      result = (await this.commandBus.execute(new ExecuteCommands(choice.confirmed.map((c) => c.command), signedIn.principal))) as WriteResult;
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      return page(error.status, refusalOf(error, choice.confirmed), 'Registret tog inte emot förslagen: inget är sparat. Rätta eller ta bort förslaget som anges och försök igen.');
    }
    response.status(result.appended ? 201 : 200).type(HTML).send(reviewReceiptPage(this.ctx(request), intake.meeting.ref, choice.confirmed.length, result.events.length));
  }

  private ctx(request: Request): PageContext {
    return pageContext(request.path, {}, this.ledger.clock.now().toISOString().slice(0, 10));
  }

  /** The signed-in clerk whose form carries the session's CSRF token from this site; otherwise the answer is sent. */
  private checked(request: Request, response: Response, csrf: string | null, bodyRead: boolean): SignedIn | null {
    const signedIn = this.sessions.signedIn(request, this.ledger.tokens);
    if (!signedIn) {
      response.status(401).type(HTML).send(signInPage(this.ctx(request), { ended: true, next: '/registrera/protokoll' }));
      return null;
    }
    if (!originAllowed(request) || (bodyRead && !csrfMatches(signedIn.session, csrf))) {
      response.status(403).type(HTML).send(forbiddenPage(this.ctx(request)));
      return null;
    }
    return signedIn;
  }

  private async dryRun(confirmed: readonly EditedProposal[], principal: Principal): Promise<ReviewPreview> {
    if (confirmed.length === 0) return { ok: true, events: [], violations: [] };
    try {
      const result = (await this.commandBus.execute(new ExecuteCommands(confirmed.map((c) => c.command), principal, { dryRun: true }))) as DryRunResult;
      return previewOf(result, confirmed);
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      return refusalOf(error, confirmed);
    }
  }
}

/** The dry run of the kept proposals, with the incomplete ones' reasons from the first run still beside them. */
function mergePreviews(kept: ReviewPreview, first: ReviewPreview, incomplete: ReadonlySet<string | null>): ReviewPreview {
  return { ...kept, violations: [...kept.violations, ...first.violations.filter((v) => incomplete.has(v.proposalId))] };
}

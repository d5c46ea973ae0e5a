import { idFromSlug, idOfRef, streamOf } from '../../domain/identity';
import { InvalidInput, type FieldProblem } from '../../domain/ledger-errors';
import { slugify } from '../../domain/slug';
import type { AgendaItemContent, AgendaItemKind, ItemDecision, Presenter, Ratifier } from '../../events/meeting.events';
import type { CommandContext } from '../shared/command-context';
import type { AgendaItemDto, ItemDecisionDto, PresenterDto } from './agenda-item.dto';
import { foldMeeting, meetingFolder, type MeetingState } from './meeting.state';

/** Reading meetings and resolving agenda items for the meeting commands' handlers. */

export function meetingStream(meetingId: string): string {
  return streamOf('meeting', meetingId);
}

/** One follow-up stream per decision item: later decisions and ratifications land there, never in the signed protocol. */
export function decisionStream(meetingId: string, item: string): string {
  return streamOf('decision', idFromSlug('decision', `${meetingId}:${item}`));
}

export interface LoadedMeeting {
  readonly id: string;
  readonly stream: string;
  readonly state: MeetingState;
}

/** The meeting (slug or id) as its stream says now, corrections applied; the stream may be empty. */
export async function loadMeeting(ctx: CommandContext, ref: string): Promise<LoadedMeeting> {
  const id = idOfRef('meeting', ref);
  const stream = meetingStream(id);
  return { id, stream, state: await ctx.streamState(stream, meetingFolder) };
}

/** The meeting folded with one decision's follow-ups. */
export async function loadDecision(ctx: CommandContext, ref: string, item: string): Promise<LoadedMeeting & { followUpStream: string }> {
  const id = idOfRef('meeting', ref);
  const stream = meetingStream(id);
  const followUpStream = decisionStream(id, item);
  const events = [...(await ctx.streamEvents(stream)), ...(await ctx.streamEvents(followUpStream))];
  return { id, stream, followUpStream, state: foldMeeting(events) };
}

/** Turns a validated item DTO into item content: presenters resolved, decision checked against the kind. */
export async function resolveItem(dto: AgendaItemDto, ctx: CommandContext, field: string): Promise<AgendaItemContent> {
  const presenters = await resolvePresenters(dto.presenters ?? [], ctx, field);
  return { number: dto.number, kind: dto.kind, title: dto.title.trim(), presenters, text: dto.text ?? '', decision: await resolveDecision(dto.kind, dto.decision, ctx, field), ...(dto.afterDecision && { afterDecision: dto.afterDecision }) };
}

export async function resolvePresenters(dtos: readonly PresenterDto[], ctx: CommandContext, field: string): Promise<Presenter[]> {
  const presenters: Presenter[] = [];
  for (const [i, p] of dtos.entries()) {
    const person = await ctx.person(p.person, `${field}.presenters[${i}].person`, { registerIfNew: true });
    presenters.push({ personId: person.id, as: p.as?.trim() ?? null });
  }
  return presenters;
}

/** A decision item must say what was decided and how it stands; an information item has no decision. */
export async function resolveDecision(kind: AgendaItemKind, d: ItemDecisionDto | undefined, ctx: CommandContext, field: string): Promise<ItemDecision | null> {
  const problems: FieldProblem[] = [];
  if (kind === 'information') {
    if (d) throw invalid([{ field: `${field}.decision`, message: 'is only for items of kind "decision"' }]);
    return null;
  }
  if (!d) throw invalid([{ field: `${field}.decision`, message: 'is required for an item of kind "decision"' }]);
  const at = `${field}.decision`;
  if (d.outcome !== 'deferred' && d.text === undefined) problems.push({ field: `${at}.text`, message: 'is required unless the decision was deferred' });
  if (d.outcome === 'deferred' && d.procedure === undefined) problems.push({ field: `${at}.procedure`, message: 'is required for a deferred decision, e.g. "beslutas via mejl"' });
  if (d.outcome !== 'deferred' && (d.procedure !== undefined || d.subject !== undefined)) problems.push({ field: `${at}.procedure`, message: 'is only for a deferred decision' });
  if (d.outcome === 'needs-ratification' && (d.ratifiers ?? []).length === 0) problems.push({ field: `${at}.ratifiers`, message: 'must name at least one party that must ratify' });
  if (d.outcome !== 'needs-ratification' && d.ratifiers !== undefined) problems.push({ field: `${at}.ratifiers`, message: 'is only for a decision that needs ratification' });
  (d.ratifiers ?? []).forEach((r, i) => {
    if ((r.party === undefined) === (r.name === undefined)) problems.push({ field: `${at}.ratifiers[${i}]`, message: 'give exactly one of party or name' });
  });
  if (problems.length > 0) throw invalid(problems);

  const ratifiers: Ratifier[] = [];
  for (const [i, r] of (d.ratifiers ?? []).entries()) {
    const partyId = r.party === undefined ? null : await ctx.party(r.party, `${at}.ratifiers[${i}].party`);
    const key = partyId ?? slugify(r.name ?? '');
    if (key === '') throw invalid([{ field: `${at}.ratifiers[${i}].name`, message: 'has no letters or digits' }]);
    if (ratifiers.some((x) => x.key === key)) throw invalid([{ field: `${at}.ratifiers[${i}]`, message: 'is named twice' }]);
    ratifiers.push({ key, partyId, name: partyId ? null : (r.name as string).trim() });
  }
  return {
    text: d.text?.trim() ?? null,
    outcome: d.outcome,
    deferral: d.outcome === 'deferred' ? { procedure: d.procedure as string, subject: d.subject ?? null } : null,
    ratifiers,
  };
}

function invalid(problems: FieldProblem[]): InvalidInput {
  return new InvalidInput(`The agenda item is malformed: ${problems[0]!.field} ${problems[0]!.message}`, problems);
}

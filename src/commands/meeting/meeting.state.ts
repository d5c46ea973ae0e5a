import type { StreamFolder } from '../shared/state-cache';
import { basisOf, type Basis } from '../../domain/basis';
import type { EffectiveDate } from '../../domain/effective-date';
import { applyCorrections, type Effective } from '../../events/apply-corrections';
import type { SourceRef } from '../../events/event-envelope';
import type { LedgerNewEvent } from '../../events/ledger-event';
import type { AgendaItemContent, AttendanceEntry, MeetingForm } from '../../events/meeting.events';
import { attendanceBasisOf, itemBasisOf, meetingBasisOf, type MeetingBasis } from './meeting-basis';

/** What the meeting deciders and read models know of a meeting, folded from its stream (and its decisions' follow-ups). */
export interface ItemState extends AgendaItemContent {
  /** The events behind the item's current content: added, amended, corrected. */
  readonly events: readonly string[];
  /** The protocol the item was recorded from, then any source attached for it. */
  readonly sources: readonly SourceRef[];
  /** Stated by its protocol (and attached sources) under its number, unless claimed inferred. */
  readonly basis: Basis;
}

export interface AttendanceState extends AttendanceEntry {
  readonly events: readonly string[];
  /** The attendance list that names the person (or why it is inferred). */
  readonly basis: Basis;
}

export interface LaterDecision {
  readonly decidedOn: string;
  readonly procedure: string;
  readonly forum: string | null;
  readonly text: string;
  readonly events: readonly string[];
}

export interface Ratification {
  readonly ratifier: string;
  readonly ratifiedOn: string;
  readonly forum: string | null;
  readonly events: readonly string[];
}

export interface FollowUps {
  readonly laterDecision: LaterDecision | null;
  readonly ratifications: readonly Ratification[];
}

export interface AttachedSource {
  readonly source: SourceRef;
  readonly items: readonly string[];
  readonly event: string;
}

export interface SignOff {
  readonly signedOn: EffectiveDate;
  readonly signerIds: readonly string[];
  readonly events: readonly string[];
  /** Whether a source says the protocol was signed off (justerat), or it is inferred. */
  readonly basis: Basis;
}

export interface RecordedMeeting {
  readonly status: 'recorded' | 'signed-off';
  readonly id: string;
  readonly slug: string;
  readonly bodyId: string;
  readonly date: string;
  readonly place: string | null;
  readonly form: MeetingForm | null;
  readonly registryNumber: string | null;
  readonly chairId: string | null;
  readonly title: string | null;
  readonly source: SourceRef | null;
  /** The basis of date, place, form, chair and registry number. */
  readonly basis: MeetingBasis;
  readonly events: readonly string[];
  /** In protocol order ("2" < "4" < "4.1" < "10"). */
  readonly items: readonly ItemState[];
  /** In the order recorded (as printed). */
  readonly attendance: readonly AttendanceState[];
  readonly attachedSources: readonly AttachedSource[];
  readonly signOff: SignOff | null;
  /** Per item number: what happened to the decision after the meeting. */
  readonly followUps: Readonly<Record<string, FollowUps>>;
}

export type MeetingState = { readonly status: 'unknown' } | RecordedMeeting;

export const initialMeetingState = (): MeetingState => ({ status: 'unknown' });

/** "4.1" → "0004.0001": item numbers sort as the protocol numbers them. */
export function itemSortKey(number: string): string {
  return number
    .split('.')
    .map((n) => n.padStart(4, '0'))
    .join('.');
}

const NO_FOLLOW_UPS: FollowUps = { laterDecision: null, ratifications: [] };

function eventIds(e: LedgerNewEvent): string[] {
  return [e.id, ...((e as Partial<Effective>).correctedBy ?? [])];
}

function withItem(state: RecordedMeeting, content: AgendaItemContent, e: LedgerNewEvent, amend: boolean): RecordedMeeting {
  const existing = state.items.find((i) => i.number === content.number);
  const attached = state.attachedSources.filter((s) => s.items.includes(content.number)).map((s) => s.source);
  const protocol = e.metadata.source ? [e.metadata.source] : [];
  const sources = amend && existing ? existing.sources : [...protocol, ...attached];
  const item: ItemState = {
    number: content.number,
    kind: content.kind,
    title: content.title,
    presenters: content.presenters,
    text: content.text,
    decision: content.decision,
    ...(content.afterDecision && { afterDecision: content.afterDecision }),
    events: amend && existing ? [...existing.events, ...eventIds(e)] : eventIds(e),
    sources,
    basis: itemBasisOf(e.metadata, content.number, sources),
  };
  return { ...state, items: inProtocolOrder(state.items, item) };
}

/**
 * The items in protocol order with `item` in place of the one under its number: the others
 * are in order already, so it goes in after the last one that sorts at or before it. (A sort
 * of every item per item added, each comparison splitting both numbers, was an eighth of
 * the import's time: bench/README.md.) Ties, which only numbers like "4" and "04" make, keep
 * the new item after.
 */
function inProtocolOrder(items: readonly ItemState[], item: ItemState): ItemState[] {
  const others = items.filter((i) => i.number !== item.number);
  const key = itemSortKey(item.number);
  let at = others.length;
  while (at > 0 && itemSortKey(others[at - 1]!.number) > key) at -= 1;
  others.splice(at, 0, item);
  return others;
}

function withSource(item: ItemState, source: SourceRef, events: readonly string[]): ItemState {
  const basis: Basis =
    item.basis.kind === 'stated' && source.document ? { kind: 'stated', sources: [...item.basis.sources, { document: source.document, item: item.number }] } : item.basis;
  return { ...item, sources: [...item.sources, source], events: [...item.events, ...events], basis };
}

export function evolveMeeting(state: MeetingState, e: LedgerNewEvent): MeetingState {
  if (e.type === 'MeetingRecorded') {
    const d = e.data;
    return {
      status: 'recorded',
      id: d.meetingId,
      slug: d.slug,
      bodyId: d.bodyId,
      date: d.date,
      place: d.place,
      form: d.form,
      registryNumber: d.registryNumber,
      chairId: d.chairId,
      title: d.title,
      source: e.metadata.source,
      basis: meetingBasisOf(e.metadata, d),
      events: eventIds(e),
      items: state.status === 'unknown' ? [] : state.items,
      attendance: state.status === 'unknown' ? [] : state.attendance,
      attachedSources: state.status === 'unknown' ? [] : state.attachedSources,
      signOff: state.status === 'unknown' ? null : state.signOff,
      followUps: state.status === 'unknown' ? {} : state.followUps,
    };
  }
  if (state.status === 'unknown') return state;
  switch (e.type) {
    case 'AgendaItemAdded':
      return withItem(state, e.data, e, false);
    case 'AgendaItemAmended':
      return withItem(state, e.data, e, true);
    case 'AttendanceRecorded': {
      const ids = eventIds(e);
      const basis = attendanceBasisOf(e.metadata);
      return { ...state, attendance: [...state.attendance, ...e.data.entries.map((entry) => ({ ...entry, events: ids, basis }))] };
    }
    case 'SourceAttached': {
      const { source, items } = e.data;
      const attached = { source, items, event: e.id };
      return {
        ...state,
        attachedSources: [...state.attachedSources, attached],
        items: state.items.map((i) => (items.includes(i.number) ? withSource(i, source, eventIds(e)) : i)),
      };
    }
    case 'MeetingSignedOff':
      return { ...state, status: 'signed-off', signOff: { signedOn: e.data.signedOn, signerIds: e.data.signerIds, events: eventIds(e), basis: basisOf(e.metadata) } };
    case 'DeferredDecisionRecorded': {
      const { item, decidedOn, procedure, forum, text } = e.data;
      const current = state.followUps[item] ?? NO_FOLLOW_UPS;
      return { ...state, followUps: { ...state.followUps, [item]: { ...current, laterDecision: { decidedOn, procedure, forum, text, events: eventIds(e) } } } };
    }
    case 'RatificationRecorded': {
      const { item, ratifier, ratifiedOn, forum } = e.data;
      const current = state.followUps[item] ?? NO_FOLLOW_UPS;
      return { ...state, followUps: { ...state.followUps, [item]: { ...current, ratifications: [...current.ratifications, { ratifier, ratifiedOn, forum, events: eventIds(e) }] } } };
    }
    default:
      return state;
  }
}

/** The meeting as believed now: corrections applied, then folded. Give it the decision follow-up streams too for their status. */
export function foldMeeting(events: readonly LedgerNewEvent[]): MeetingState {
  return applyCorrections(events).reduce(evolveMeeting, initialMeetingState());
}

/**
 * How the writer folds a meeting's stream, and evolves a folded state with new events
 * (src/commands/shared/state-cache.ts): a protocol's commands (items, attendance, sign-off)
 * each evolve the meeting's state instead of folding its whole stream twice.
 */
// A meeting's state holds its protocol's texts: a few hundred are kept, as many as the meeting read model holds (a body's meeting gets its commands close together).
export const meetingFolder: StreamFolder<MeetingState> = { name: 'meeting', fold: foldMeeting, evolve: evolveMeeting, maxStreams: 256 };

export function followUpsOf(state: RecordedMeeting, item: string): FollowUps {
  return state.followUps[item] ?? NO_FOLLOW_UPS;
}

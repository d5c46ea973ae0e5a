import type { EffectiveDate } from '../../domain/effective-date';
import { lastDayBefore, UNKNOWN_DATE } from '../../domain/effective-date';
import type { ChairRole, GroupKind, SeatTerms } from '../../events/group.events';
import { applyCorrections } from '../../events/apply-corrections';
import type { LedgerNewEvent } from '../../events/ledger-event';
import type { StreamFolder } from '../shared/state-cache';

/** What the group deciders need to know, folded from the group's stream. */
export interface Membership {
  /** The id of the event that started it. */
  readonly id: string;
  readonly personId: string;
  readonly seat: SeatTerms;
  readonly from: EffectiveDate;
  /** Last day (inclusive), null while the person still sits. */
  readonly to: EffectiveDate | null;
}

export interface ChairTerm {
  readonly id: string;
  readonly personId: string;
  readonly role: ChairRole;
  readonly from: EffectiveDate;
  readonly to: EffectiveDate | null;
}

export type GroupState =
  | { readonly status: 'not-established' }
  | {
      readonly status: 'established';
      readonly id: string;
      readonly slug: string;
      readonly name: string;
      readonly kind: GroupKind;
      readonly parentId: string | null;
      readonly establishedFrom: EffectiveDate;
      readonly memberships: readonly Membership[];
      readonly chairTerms: readonly ChairTerm[];
    };

export type EstablishedGroup = Extract<GroupState, { status: 'established' }>;

export const initialGroupState = (): GroupState => ({ status: 'not-established' });

type GroupEnvelope = Extract<LedgerNewEvent, { data: { groupId: string } }>;

export function evolveGroup(state: GroupState, event: GroupEnvelope): GroupState {
  const from = event.metadata.effectiveFrom ?? UNKNOWN_DATE;
  if (event.type === 'GroupEstablished') {
    const { groupId, slug, name, kind, parentId } = event.data;
    return { status: 'established', id: groupId, slug, name, kind, parentId, establishedFrom: from, memberships: [], chairTerms: [] };
  }
  if (state.status !== 'established') return state;
  switch (event.type) {
    case 'MemberAppointed': {
      const { personId, role, representingId, field, title } = event.data;
      const membership: Membership = { id: event.id, personId, seat: { role, representingId, field, title }, from, to: null };
      return { ...state, memberships: [...state.memberships, membership] };
    }
    case 'MemberReplaced': {
      const { outgoing, incoming } = event.data;
      const { personId, ...seat } = incoming;
      const ended = endMembership(state.memberships, outgoing.membershipId, from);
      return { ...state, memberships: [...ended, { id: event.id, personId, seat, from, to: null }] };
    }
    case 'MembershipEnded':
      return { ...state, memberships: endMembership(state.memberships, event.data.membershipId, from) };
    case 'ChairAppointed': {
      const { personId, role, effectiveTo, succeeds } = event.data;
      const succeeded = new Set(succeeds.map((s) => s.termId));
      const terms = state.chairTerms.map((t) => (succeeded.has(t.id) ? { ...t, to: lastDayBefore(from) } : t));
      return { ...state, chairTerms: [...terms, { id: event.id, personId, role, from, to: effectiveTo }] };
    }
  }
}

function endMembership(memberships: readonly Membership[], membershipId: string, change: EffectiveDate): Membership[] {
  return memberships.map((m) => (m.id === membershipId ? { ...m, to: lastDayBefore(change) } : m));
}

/** The group as its stream says now: corrections applied (revoked events left out, corrected ones replaced), then folded. */
export function foldGroup(events: readonly LedgerNewEvent[]): GroupState {
  return applyCorrections(events).reduce<GroupState>(evolveGroupWith, initialGroupState());
}

const evolveGroupWith = (state: GroupState, event: LedgerNewEvent): GroupState => ('groupId' in (event.data as object) ? evolveGroup(state, event as GroupEnvelope) : state);

/** How the writer folds a group's stream, and evolves a folded state with new events (src/commands/shared/state-cache.ts). */
export const groupFolder: StreamFolder<GroupState> = { name: 'group', fold: foldGroup, evolve: evolveGroupWith };

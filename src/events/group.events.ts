import type { EffectiveDate } from '../domain/effective-date';

/** Events of a group's stream (`group-<id>`). Valid time is in metadata.effectiveFrom. */

export type GroupKind = 'leadership' | 'coordinating-group' | 'steering-group' | 'process-group' | 'working-group' | 'network' | 'other';
export const GROUP_KINDS: readonly GroupKind[] = [
  'leadership',
  'coordinating-group',
  'steering-group',
  'process-group',
  'working-group',
  'network',
  'other',
];

export type ChairRole = 'chair' | 'vice-chair';
export const CHAIR_ROLES: readonly ChairRole[] = ['chair', 'vice-chair'];

export interface GroupEstablished {
  readonly type: 'GroupEstablished';
  readonly data: {
    readonly groupId: string;
    readonly slug: string;
    readonly name: string;
    readonly kind: GroupKind;
    readonly parentId: string | null;
  };
}

/** The terms of a seat: what a member sits as, and for whom. */
export interface SeatTerms {
  /** "member" unless the decision says otherwise ("processledare", "deltagare"). */
  readonly role: string;
  /** The party (huvudman) the member represents, if stated. */
  readonly representingId: string | null;
  /** The field the seat is for, if stated ("hab/rehab", "skolhälsovården"). */
  readonly field: string | null;
  /** The title the decision gives the person. */
  readonly title: string | null;
}

export interface MemberAppointed {
  readonly type: 'MemberAppointed';
  readonly data: SeatTerms & {
    readonly groupId: string;
    readonly personId: string;
  };
}

export interface MemberReplaced {
  readonly type: 'MemberReplaced';
  readonly data: {
    readonly groupId: string;
    readonly outgoing: { readonly personId: string; readonly membershipId: string };
    readonly incoming: SeatTerms & { readonly personId: string };
  };
}

export interface MembershipEnded {
  readonly type: 'MembershipEnded';
  readonly data: {
    readonly groupId: string;
    readonly personId: string;
    readonly membershipId: string;
  };
}

export interface ChairAppointed {
  readonly type: 'ChairAppointed';
  readonly data: {
    readonly groupId: string;
    readonly personId: string;
    readonly role: ChairRole;
    /** Last day of the term, inclusive, with its precision; null when open-ended. */
    readonly effectiveTo: EffectiveDate | null;
    /** Terms that this appointment ends the day before it starts (a chair succeeded). */
    readonly succeeds: readonly { readonly termId: string; readonly personId: string }[];
  };
}

export type GroupEvent = GroupEstablished | MemberAppointed | MemberReplaced | MembershipEnded | ChairAppointed;

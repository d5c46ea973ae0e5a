import type { EffectiveDate } from '../../domain/effective-date';
import type { ChairRole, GroupKind, SeatTerms } from '../../events/group.events';

/**
 * Group commands as the deciders see them: every reference already resolved to an id
 * and every date parsed. The wire formats (DTOs) live beside each decider.
 */
export interface EstablishGroupCommand {
  readonly type: 'EstablishGroup';
  readonly data: { readonly groupId: string; readonly slug: string; readonly name: string; readonly kind: GroupKind; readonly parentId: string | null; readonly effectiveFrom: EffectiveDate };
}

export interface AppointMemberCommand {
  readonly type: 'AppointMember';
  readonly data: { readonly personId: string; readonly seat: SeatTerms; readonly effectiveFrom: EffectiveDate };
}

export interface ReplaceMemberCommand {
  readonly type: 'ReplaceMember';
  readonly data: {
    readonly outgoingId: string;
    readonly incomingId: string;
    /** Seat terms stated for the incoming member; the rest is taken over from the outgoing seat. */
    readonly seat: Partial<SeatTerms>;
    readonly effectiveFrom: EffectiveDate;
  };
}

export interface EndMembershipCommand {
  readonly type: 'EndMembership';
  readonly data: { readonly personId: string; readonly effectiveFrom: EffectiveDate };
}

export interface AppointChairCommand {
  readonly type: 'AppointChair';
  readonly data: { readonly personId: string; readonly role: ChairRole; readonly effectiveFrom: EffectiveDate; readonly effectiveTo: EffectiveDate | null };
}

export type GroupCommand = EstablishGroupCommand | AppointMemberCommand | ReplaceMemberCommand | EndMembershipCommand | AppointChairCommand;

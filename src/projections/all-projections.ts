import { affiliationProjection } from './affiliation.projection';
import { attestedSeatProjection } from './attested-seat.projection';
import { chairTermProjection } from './chair-term.projection';
import { groupDirectoryProjection } from './group-directory.projection';
import { groupMembershipProjection } from './group-membership.projection';
import { partyDirectoryProjection } from './party-directory.projection';
import { personDirectoryProjection } from './person-directory.projection';
import type { Projection } from './projection';
import { FINANCE_PROJECTIONS } from './finance-projections';
import { eventLocatorProjection } from './event-locator.projection';
import { meetingProjection } from './meeting.projection';
import { decisionStatusProjection } from './decision-status.projection';
import { decisionEffectsProjection } from './decision-effects.projection';

export const ALL_PROJECTIONS: readonly Projection[] = [
  groupDirectoryProjection,
  personDirectoryProjection,
  partyDirectoryProjection,
  groupMembershipProjection,
  chairTermProjection,
  affiliationProjection,
  ...FINANCE_PROJECTIONS,
  eventLocatorProjection,
  meetingProjection,
  decisionStatusProjection,
  decisionEffectsProjection,
  attestedSeatProjection,
];

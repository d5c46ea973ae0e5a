import type { CorrectionEvent } from './correction.events';
import type { DecisionFollowUpEvent } from './decision.events';
import type { NewEvent, StoredEvent } from './event-envelope';
import type { GrantEvent } from './grant.events';
import type { GroupEvent } from './group.events';
import type { MeetingEvent } from './meeting.events';
import type { PartyEvent } from './party.events';
import type { PersonEvent } from './person.events';
import type { ProjectEvent } from './project.events';

/** Every domain event of the ledger, as `{ type, data }`. */
export type DomainEvent = GroupEvent | PersonEvent | PartyEvent | CorrectionEvent | GrantEvent | ProjectEvent | MeetingEvent | DecisionFollowUpEvent;
export type DomainEventType = DomainEvent['type'];

/** Current schema version of each event type; bump it with an upcaster when `data` changes shape. */
export const SCHEMA_VERSIONS: { readonly [T in DomainEventType]: number } = {
  GroupEstablished: 1,
  MemberAppointed: 1,
  MemberReplaced: 1,
  MembershipEnded: 1,
  ChairAppointed: 1,
  PersonRegistered: 1,
  AffiliationRecorded: 1,
  PartyRegistered: 1,
  EventRevoked: 1,
  EventCorrected: 1,
  GrantRegistered: 1,
  FundsAllocated: 1,
  UnusedFundsForecast: 1,
  FundsDistributedEarly: 1,
  FinalAccountingRecorded: 1,
  RemainderSettled: 1,
  SettlementInvoiced: 1,
  InvoicePaid: 1,
  ProjectStarted: 1,
  ProjectExtended: 1,
  ProjectEnded: 1,
  MeetingRecorded: 1,
  AgendaItemAdded: 1,
  AgendaItemAmended: 1,
  AttendanceRecorded: 1,
  SourceAttached: 1,
  MeetingSignedOff: 1,
  DeferredDecisionRecorded: 1,
  RatificationRecorded: 1,
};

type Envelope<E extends DomainEvent, Base> = E extends DomainEvent ? Omit<Base, 'type' | 'data'> & E : never;

/** A stored event narrowed by its type: `if (e.type === 'MemberAppointed') e.data.personId`. */
export type LedgerEvent = Envelope<DomainEvent, StoredEvent>;
/** A new (or stored) event narrowed by its type; what deciders' evolve functions read. */
export type LedgerNewEvent = Envelope<DomainEvent, NewEvent>;

export function isDomainEventType(type: string): type is DomainEventType {
  return Object.prototype.hasOwnProperty.call(SCHEMA_VERSIONS, type);
}

export function asLedgerEvent(event: StoredEvent): LedgerEvent {
  return event as LedgerEvent;
}

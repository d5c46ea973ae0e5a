import type { PartyKind } from '../../events/party.events';
import type { LedgerNewEvent } from '../../events/ledger-event';

export type PartyState =
  | { readonly status: 'unknown' }
  | { readonly status: 'registered'; readonly id: string; readonly slug: string; readonly name: string; readonly kind: PartyKind };

export function foldParty(events: readonly LedgerNewEvent[]): PartyState {
  let state: PartyState = { status: 'unknown' };
  for (const e of events) {
    if (e.type === 'PartyRegistered') state = { status: 'registered', id: e.data.partyId, slug: e.data.slug, name: e.data.name, kind: e.data.kind };
  }
  return state;
}

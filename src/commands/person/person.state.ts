import { applyCorrections } from '../../events/apply-corrections';
import type { LedgerNewEvent } from '../../events/ledger-event';

export type PersonState =
  | { readonly status: 'unknown' }
  | { readonly status: 'registered'; readonly id: string; readonly slug: string; readonly name: string; readonly affiliations: number };

export const initialPersonState = (): PersonState => ({ status: 'unknown' });

type PersonEnvelope = Extract<LedgerNewEvent, { type: 'PersonRegistered' | 'AffiliationRecorded' }>;

export function evolvePerson(state: PersonState, event: PersonEnvelope): PersonState {
  switch (event.type) {
    case 'PersonRegistered':
      return { status: 'registered', id: event.data.personId, slug: event.data.slug, name: event.data.name, affiliations: 0 };
    case 'AffiliationRecorded':
      return state.status === 'registered' ? { ...state, affiliations: state.affiliations + 1 } : state;
  }
}

export function foldPerson(events: readonly LedgerNewEvent[]): PersonState {
  return applyCorrections(events).reduce<PersonState>((s, e) => (e.type === 'PersonRegistered' || e.type === 'AffiliationRecorded' ? evolvePerson(s, e) : s), initialPersonState());
}

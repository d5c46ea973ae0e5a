import { affiliationsHistory } from './affiliations.history';
import { chairsHistory } from './chairs.history';
import { correctionsHistory } from './corrections.history';
import { grantsHistory } from './grants.history';
import { groupsHistory } from './groups.history';
import type { HistoryKind } from './history-kind';
import { meetingsHistory } from './meetings.history';
import { partiesHistory } from './parties.history';
import { seatsHistory } from './seats.history';

/**
 * Every kind of history the generator produces, in the order they run at go-live and at
 * each meeting. A new slice adds one file and one line here. Kinds that decide under agenda
 * items come before `meetings`, which records the meeting with those items ahead of them;
 * `corrections` comes last, as it remembers what the protocol recorded.
 */
export const HISTORY_KINDS: readonly HistoryKind[] = [
  partiesHistory,
  groupsHistory,
  seatsHistory,
  chairsHistory,
  affiliationsHistory,
  grantsHistory,
  meetingsHistory,
  correctionsHistory,
];

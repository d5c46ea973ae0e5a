import { affiliationsHistory } from './affiliations.history';
import { chairsHistory } from './chairs.history';
import { groupsHistory } from './groups.history';
import type { HistoryKind } from './history-kind';
import { partiesHistory } from './parties.history';
import { seatsHistory } from './seats.history';

/**
 * Every kind of history the generator produces, in the order they run at go-live and at
 * each meeting. A new slice adds one file and one line here (meetings and attendance when
 * issue 3 lands, grants when issue 4 lands, corrections with issue 3's RevokeEvent/CorrectEvent).
 */
export const HISTORY_KINDS: readonly HistoryKind[] = [partiesHistory, groupsHistory, seatsHistory, chairsHistory, affiliationsHistory];

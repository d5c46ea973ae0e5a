import { RuleViolation } from '../../domain/ledger-errors';
import type { CommandContext } from '../shared/command-context';
import { loadMeeting } from './meeting-context';

/**
 * `metadata.decision` must cite a meeting and an item that exist, as the batch sees them
 * (a meeting recorded earlier in the same batch counts). Read through the unit of work,
 * so it holds on every store. Any item may be cited: a grant's figures cite an information item.
 */
export async function requireCitedDecision(ctx: CommandContext, cited: { readonly meeting: string; readonly item: string }): Promise<void> {
  const { state } = await loadMeeting(ctx, cited.meeting);
  if (state.status === 'unknown') {
    throw new RuleViolation('meeting-must-exist', `No meeting "${cited.meeting}" is recorded`, [{ field: 'metadata.decision.meeting', message: 'unknown meeting: record it (RecordMeeting) first' }]);
  }
  if (!state.items.some((i) => i.number === cited.item)) {
    throw new RuleViolation('agenda-item-must-exist', `The meeting ${state.slug} has no item ${cited.item}`, [
      { field: 'metadata.decision.item', message: `no item ${cited.item} in ${state.slug} (items: ${state.items.map((i) => i.number).join(', ') || 'none'})` },
    ]);
  }
}

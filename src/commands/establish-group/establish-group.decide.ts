import { RuleViolation } from '../../domain/ledger-errors';
import type { GroupEstablished } from '../../events/group.events';
import type { EstablishGroupCommand } from '../group/group.commands';
import type { GroupState } from '../group/group.state';

export function establishGroup(command: EstablishGroupCommand, state: GroupState): GroupEstablished[] {
  if (state.status === 'established') {
    throw new RuleViolation('group-exists', `A group with the slug ${state.slug} is already established`, [
      { field: 'data.slug', message: 'already taken by an established group' },
    ]);
  }
  const { groupId, slug, name, kind, parentId } = command.data;
  return [{ type: 'GroupEstablished', data: { groupId, slug, name, kind, parentId } }];
}

import { RuleViolation } from '../../domain/ledger-errors';
import type { AffiliationRecorded } from '../../events/person.events';
import type { PersonState } from '../person/person.state';

export interface RecordAffiliationCommand {
  readonly type: 'RecordAffiliation';
  readonly data: { readonly organisationId: string; readonly unit: string | null; readonly title: string | null };
}

/** A person's title and employer as of a date; it holds until the next one. */
export function recordAffiliation(command: RecordAffiliationCommand, state: PersonState): AffiliationRecorded[] {
  if (state.status !== 'registered') {
    throw new RuleViolation('person-must-exist', 'The person is not registered', [{ field: 'data.person', message: 'unknown person' }]);
  }
  return [{ type: 'AffiliationRecorded', data: { personId: state.id, ...command.data } }];
}

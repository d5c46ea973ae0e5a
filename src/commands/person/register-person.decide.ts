import { RuleViolation } from '../../domain/ledger-errors';
import type { PersonRegistered } from '../../events/person.events';
import type { PersonState } from './person.state';

/** A person is registered the first time a command names them by `{ name }`. */
export function registerPerson(data: PersonRegistered['data'], state: PersonState, field: string): PersonRegistered[] {
  if (state.status === 'registered') {
    throw new RuleViolation('person-exists', `A person with the slug ${state.slug} is already registered`, [{ field, message: 'already registered' }]);
  }
  return [{ type: 'PersonRegistered', data }];
}

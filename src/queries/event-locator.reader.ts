import type Database from 'better-sqlite3';
import type { EventLocator, LocatedEvent } from '../commands/shared/event-locator';

/** The event-locator read model behind RevokeEvent and CorrectEvent. */
export class EventLocatorReader implements EventLocator {
  constructor(private readonly db: Database.Database) {}

  locate(eventId: string): LocatedEvent | null {
    return this.db.prepare<[string], LocatedEvent>('SELECT event_id AS id, stream, type FROM rm_event_locator WHERE event_id = ?').get(eventId) ?? null;
  }
}

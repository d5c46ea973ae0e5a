/** Where an event lives, found by its id: the write side's way to a correction's target stream, on any store. */
export interface LocatedEvent {
  readonly id: string;
  readonly stream: string;
  readonly type: string;
}

export interface EventLocator {
  locate(eventId: string): LocatedEvent | null;
}

export const NO_EVENT_LOCATOR: EventLocator = { locate: () => null };

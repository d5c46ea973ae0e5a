import type { Clock } from '../../src/event-store/event-store.port';

/** The store's clock during an import: set to when each protocol's decisions reach the ledger. */
export class SettableClock implements Clock {
  private current = new Date(0);
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date): void {
    this.current = at;
  }
}

import type { LedgerNewEvent } from '../../events/ledger-event';

/**
 * How a decider's state is folded from its stream: `fold` over the whole stream (corrections
 * applied), or `evolve` one event at a time. For a run of events with no corrections in it,
 * evolving the state of the events before gives what `fold` over all of them gives: a
 * correction can only target an event already in the stream.
 */
export interface StreamFolder<S> {
  readonly name: string;
  fold(events: readonly LedgerNewEvent[]): S;
  evolve(state: S, event: LedgerNewEvent): S;
}

interface Entry {
  readonly version: number;
  readonly state: unknown;
}

/**
 * The writer's folded states of the streams it decided on lately (a group's seats and chair
 * terms), at the version they were folded at: the next command on the stream reads only the
 * events appended since and evolves the state with them, instead of reading and folding the
 * stream's whole history. Filled only from committed events, so a batch that rolls back
 * leaves nothing behind. Bounded by streams held, least recently used out first.
 */
export class StateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly maxStreams = 20_000) {}

  get<S>(folder: StreamFolder<S>, stream: string): { readonly version: number; readonly state: S } | undefined {
    const key = `${folder.name}:${stream}`;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry as { version: number; state: S };
  }

  set<S>(folder: StreamFolder<S>, stream: string, version: number, state: S): void {
    const key = `${folder.name}:${stream}`;
    this.entries.delete(key);
    this.entries.set(key, { version, state });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxStreams) break;
      this.entries.delete(oldest);
    }
  }
}

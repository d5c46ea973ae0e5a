import type { LedgerNewEvent } from '../../events/ledger-event';

/**
 * How a decider's state is folded from its stream: `fold` over the whole stream (corrections
 * applied), or `evolve` one event at a time. For a run of events with no corrections in it,
 * evolving the state of the events before gives what `fold` over all of them gives: a
 * correction can only target an event already in the stream.
 */
export interface StreamFolder<S> {
  readonly name: string;
  /** Streams of this folder held at most (the cache's own bound otherwise): for states that are large. */
  readonly maxStreams?: number;
  fold(events: readonly LedgerNewEvent[]): S;
  evolve(state: S, event: LedgerNewEvent): S;
}

interface Entry {
  readonly version: number;
  readonly state: unknown;
}

/**
 * The writer's folded states of the streams it decided on lately (a group's seats and chair
 * terms, a meeting's protocol), at the version they were folded at: the next command on the
 * stream reads only the events appended since and evolves the state with them, instead of
 * reading and folding the stream's whole history. Filled from the events read, which under
 * group commit may include events of the open transaction: the writer drops the whole cache
 * when a transaction rolls back (LedgerWriter.forgetStates). Bounded by streams held per
 * folder, least recently used out first.
 */
export class StateCache {
  /** By folder, then stream; each in least-recently-used order. */
  private readonly entries = new Map<string, Map<string, Entry>>();

  constructor(readonly maxStreams = 20_000) {}

  get<S>(folder: StreamFolder<S>, stream: string): { readonly version: number; readonly state: S } | undefined {
    const held = this.entries.get(folder.name);
    const entry = held?.get(stream);
    if (!held || !entry) return undefined;
    held.delete(stream);
    held.set(stream, entry);
    return entry as { version: number; state: S };
  }

  set<S>(folder: StreamFolder<S>, stream: string, version: number, state: S): void {
    let held = this.entries.get(folder.name);
    if (!held) this.entries.set(folder.name, (held = new Map()));
    held.delete(stream);
    held.set(stream, { version, state });
    const bound = Math.min(folder.maxStreams ?? this.maxStreams, this.maxStreams);
    for (const oldest of held.keys()) {
      if (held.size <= bound) break;
      held.delete(oldest);
    }
  }
}

import { ConcurrencyConflict } from '../../domain/ledger-errors';
import { isCorrection } from '../../events/apply-corrections';
import type { NewEvent } from '../../events/event-envelope';
import type { LedgerNewEvent } from '../../events/ledger-event';
import type { EventStore, StreamAppend } from '../../event-store/event-store.port';
import type { StateCache, StreamFolder } from './state-cache';

/** Where the staging stood at one moment: how many events each stream had staged. */
export interface StagingMark {
  readonly stagings: number;
  readonly staged: ReadonlyMap<string, number>;
}

interface TrackedStream {
  /** Version read from the store: what the append will expect. */
  readonly readVersion: number;
  /** The stored events up to `readVersion`; null until someone needs them (a folded state may do without). */
  stored: readonly LedgerNewEvent[] | null;
  readonly staged: NewEvent[];
  /** Order in which the stream first received a staged event; appends keep that order. */
  firstStaged: number;
  /** States folded from the stored events, by folder name. */
  readonly states: Map<string, unknown>;
}

/**
 * The streams a batch of commands reads and writes. Later commands in a batch see the
 * events staged by earlier ones; nothing reaches the store until `appends()` is committed,
 * and each append expects the version that was read, so a concurrent writer causes a 409.
 */
export class UnitOfWork {
  private readonly streams = new Map<string, TrackedStream>();
  private stagings = 0;

  constructor(
    private readonly store: Pick<EventStore, 'readStream'>,
    private readonly states?: StateCache,
  ) {}

  /** The stream's events: stored, then staged by this batch. */
  async events(stream: string): Promise<readonly LedgerNewEvent[]> {
    const tracked = await this.track(stream);
    if (tracked.stored === null) {
      // Tracked through a folded state: read the events now, up to the version the batch expects.
      const stored = (await this.store.readStream(stream)) as unknown as LedgerNewEvent[];
      tracked.stored = stored.slice(0, tracked.readVersion);
    }
    return [...tracked.stored, ...(tracked.staged as LedgerNewEvent[])];
  }

  /**
   * The stream's state as `folder` folds it, staged events included. Reuses the state the
   * cache holds for an earlier version and evolves it with the events appended since, unless
   * a correction is among them (then it folds the whole stream).
   */
  async state<S>(stream: string, folder: StreamFolder<S>): Promise<S> {
    let tracked = this.streams.get(stream);
    if (!tracked && this.states) tracked = await this.trackFromCache(stream, folder, this.states);
    tracked ??= await this.track(stream);
    let stored = tracked.states.get(folder.name) as S | undefined;
    if (stored === undefined) {
      stored = folder.fold(await this.events(stream).then((all) => all.slice(0, tracked.readVersion)));
      tracked.states.set(folder.name, stored);
      this.states?.set(folder, stream, tracked.readVersion, stored);
    }
    const staged = tracked.staged as LedgerNewEvent[];
    if (staged.length === 0) return stored;
    if (staged.some(isCorrection)) return folder.fold(await this.events(stream));
    return staged.reduce(folder.evolve, stored);
  }

  async version(stream: string): Promise<number> {
    const tracked = await this.track(stream);
    return tracked.readVersion + tracked.staged.length;
  }

  /** The client said which version it saw; refuse early if the stream has moved on. */
  async expectVersion(stream: string, expected: number, field: string): Promise<void> {
    const actual = await this.version(stream);
    if (actual !== expected) throw new ConcurrencyConflict(stream, expected, actual, [{ field, message: `the stream is at version ${actual}` }]);
  }

  async stage(stream: string, events: readonly NewEvent[]): Promise<void> {
    const tracked = await this.track(stream);
    if (tracked.staged.length === 0) tracked.firstStaged = this.stagings++;
    tracked.staged.push(...events);
  }

  /** Where the staging stands now; `rollBackTo` returns to it (a dry run goes on after a refused command). */
  mark(): StagingMark {
    return { stagings: this.stagings, staged: new Map([...this.streams].map(([stream, t]) => [stream, t.staged.length])) };
  }

  /** Drops every event staged since `mark`; what was read stays read (reading changes nothing). */
  rollBackTo(mark: StagingMark): void {
    for (const [stream, tracked] of this.streams) {
      const keep = mark.staged.get(stream) ?? 0;
      tracked.staged.splice(keep);
      if (keep === 0) tracked.firstStaged = -1;
    }
    this.stagings = mark.stagings;
  }

  /** Events staged so far by this batch, in the order they were staged. */
  staged(): LedgerNewEvent[] {
    return [...this.streams.values()]
      .filter((t) => t.staged.length > 0)
      .sort((a, b) => a.firstStaged - b.firstStaged)
      .flatMap((t) => t.staged as LedgerNewEvent[]);
  }

  /** The stream an event staged by this batch was staged to, if any. */
  stagedStreamOf(eventId: string): string | null {
    for (const [stream, t] of this.streams) if (t.staged.some((e) => e.id === eventId)) return stream;
    return null;
  }

  appends(): StreamAppend[] {
    return [...this.streams.entries()]
      .filter(([, t]) => t.staged.length > 0)
      .sort(([, a], [, b]) => a.firstStaged - b.firstStaged)
      .map(([stream, t]) => ({ stream, expectedVersion: t.readVersion, events: t.staged }));
  }

  private async track(stream: string): Promise<TrackedStream> {
    let tracked = this.streams.get(stream);
    if (!tracked) {
      const stored = (await this.store.readStream(stream)) as unknown as LedgerNewEvent[];
      tracked = { readVersion: stored.length, stored, staged: [], firstStaged: -1, states: new Map() };
      this.streams.set(stream, tracked);
    }
    return tracked;
  }

  /** Tracks a stream from a cached state and the events stored after it, without reading the rest. */
  private async trackFromCache<S>(stream: string, folder: StreamFolder<S>, cache: StateCache): Promise<TrackedStream | undefined> {
    const cached = cache.get(folder, stream);
    if (!cached) return undefined;
    const tail = (await this.store.readStream(stream, { afterVersion: cached.version })) as unknown as LedgerNewEvent[];
    if (tail.some(isCorrection)) return undefined;
    const state = tail.reduce(folder.evolve, cached.state);
    const readVersion = cached.version + tail.length;
    if (tail.length > 0) cache.set(folder, stream, readVersion, state);
    const tracked: TrackedStream = { readVersion, stored: null, staged: [], firstStaged: -1, states: new Map([[folder.name, state]]) };
    this.streams.set(stream, tracked);
    return tracked;
  }
}

import { ConcurrencyConflict } from '../../domain/ledger-errors';
import type { NewEvent } from '../../events/event-envelope';
import type { LedgerNewEvent } from '../../events/ledger-event';
import type { StreamAppend } from '../../event-store/event-store.port';
import type { StreamReader } from './stream-cache';

interface TrackedStream {
  /** Version read from the store: what the append will expect. */
  readonly readVersion: number;
  readonly events: LedgerNewEvent[];
  readonly staged: NewEvent[];
  /** Order in which the stream first received a staged event; appends keep that order. */
  firstStaged: number;
}

/**
 * The streams a batch of commands reads and writes. Later commands in a batch see the
 * events staged by earlier ones; nothing reaches the store until `appends()` is committed,
 * and each append expects the version that was read, so a concurrent writer causes a 409.
 */
export class UnitOfWork {
  private readonly streams = new Map<string, TrackedStream>();
  private stagings = 0;

  constructor(private readonly store: StreamReader) {}

  async events(stream: string): Promise<readonly LedgerNewEvent[]> {
    return (await this.track(stream)).events;
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
    tracked.events.push(...(events as LedgerNewEvent[]));
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
      const stored = await this.store.readStream(stream);
      tracked = { readVersion: stored.length, events: stored as unknown as LedgerNewEvent[], staged: [], firstStaged: -1 };
      this.streams.set(stream, tracked);
    }
    return tracked;
  }
}

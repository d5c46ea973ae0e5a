import type { StoredEvent } from '../../events/event-envelope';
import type { EventStore, ReadStreamOptions } from '../../event-store/event-store.port';

/** What the unit of work needs to read a stream: the store itself, or this cache in front of it. */
export type StreamReader = Pick<EventStore, 'readStream'>;

/**
 * The streams the writer read lately, so the next command on a stream reads only the events
 * appended since (`readStream` with `afterVersion`) instead of the whole stream again.
 * Stored events never change, so a cached prefix stays true, and whatever another process
 * appended meanwhile is in the tail. Only reads fill it: a batch that rolls back leaves
 * nothing behind. Bounded by events held, least recently read out first.
 */
export class StreamCache implements StreamReader {
  private readonly streams = new Map<string, readonly StoredEvent[]>();
  private held = 0;

  constructor(
    private readonly store: StreamReader,
    private readonly maxEvents = 100_000,
  ) {}

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    // A tail asked for by someone who holds the start (a folded state): straight from the store.
    if (options.afterVersion) return this.store.readStream(stream, options);
    const cached = this.streams.get(stream) ?? [];
    const tail = await this.store.readStream(stream, { afterVersion: cached.at(-1)?.streamVersion ?? 0 });
    const events = tail.length === 0 ? cached : [...cached, ...tail];
    this.streams.delete(stream);
    this.streams.set(stream, events);
    this.held += events.length - cached.length;
    for (const [oldest, evicted] of this.streams) {
      if (this.held <= this.maxEvents) break;
      this.streams.delete(oldest);
      this.held -= evicted.length;
    }
    // A copy: the caller stages new events onto the array it gets.
    return [...events];
  }
}

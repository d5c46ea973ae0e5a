import type { StoredEvent } from '../events/event-envelope';
import type { UpcasterRegistry } from '../events/upcasters';
import type { AuditRecord, EventStore, ReadAllOptions, ReadStreamOptions, StreamAppend, SubscribeOptions, Subscription } from './event-store.port';

/**
 * The port with upcasting on every read path, around any backend: deciders, projections
 * and queries see current shapes. `readAudit` is passed through untouched, because the
 * chain is verified over events as stored.
 */
export class UpcastingEventStore implements EventStore {
  readonly name: string;
  readonly atomicMultiStream: boolean;

  constructor(
    readonly inner: EventStore,
    private readonly upcasters: UpcasterRegistry,
  ) {
    this.name = inner.name;
    this.atomicMultiStream = inner.atomicMultiStream;
  }

  private readonly up = (event: StoredEvent) => this.upcasters.upcast(event);

  append(appends: readonly StreamAppend[]): Promise<StoredEvent[]> {
    return this.inner.append(appends);
  }
  async readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return (await this.inner.readStream(stream, options)).map(this.up);
  }
  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return (await this.inner.readAll(options)).map(this.up);
  }
  async readByCommandId(commandId: string): Promise<StoredEvent[]> {
    return (await this.inner.readByCommandId(commandId)).map(this.up);
  }
  readAudit(options?: ReadAllOptions): Promise<AuditRecord[]> {
    return this.inner.readAudit(options);
  }
  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }
  subscribe(options: SubscribeOptions): Subscription {
    return this.inner.subscribe({ ...options, onEvent: (event) => options.onEvent(this.up(event)) });
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

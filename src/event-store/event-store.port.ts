import type { NewEvent, StoredEvent } from '../events/event-envelope';

/**
 * The one port every backend implements. Versions are 1-based: a stream's version is
 * the number of events in it, so `expectedVersion: 0` means "the stream must not exist".
 */
export type ExpectedVersion = number | 'any';

export interface StreamAppend {
  readonly stream: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly NewEvent[];
}

export interface ReadAllOptions {
  /** Return events with a position strictly greater than this (0 = from the start). */
  readonly after?: number;
  readonly limit?: number;
}

export interface Subscription {
  /** Resolves once the subscription has stopped and its handler is idle. */
  close(): Promise<void>;
}

export interface SubscribeOptions {
  readonly after: number;
  /** Called for every event in log order; the next is not delivered until it settles. */
  readonly onEvent: (event: StoredEvent) => void | Promise<void>;
  readonly onError?: (error: unknown) => void;
}

export interface EventStore {
  /** Backend name, for logs and health. */
  readonly name: string;
  /**
   * True when `append` with several streams commits all or nothing. SQLite: yes.
   * EventStoreDB: no (each stream is atomic; see its adapter for how a batch is made safe).
   */
  readonly atomicMultiStream: boolean;

  /**
   * Appends to one or more streams. Throws ConcurrencyConflict (and appends nothing to
   * that stream) when a stream is not at its expected version. Sets `recordedAt` from
   * the store's clock. Returns the stored events in append order.
   */
  append(appends: readonly StreamAppend[]): Promise<StoredEvent[]>;

  /** All events of one stream in order; [] when the stream does not exist. */
  readStream(stream: string): Promise<StoredEvent[]>;

  /** Events of the whole log in position order. */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;

  /** The events appended by one command, in order; [] when the commandId is new. */
  readByCommandId(commandId: string): Promise<StoredEvent[]>;

  /** Position of the last event in the log, 0 when empty. */
  headPosition(): Promise<number>;

  /** A catch-up subscription: replays from `after`, then delivers new events as they land. */
  subscribe(options: SubscribeOptions): Subscription;

  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');

/** The injected clock; the store alone reads it, for `recordedAt`. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

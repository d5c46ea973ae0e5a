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

export interface ReadStreamOptions {
  /** Return events with a stream version strictly greater than this (0 = the whole stream). */
  readonly afterVersion?: number;
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

  /**
   * The events of one stream in order; [] when the stream does not exist. With
   * `afterVersion`, only those after it: the tail a reader that already holds the first
   * versions needs (stored events never change, so what it holds stays true).
   */
  readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;

  /** Events of the whole log in position order. */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;

  /** The events appended by one command, in order; [] when the commandId is new. */
  readByCommandId(commandId: string): Promise<StoredEvent[]>;

  /**
   * The log as recorded, for audit: every position that holds an event or a chain link, in
   * position order, with events as stored (never upcast) and the hash-chain link written
   * with them at append (src/audit/event-hash.ts). Paged like `readAll`.
   */
  readAudit(options?: ReadAllOptions): Promise<AuditRecord[]>;

  /** Position of the last event in the log, 0 when empty. */
  headPosition(): Promise<number>;

  /** A catch-up subscription: replays from `after`, then delivers new events as they land. */
  subscribe(options: SubscribeOptions): Subscription;

  close(): Promise<void>;
}

/** The hash-chain link a store recorded when it appended an event. */
export interface ChainLink {
  readonly position: number;
  readonly eventId: string;
  readonly stream: string;
  readonly streamVersion: number;
  /** sha256 of prevHash and the event's canonical envelope (src/audit/event-hash.ts). */
  readonly hash: string;
  /** The hash of the stream's previous event, or 64 zeros for its first. */
  readonly prevHash: string;
}

/**
 * One position of the log as the store holds it. On an untouched log every record has
 * both an event and its link; tampering shows as a record with one of them missing, or
 * as a `defect` the store found in the stored row itself.
 */
export interface AuditRecord {
  readonly position: number;
  /** The event as stored (never upcast); null when the position holds only a link, or the row cannot be read. */
  readonly event: StoredEvent | null;
  /** Id, stream and version of the event at this position, also when it cannot be read; null when there is none. */
  readonly ref: { readonly id: string; readonly stream: string; readonly streamVersion: number } | null;
  /** What is wrong with the stored row itself (not valid JSON, columns disagreeing with the metadata); null when nothing. */
  readonly defect: string | null;
  readonly link: ChainLink | null;
}

export const EVENT_STORE = Symbol('EVENT_STORE');

/** The injected clock; the store alone reads it, for `recordedAt`. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

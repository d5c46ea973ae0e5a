import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  excludeSystemEvents,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendResult,
  type ReadPosition,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { ConcurrencyConflict } from '../../domain/ledger-errors';
import type { StoredEvent } from '../../events/event-envelope';
import { GENESIS_HASH } from '../../audit/event-hash';
import type { AuditRecord, Clock, EventStore, ReadAllOptions, ReadStreamOptions, StreamAppend, SubscribeOptions, Subscription } from '../event-store.port';
import {
  chainLinkOf,
  commandIndexStream,
  fromCommandIndexEvent,
  isStreamNotFound,
  isWrongExpectedVersion,
  positionOf,
  readPositionAfter,
  toConcurrencyConflict,
  toEsdbPosition,
  toEventData,
  toExpectedRevision,
  toStoredEvent,
  toAuditRecord,
  toStoredEventOrSkip,
  versionFromRevision,
  type EsdbResolvedEvent,
} from './eventstoredb-mapping';
import { commandIdsOf, fromIndexEvent, toIntentEventData, toIntentRefEventData, type CommandIndexRecord, type CommandPlan, type PlannedAppend } from './eventstoredb-command-intent';
import { toLedgerError } from './eventstoredb-errors';

export interface EventStoreDbEventStoreOptions {
  readonly clock: Clock;
  /** Events per $all read request. */
  readonly pageSize?: number;
  /** Wait before a dropped subscription subscribes again. */
  readonly resubscribeDelayMs?: number;
}

/**
 * The EventStore port on EventStoreDB (gRPC client 6.x, server 22.6 or later).
 *
 * - Positions are ESDB log positions (commit = prepare for every gRPC-written event), so they
 *   increase along $all but are not consecutive.
 * - Retries are safe: event ids are derived from the command (`eventIdFor` in
 *   src/domain/identity.ts), and ESDB treats a write of ids it already holds at the same
 *   expected revision as an idempotent success instead of writing them twice.
 * - ESDB has no secondary index, so `readByCommandId` is served by one small stream per
 *   command (`ledger-command-<commandId>`) written after the events. Those streams are
 *   hidden from `readAll`, `subscribe` and `headPosition`, so projections never see them.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly name = 'eventstoredb';
  /** ESDB commits each stream's append atomically, never several streams together. */
  readonly atomicMultiStream = false;
  private readonly pageSize: number;
  private lastRecordedAt = '';

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbEventStoreOptions,
  ) {
    // At least 2: a forward page starts with the already-seen event at its start position.
    this.pageSize = Math.max(options.pageSize ?? 500, 2);
  }

  async append(appends: readonly StreamAppend[]): Promise<StoredEvent[]> {
    if (appends.length === 0) return [];
    try {
      // Several streams: ESDB cannot commit them together, so every stream's version is
      // checked before anything is written, and a stale one fails the batch with nothing
      // appended. Residual race: another writer can move a stream between this check and
      // our write to it; ESDB still enforces each stream's expected revision, so that stream
      // is never overwritten, the streams written before it stay written, and this call
      // throws ConcurrencyConflict. The intent recorded first (eventstoredb-command-intent.ts)
      // lets a retry of the same command find and finish its own batch instead of deciding again.
      if (appends.length > 1) await this.checkVersions(appends);
      const commandIds = commandIdsOf(appends);
      if (commandIds.length === 0) {
        // Version checks only, nothing to write.
        for (const a of appends) await this.appendToStream(a, '');
        return [];
      }
      const plan = await this.recordIntent({ commandIds, recordedAt: this.nextRecordedAt(), appends });
      return await this.carryOut(plan);
    } catch (error) {
      throw toLedgerError(error, { writing: true });
    }
  }

  /**
   * Writes the batch's plan to the first command's index stream, unless an earlier attempt's
   * plan is there and took effect (some of its events are written): then that plan is the
   * one carried out. Returns the plan as stored, which may be another attempt's.
   */
  private async recordIntent(plan: CommandPlan): Promise<CommandPlan> {
    const stream = commandIndexStream(plan.commandIds[0]!);
    for (let attempt = 1; ; attempt++) {
      const latest = await this.latestIndexRecord(stream);
      if (latest?.kind === 'recorded') throw new ConcurrencyConflict(plan.appends[0]!.stream, plan.appends[0]!.expectedVersion, await this.currentVersion(plan.appends[0]!.stream));
      if (latest?.kind === 'intent' && (await this.progress(latest.plan)).some((found) => found !== null)) return latest.plan;
      try {
        await this.client.appendToStream(stream, toIntentEventData(plan, latest?.revision ?? null), { expectedRevision: latest ? latest.revision : NO_STREAM });
      } catch (error) {
        if (!isWrongExpectedVersion(error) || attempt >= 3) throw error;
        continue; // another attempt of this command wrote an intent first: look again
      }
      const stored = await this.latestIndexRecord(stream);
      if (stored?.kind !== 'intent') throw new Error(`The intent of command ${plan.commandIds[0]} cannot be read back from ${stream}`);
      return stored.plan;
    }
  }

  /** Refs for the batch's other commands, then each stream's events: the ones already written are read back, the rest written. */
  private async carryOut(plan: CommandPlan): Promise<StoredEvent[]> {
    const [first, ...others] = plan.commandIds;
    for (const commandId of others) {
      const stream = commandIndexStream(commandId);
      const latest = await this.latestIndexRecord(stream);
      if (latest?.kind === 'ref' && latest.batchCommandId === first) continue;
      try {
        await this.client.appendToStream(stream, toIntentRefEventData(commandId, first!, latest?.revision ?? null), { expectedRevision: latest ? latest.revision : NO_STREAM });
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
      }
    }
    const found = await this.progress(plan);
    const stored: StoredEvent[] = [];
    for (const [i, planned] of plan.appends.entries()) {
      stored.push(...(found[i] ?? (await this.appendToStream(planned, plan.recordedAt))));
    }
    return stored;
  }

  /** For each planned append, its events as they stand in the stream, or null when they are not there. */
  private async progress(plan: CommandPlan): Promise<(StoredEvent[] | null)[]> {
    const found: (StoredEvent[] | null)[] = [];
    for (const planned of plan.appends) found.push(await this.findWritten(planned));
    return found;
  }

  private async findWritten({ stream, expectedVersion, events }: PlannedAppend): Promise<StoredEvent[] | null> {
    if (events.length === 0) return [];
    const ids = events.map((e) => e.id);
    // At a named version the events can only be right after it (ESDB enforced it when they were written).
    const candidates =
      expectedVersion === 'any' ? await this.readStreamFrom(stream) : await this.readStreamRange(stream, expectedVersion + 1, expectedVersion + events.length);
    const byId = new Map(candidates.filter((e) => ids.includes(e.id)).map((e) => [e.id, e]));
    if (byId.size === 0) return null;
    if (byId.size < ids.length) throw new Error(`Only ${byId.size} of ${ids.length} events of one append are in ${stream}; ESDB writes a stream's append whole, so the log is not as the ledger wrote it`);
    return ids.map((id) => byId.get(id)!);
  }

  /** The last record of a command's index stream, null when there is none. */
  private async latestIndexRecord(stream: string): Promise<CommandIndexRecord | null> {
    try {
      for await (const resolved of this.client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) return fromIndexEvent(resolved);
    } catch (error) {
      if (isStreamNotFound(error)) return null;
      throw error;
    }
    return null;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return this.reading(() => this.readStreamFrom(stream, options));
  }

  private async readStreamFrom(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    try {
      // Revisions are 0-based: the event after version v is revision v.
      for await (const resolved of this.client.readStream(stream, { direction: FORWARDS, fromRevision: options.afterVersion ? BigInt(options.afterVersion) : START })) {
        events.push(toStoredEvent(resolved));
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.reading(() => this.readLedgerRecords(options, toStoredEvent));
  }

  /** Each event carries its chain link in its own metadata, so a record is one ESDB event. */
  async readAudit(options: ReadAllOptions = {}): Promise<AuditRecord[]> {
    return this.reading(() => this.readLedgerRecords(options, toAuditRecord));
  }

  private async readLedgerRecords<T>(options: ReadAllOptions, map: (resolved: EsdbResolvedEvent) => T): Promise<T[]> {
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const records: T[] = [];
    if (limit <= 0) return records;
    for await (const resolved of this.ledgerEventsAfter(options.after ?? 0)) {
      records.push(map(resolved));
      if (records.length >= limit) break;
    }
    return records;
  }

  /**
   * The events of a command: found through its intent. When the intent's batch was only
   * partly written (a crash, a lost answer) the rest is written now, as planned, so the
   * caller never decides the command again; when none of it was written, [] (it took no
   * effect, and deciding it again is safe).
   */
  async readByCommandId(commandId: string): Promise<StoredEvent[]> {
    try {
      let latest = await this.latestIndexRecord(commandIndexStream(commandId));
      if (latest?.kind === 'recorded') return await this.readRecordedCommand(commandId, latest.resolved);
      if (latest?.kind === 'ref') {
        latest = await this.latestIndexRecord(commandIndexStream(latest.batchCommandId));
        if (latest?.kind !== 'intent' || !latest.plan.commandIds.includes(commandId)) return [];
      }
      if (latest === null || latest.kind !== 'intent') return [];
      const found = await this.progress(latest.plan);
      if (found.every((f) => f === null)) return [];
      const events = found.every((f) => f !== null) ? found.flatMap((f) => f!) : await this.carryOut(latest.plan);
      return events.filter((e) => e.metadata.commandId === commandId);
    } catch (error) {
      throw toLedgerError(error, { writing: true });
    }
  }

  /** A command indexed the way it was before intents: a `CommandRecorded` event written after its events. */
  private async readRecordedCommand(commandId: string, first: EsdbResolvedEvent): Promise<StoredEvent[]> {
    const index = fromCommandIndexEvent(first);
    // Read each referenced stream once, over the range of versions the command wrote.
    const byStream = new Map<string, StoredEvent[]>();
    for (const stream of new Set(index.events.map((e) => e.stream))) {
      const versions = index.events.filter((e) => e.stream === stream).map((e) => e.streamVersion);
      byStream.set(stream, await this.readStreamRange(stream, Math.min(...versions), Math.max(...versions)));
    }
    return index.events.map((entry) => {
      const event = byStream.get(entry.stream)?.find((e) => e.id === entry.id);
      if (event === undefined) {
        throw new Error(`Event ${entry.id} of command ${commandId} is missing from ${entry.stream} at version ${entry.streamVersion}`);
      }
      return event;
    });
  }

  async headPosition(): Promise<number> {
    return this.reading(() => this.findHeadPosition());
  }

  /** A read whose failure is mapped to problem details (nothing was written by it). */
  private async reading<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      throw toLedgerError(error, { writing: false });
    }
  }

  private async findHeadPosition(): Promise<number> {
    // $all read backwards from its end until the newest ledger event; system events and the
    // command index streams (written right after each append) are passed over.
    let from: ReadPosition = END;
    for (;;) {
      let count = 0;
      let oldest: number | undefined;
      for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: this.pageSize })) {
        count += 1;
        if (toStoredEventOrSkip(resolved) !== undefined) return positionOf(resolved);
        if (resolved.commitPosition !== undefined) oldest = positionOf(resolved);
      }
      // Reading backwards from an event's position excludes that event.
      if (count < this.pageSize || oldest === undefined) return 0;
      from = toEsdbPosition(oldest);
    }
  }

  subscribe(options: SubscribeOptions): Subscription {
    let closed = false;
    let position = options.after;
    let current: AllStreamSubscription | undefined;
    let wakeUp: (() => void) | undefined;
    const delay = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wakeUp = undefined;
          resolve();
        }
        wakeUp = done;
      });

    const loop = (async () => {
      while (!closed) {
        const subscription = this.client.subscribeToAll({
          fromPosition: readPositionAfter(position),
          filter: excludeSystemEvents(),
        });
        current = subscription;
        try {
          // Async iteration pulls one event at a time, so each is delivered only after the
          // handler for the one before has settled.
          for await (const resolved of subscription) {
            if (closed) break;
            const event = toStoredEventOrSkip(resolved);
            // ESDB may start at the event at `position` itself; it was delivered already.
            if (event === undefined || event.position <= position) continue;
            try {
              await options.onEvent(event);
            } catch (error) {
              // A handler that fails stops the subscription: skipping an event would corrupt what it builds.
              closed = true;
              options.onError?.(error);
              break;
            }
            position = event.position;
          }
        } catch (error) {
          // The stream broke (server gone, leader change…): report it and catch up again from
          // the last delivered event. Errors caused by close() itself are not reported.
          if (!closed) options.onError?.(error);
        } finally {
          // Nothing reads the stream any more; a late error must not become an unhandled 'error' event.
          subscription.on('error', () => undefined);
          await subscription.unsubscribe().catch(() => undefined);
          subscription.destroy();
          current = undefined;
        }
        if (!closed) await delay(this.options.resubscribeDelayMs ?? 1000);
      }
    })();

    return {
      async close() {
        closed = true;
        wakeUp?.();
        const subscription = current;
        if (subscription !== undefined) {
          subscription.on('error', () => undefined);
          await subscription.unsubscribe().catch(() => undefined);
          // Ends a pending iteration even if the cancelled gRPC call never ends the stream.
          subscription.destroy();
        }
        await loop;
      },
    };
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  // -------------------------------------------------------------------------------------

  private async appendToStream({ stream, expectedVersion, events }: PlannedAppend, recordedAt: string): Promise<StoredEvent[]> {
    if (events.length === 0) {
      if (expectedVersion !== 'any') {
        const actual = await this.currentVersion(stream);
        if (actual !== expectedVersion) throw new ConcurrencyConflict(stream, expectedVersion, actual);
      }
      return [];
    }
    // The chain needs the hash of the event the new ones follow, so the write always names
    // the exact version it extends: with 'any', the current head, retried if another writer
    // moves it first. A retried command (the same ids at the same expected version) gets the
    // same prevHash, and ESDB's idempotent write still applies.
    let result: AppendResult | undefined;
    for (let attempt = 1; result === undefined; attempt++) {
      const base = expectedVersion === 'any' ? await this.currentVersion(stream) : expectedVersion;
      let prevHash = await this.hashAt(stream, base);
      const data = events.map((event, i) => {
        const item = toEventData(event, recordedAt, { stream, streamVersion: base + i + 1, prevHash });
        prevHash = (item.metadata as { ledgerChain: { hash: string } }).ledgerChain.hash;
        return item;
      });
      try {
        result = await this.client.appendToStream(stream, data, { expectedRevision: toExpectedRevision(base) });
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
        if (expectedVersion !== 'any' || attempt >= 5) throw toConcurrencyConflict(error, expectedVersion, stream);
      }
    }
    // Only when the connection string sets throwOnAppendFailure=false; the client's reported
    // revision is then unreliable, so the actual version is read.
    if (!result.success) throw new ConcurrencyConflict(stream, expectedVersion, await this.currentVersion(stream));

    // The append result carries the last revision but not each event's log position, so the
    // events are read back. On an idempotent retry ESDB reports the revisions of the events
    // written the first time, and the read returns those (with their original recordedAt).
    const last = versionFromRevision(result.nextExpectedRevision);
    const first = last - events.length + 1;
    const ids = events.map((e) => e.id);
    const readBack = await this.readStreamRange(stream, first, last);
    if (readBack.length === ids.length && readBack.every((e, i) => e.id === ids[i])) return readBack;
    const whole = await this.readStreamFrom(stream);
    return ids.map((id) => {
      const event = whole.find((e) => e.id === id);
      if (event === undefined) throw new Error(`Event ${id} was appended to ${stream} but cannot be read back`);
      return event;
    });
  }

  /** Versions are 1-based and inclusive. */
  private async readStreamRange(stream: string, fromVersion: number, toVersion: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    try {
      const read = this.client.readStream(stream, {
        direction: FORWARDS,
        fromRevision: BigInt(Math.max(fromVersion, 1) - 1),
        maxCount: Math.max(toVersion - fromVersion + 1, 1),
      });
      for await (const resolved of read) events.push(toStoredEvent(resolved));
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  /** The stream's version (its number of events), 0 when it does not exist. */
  private async currentVersion(stream: string): Promise<number> {
    try {
      for await (const resolved of this.client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
        const event = resolved.event;
        if (event !== undefined) return versionFromRevision(event.revision);
      }
    } catch (error) {
      if (isStreamNotFound(error)) return 0;
      throw error;
    }
    return 0;
  }

  /** The chain hash of the event at `version` in the stream (GENESIS_HASH for version 0 or an unchained event). */
  private async hashAt(stream: string, version: number): Promise<string> {
    if (version <= 0) return GENESIS_HASH;
    try {
      for await (const resolved of this.client.readStream(stream, { direction: FORWARDS, fromRevision: BigInt(version - 1), maxCount: 1 })) {
        return chainLinkOf(resolved)?.hash ?? GENESIS_HASH;
      }
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
    }
    return GENESIS_HASH;
  }

  /** Throws ConcurrencyConflict, before anything is written, when any stream is not at its expected version. */
  private async checkVersions(appends: readonly StreamAppend[]): Promise<void> {
    const versions = new Map<string, number>();
    for (const { stream, expectedVersion, events } of appends) {
      const actual = versions.get(stream) ?? (await this.currentVersion(stream));
      if (expectedVersion !== 'any' && expectedVersion !== actual) {
        throw new ConcurrencyConflict(stream, expectedVersion, actual);
      }
      // The same stream may come twice in one batch; its second append follows the first.
      versions.set(stream, actual + events.length);
    }
  }

  /** $all forwards after `after`, in pages, yielding only ledger events (as ESDB returns them). */
  private async *ledgerEventsAfter(after: number): AsyncGenerator<EsdbResolvedEvent> {
    let position = after;
    for (;;) {
      const page: StreamingRead<AllStreamResolvedEvent> = this.client.readAll({
        direction: FORWARDS,
        fromPosition: readPositionAfter(position),
        maxCount: this.pageSize,
      });
      const events: EsdbResolvedEvent[] = [];
      let count = 0;
      let furthest = position;
      for await (const resolved of page) {
        count += 1;
        const at = resolved.commitPosition === undefined ? undefined : positionOf(resolved);
        if (at === undefined || at <= position) continue; // the start position itself is included by ESDB
        furthest = Math.max(furthest, at);
        if (toStoredEventOrSkip(resolved) !== undefined) events.push(resolved);
      }
      yield* events;
      if (count < this.pageSize || furthest === position) return;
      position = furthest;
    }
  }

  /** Transaction time never runs backwards within this process, even if the wall clock does. */
  private nextRecordedAt(): string {
    const now = this.options.clock.now().toISOString();
    if (now > this.lastRecordedAt) this.lastRecordedAt = now;
    return this.lastRecordedAt;
  }
}

/** Opens a client on an `esdb://` connection string; it connects on first use. */
export function connectEventStoreDb(connectionString: string, clock: Clock): EventStoreDbEventStore {
  return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), { clock });
}

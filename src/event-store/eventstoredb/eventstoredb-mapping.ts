/**
 * Pure translation between the ledger's envelope and EventStoreDB's records. Nothing here
 * talks to a server, so every rule of the mapping is unit-tested without one.
 *
 * Facts about ESDB these functions rely on (checked against @eventstore/db-client 6.2 and
 * the KurrentDB server source):
 * - a stream revision is 0-based; our stream version is 1-based (the count of events);
 * - every event written through gRPC is self-committed, so its commit and prepare
 *   positions are both its own log position: one number per event, strictly increasing in
 *   $all. Reading $all forwards from a position includes the event at that position;
 * - events whose type starts with `$` are system events (`$>` is a link, `$metadata` etc.).
 */
import {
  ANY,
  ErrorType,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type CurrentRevision,
  type EventData,
  type ExpectedRevision,
  type JSONType,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { v5 as uuidv5 } from 'uuid';
import { ConcurrencyConflict } from '../../domain/ledger-errors';
import type { EventMetadata, NewEvent, StoredEvent } from '../../events/event-envelope';
import { eventHash, isHash } from '../../audit/event-hash';
import type { AuditRecord, ChainLink, ExpectedVersion } from '../event-store.port';

/** Either kind of resolved event the client hands back (stream read, $all read, subscription). */
export type EsdbResolvedEvent = ResolvedEvent | AllStreamResolvedEvent;

/** Keys the adapter adds to our metadata in ESDB; they are removed again on the way back. */
const SCHEMA_VERSION_KEY = 'schemaVersion';
/** ESDB's own correlation keys, so its tooling (and `$by_correlation_id`) can follow a command. */
const ESDB_CORRELATION_KEY = '$correlationId';
const ESDB_CAUSATION_KEY = '$causationId';

/** The event's hash-chain link (src/audit/event-hash.ts), computed by the adapter at append. */
const CHAIN_KEY = 'ledgerChain';

/** What an event's custom metadata looks like in ESDB: our full metadata plus the schema version. */
export interface EsdbEventMetadata extends EventMetadata {
  readonly schemaVersion: number;
  readonly $correlationId: string;
  readonly $causationId: string;
  readonly ledgerChain?: { readonly hash: string; readonly prevHash: string };
}

/** Where an appended event will sit in its stream, and the hash of the event before it there. */
export interface ChainPlace {
  readonly stream: string;
  readonly streamVersion: number;
  readonly prevHash: string;
}

// ---------------------------------------------------------------------------------------
// Versions

/** Our expected version (1-based count, 0 = "must not exist") → ESDB's expectedRevision. */
export function toExpectedRevision(expected: ExpectedVersion): ExpectedRevision {
  if (expected === 'any') return ANY;
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new RangeError(`An expected version must be 'any' or a whole number >= 0, got ${String(expected)}`);
  }
  return expected === 0 ? NO_STREAM : BigInt(expected - 1);
}

/** ESDB's current revision of a stream (0-based, or "no stream") → our version (count of events). */
export function versionFromRevision(revision: CurrentRevision | bigint): number {
  return revision === NO_STREAM ? 0 : Number(revision) + 1;
}

/** ESDB's expected revision as reported in an error → our notation, for the conflict message. */
export function expectedVersionFromRevision(revision: AppendExpectedRevision): ExpectedVersion | string {
  if (revision === ANY) return 'any';
  if (revision === NO_STREAM) return 0;
  if (typeof revision === 'bigint') return Number(revision) + 1;
  return revision; // 'stream_exists': no equivalent in the port, reported as is
}

// ---------------------------------------------------------------------------------------
// Writing

/** The custom metadata written to ESDB: all of ours (with `recordedAt` from the store's clock) and the schema version. */
export function toEsdbMetadata(event: NewEvent, recordedAt: string, chain?: ChainPlace): EsdbEventMetadata {
  // A client-sent recordedAt (a forged one at runtime) is overwritten: the store alone sets it.
  const metadata: EventMetadata = { ...event.metadata, recordedAt };
  return {
    ...metadata,
    [SCHEMA_VERSION_KEY]: event.schemaVersion,
    [ESDB_CORRELATION_KEY]: event.metadata.correlationId,
    [ESDB_CAUSATION_KEY]: event.metadata.causationId,
    ...(chain && { [CHAIN_KEY]: chainLinkFor(event, metadata, chain) }),
  };
}

/**
 * The link of an event about to be written: its hash covers the stored form, i.e. what
 * `toStoredEvent` will read back (data and our metadata after a JSON round trip).
 */
export function chainLinkFor(event: NewEvent, metadata: EventMetadata, chain: ChainPlace): { hash: string; prevHash: string } {
  const stored = {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    stream: chain.stream,
    streamVersion: chain.streamVersion,
    data: JSON.parse(JSON.stringify(event.data ?? null)) as unknown,
    metadata: JSON.parse(JSON.stringify(metadata)) as EventMetadata,
  };
  return { hash: eventHash(chain.prevHash, stored), prevHash: chain.prevHash };
}

/**
 * A NewEvent → the event data `appendToStream` takes. The id is kept: ids are derived from
 * the command (`eventIdFor`), which is what makes ESDB's idempotent writes dedupe a retry.
 */
export function toEventData(event: NewEvent, recordedAt: string, chain?: ChainPlace): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    // The client JSON.stringifies data; the port only promises JSON-serialisable data.
    data: event.data as JSONType,
    metadata: toEsdbMetadata(event, recordedAt, chain) as unknown as JSONType,
  });
}

// ---------------------------------------------------------------------------------------
// Reading

/** True for ESDB's own events: system types (`$metadata`, `$>` links, `$statsCollected`…) and system streams. */
export function isSystemEvent(resolved: EsdbResolvedEvent): boolean {
  const event = resolved.event;
  if (event === undefined) return true;
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** True when the record is (or was reached through) a link event. */
export function isLinkEvent(resolved: EsdbResolvedEvent): boolean {
  return resolved.link !== undefined || resolved.event?.type === '$>';
}

/**
 * Why a resolved event is not a ledger event, or undefined when it is one. Skipped are
 * system and link events, the command index streams, binary events and JSON events that do
 * not carry our envelope (another application's data on a shared server).
 */
export function notALedgerEvent(resolved: EsdbResolvedEvent): string | undefined {
  const event = resolved.event;
  if (event === undefined) return 'the record has no event (an unresolved link)';
  if (isLinkEvent(resolved)) return `event ${event.id} is a link event`;
  if (isSystemEvent(resolved)) return `event ${event.id} of type ${event.type} in ${event.streamId} is a system event`;
  if (isCommandIndexStream(event.streamId)) return `event ${event.id} belongs to the command index ${event.streamId}`;
  if (!event.isJson) return `event ${event.id} in ${event.streamId} is not JSON`;
  if (!isEsdbMetadata(event.metadata)) return `event ${event.id} in ${event.streamId} does not carry the ledger's metadata`;
  return undefined;
}

function isEsdbMetadata(value: unknown): value is EsdbEventMetadata {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record[SCHEMA_VERSION_KEY] === 'number' &&
    typeof record['commandId'] === 'string' &&
    typeof record['recordedAt'] === 'string'
  );
}

/**
 * The event's place in $all as our number. A `$all` read carries `commitPosition`; a stream
 * read on a server of 22.6 or later carries `event.position`. Older servers send none (or
 * 2^64-1 for "no position"), which the ledger cannot work with.
 */
export function positionOf(resolved: EsdbResolvedEvent): number {
  const commit = resolved.commitPosition ?? resolved.event?.position?.commit;
  if (commit === undefined || commit < 0n || commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(
      `EventStoreDB reported no usable log position for event ${resolved.event?.id ?? '?'} ` +
        `(got ${String(commit)}); the ledger needs EventStoreDB 22.6 or later`,
    );
  }
  return Number(commit);
}

/** A resolved ESDB event → our StoredEvent; throws for anything that is not a ledger event. */
export function toStoredEvent(resolved: EsdbResolvedEvent): StoredEvent {
  const reason = notALedgerEvent(resolved);
  const event = resolved.event;
  const raw: unknown = event?.metadata;
  if (reason !== undefined || event === undefined || !isEsdbMetadata(raw)) {
    throw new Error(`Not a ledger event: ${reason ?? 'unknown record'}`);
  }
  const {
    [SCHEMA_VERSION_KEY]: schemaVersion,
    [ESDB_CORRELATION_KEY]: _correlation,
    [ESDB_CAUSATION_KEY]: _causation,
    [CHAIN_KEY]: _chain,
    ...metadata
  }: EsdbEventMetadata = raw;
  return {
    id: event.id,
    type: event.type,
    schemaVersion,
    stream: event.streamId,
    streamVersion: versionFromRevision(event.revision),
    position: positionOf(resolved),
    data: event.data as unknown,
    metadata,
  };
}

/** The chain link an event carries in its metadata; null when it has none (appended before hashing existed). */
export function chainLinkOf(resolved: EsdbResolvedEvent): ChainLink | null {
  const event = resolved.event;
  const chain = (event?.metadata as { [CHAIN_KEY]?: { hash?: unknown; prevHash?: unknown } } | undefined)?.[CHAIN_KEY];
  if (event === undefined || !chain || !isHash(chain.hash) || !isHash(chain.prevHash)) return null;
  return {
    position: positionOf(resolved),
    eventId: event.id,
    stream: event.streamId,
    streamVersion: versionFromRevision(event.revision),
    hash: chain.hash,
    prevHash: chain.prevHash,
  };
}

/** A ledger event of $all as an audit record: the event as stored, with the link it carries. */
export function toAuditRecord(resolved: EsdbResolvedEvent): AuditRecord {
  const event = toStoredEvent(resolved);
  return {
    position: event.position,
    event,
    ref: { id: event.id, stream: event.stream, streamVersion: event.streamVersion },
    defect: null,
    link: chainLinkOf(resolved),
  };
}

/** As toStoredEvent, but undefined for records the ledger does not own (for $all reads and subscriptions). */
export function toStoredEventOrSkip(resolved: EsdbResolvedEvent): StoredEvent | undefined {
  return notALedgerEvent(resolved) === undefined ? toStoredEvent(resolved) : undefined;
}

// ---------------------------------------------------------------------------------------
// Positions

/** Our position (an event's log position) → the ESDB position to read $all from. */
export function toEsdbPosition(position: number): Position {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`A log position must be a whole number >= 0, got ${String(position)}`);
  }
  const at = BigInt(position);
  return { commit: at, prepare: at };
}

/**
 * Where to start reading or subscribing to get the events after `after`. ESDB includes the
 * event at the given position when reading forwards, so callers still drop positions <= after.
 */
export function readPositionAfter(after: number): ReadPosition {
  return after === 0 ? START : toEsdbPosition(after);
}

// ---------------------------------------------------------------------------------------
// Errors

export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return (
    error instanceof WrongExpectedVersionError ||
    (error instanceof Error && (error as { type?: unknown }).type === ErrorType.WRONG_EXPECTED_VERSION)
  );
}

export function isStreamNotFound(error: unknown): error is StreamNotFoundError {
  return (
    error instanceof StreamNotFoundError ||
    (error instanceof Error && (error as { type?: unknown }).type === ErrorType.STREAM_NOT_FOUND)
  );
}

/**
 * ESDB's WrongExpectedVersionError → our ConcurrencyConflict. The actual version is the
 * stream's current revision + 1, or 0 when the stream did not exist. `expected` is what the
 * caller asked for; without it the error's own expected revision is translated.
 */
export function toConcurrencyConflict(
  error: WrongExpectedVersionError,
  expected?: ExpectedVersion,
  stream: string = error.streamName,
): ConcurrencyConflict {
  return new ConcurrencyConflict(
    stream,
    expected ?? expectedVersionFromRevision(error.expectedVersion),
    versionFromRevision(error.actualVersion),
  );
}

// ---------------------------------------------------------------------------------------
// The command index: ESDB has no secondary index, so each command gets a small stream
// listing the events it appended.

export const COMMAND_INDEX_STREAM_PREFIX = 'ledger-command-';
export const COMMAND_INDEX_EVENT_TYPE = 'CommandRecorded';
/** Namespace of the index events' UUID v5 ids (fixed: a retried index write must get the same id). */
const COMMAND_INDEX_NAMESPACE = 'b1d3e7a2-5c4f-4e8b-9a1d-2f6e8c0b7d34';

export interface CommandIndexEntry {
  readonly id: string;
  readonly stream: string;
  readonly streamVersion: number;
}

export interface CommandIndexData {
  readonly commandId: string;
  /** In append order. */
  readonly events: readonly CommandIndexEntry[];
}

export function commandIndexStream(commandId: string): string {
  return `${COMMAND_INDEX_STREAM_PREFIX}${commandId}`;
}

export function isCommandIndexStream(stream: string): boolean {
  return stream.startsWith(COMMAND_INDEX_STREAM_PREFIX);
}

/** Groups appended events by their command, keeping append order within each. */
export function commandIndexesFor(events: readonly StoredEvent[]): CommandIndexData[] {
  const byCommand = new Map<string, CommandIndexEntry[]>();
  for (const event of events) {
    const entries = byCommand.get(event.metadata.commandId) ?? [];
    entries.push({ id: event.id, stream: event.stream, streamVersion: event.streamVersion });
    byCommand.set(event.metadata.commandId, entries);
  }
  return [...byCommand].map(([commandId, entries]) => ({ commandId, events: entries }));
}

/** The one index event of a command. Its id depends on the command only, so a retried write is idempotent. */
export function toCommandIndexEventData(index: CommandIndexData): EventData {
  return jsonEvent({
    id: uuidv5(`command-index:${index.commandId}`, COMMAND_INDEX_NAMESPACE),
    type: COMMAND_INDEX_EVENT_TYPE,
    data: { commandId: index.commandId, events: index.events.map((e) => ({ ...e })) },
  });
}

/** Reads an index event back; throws when the record is not one. */
export function fromCommandIndexEvent(resolved: EsdbResolvedEvent): CommandIndexData {
  const event = resolved.event;
  if (event === undefined || event.type !== COMMAND_INDEX_EVENT_TYPE || !event.isJson || !isCommandIndexStream(event.streamId)) {
    throw new Error(`Not a ${COMMAND_INDEX_EVENT_TYPE} event: ${event?.id ?? 'no event'} in ${event?.streamId ?? '?'}`);
  }
  const data = event.data as Partial<CommandIndexData> | null;
  const entries = data?.events;
  if (typeof data?.commandId !== 'string' || !Array.isArray(entries) || !entries.every(isIndexEntry)) {
    throw new Error(`Malformed ${COMMAND_INDEX_EVENT_TYPE} event ${event.id} in ${event.streamId}`);
  }
  return { commandId: data.commandId, events: entries };
}

function isIndexEntry(value: unknown): value is CommandIndexEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry['id'] === 'string' && typeof entry['stream'] === 'string' && Number.isSafeInteger(entry['streamVersion']);
}

import {
  ANY,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type EventData,
  type JSONRecordedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { ConcurrencyConflict } from '../../src/domain/ledger-errors';
import { eventIdFor } from '../../src/domain/identity';
import type { NewEvent, StoredEvent } from '../../src/events/event-envelope';
import {
  COMMAND_INDEX_EVENT_TYPE,
  commandIndexStream,
  commandIndexesFor,
  expectedVersionFromRevision,
  fromCommandIndexEvent,
  isCommandIndexStream,
  isLinkEvent,
  isStreamNotFound,
  isSystemEvent,
  isWrongExpectedVersion,
  notALedgerEvent,
  positionOf,
  readPositionAfter,
  toCommandIndexEventData,
  toConcurrencyConflict,
  toEsdbMetadata,
  toEsdbPosition,
  toEventData,
  toExpectedRevision,
  toStoredEvent,
  toStoredEventOrSkip,
  versionFromRevision,
} from '../../src/event-store/eventstoredb/eventstoredb-mapping';
import { newEvent } from '../support/fixtures';

const RECORDED_AT = '2026-01-15T09:00:00.000Z';

/**
 * What the server hands back for an appended EventData, the way the client builds it:
 * data and metadata go over the wire as JSON (append.js) and are JSON.parsed on read
 * (convertGrpcEvent.js).
 */
function recorded(
  data: EventData,
  at: { stream: string; revision: bigint; position: bigint },
): JSONRecordedEvent & { position: { commit: bigint; prepare: bigint } } {
  return {
    streamId: at.stream,
    id: data.id,
    isJson: true,
    revision: at.revision,
    type: data.type,
    created: new Date(RECORDED_AT),
    data: JSON.parse(JSON.stringify(data.data)) as JSONRecordedEvent['data'],
    metadata: data.metadata === undefined ? undefined : (JSON.parse(JSON.stringify(data.metadata)) as JSONRecordedEvent['metadata']),
    position: { commit: at.position, prepare: at.position },
  };
}

/** As read from $all: the commit position is on the resolved event. */
function fromAll(data: EventData, at: { stream: string; revision: bigint; position: bigint }): AllStreamResolvedEvent {
  return { event: recorded(data, at), commitPosition: at.position };
}

function systemRecord(type: string, stream: string, position: bigint): AllStreamResolvedEvent {
  return {
    event: {
      streamId: stream,
      id: '0b6c4a3e-1f2d-4a5b-8c7d-9e0f1a2b3c4d',
      isJson: true,
      revision: 0n,
      type,
      created: new Date(RECORDED_AT),
      data: {},
      metadata: undefined,
      position: { commit: position, prepare: position },
    },
    commitPosition: position,
  };
}

describe('EventStoreDB mapping', () => {
  describe('expected version → expectedRevision', () => {
    it('maps 0 ("the stream must not exist") to NO_STREAM', () => {
      expect(toExpectedRevision(0)).toBe(NO_STREAM);
    });

    it('maps a 1-based version n to the 0-based revision n-1', () => {
      expect(toExpectedRevision(1)).toBe(0n);
      expect(toExpectedRevision(2)).toBe(1n);
      expect(toExpectedRevision(1000)).toBe(999n);
    });

    it("maps 'any' to ANY", () => {
      expect(toExpectedRevision('any')).toBe(ANY);
    });

    it('rejects a negative or fractional version', () => {
      expect(() => toExpectedRevision(-1)).toThrow(RangeError);
      expect(() => toExpectedRevision(1.5)).toThrow(RangeError);
    });
  });

  describe('revision → version', () => {
    it('counts a missing stream as version 0 and revision r as version r+1', () => {
      expect(versionFromRevision(NO_STREAM)).toBe(0);
      expect(versionFromRevision(0n)).toBe(1);
      expect(versionFromRevision(41n)).toBe(42);
    });

    it("translates ESDB's expected revisions back into our notation", () => {
      expect(expectedVersionFromRevision(ANY)).toBe('any');
      expect(expectedVersionFromRevision(NO_STREAM)).toBe(0);
      expect(expectedVersionFromRevision(4n)).toBe(5);
      expect(expectedVersionFromRevision('stream_exists')).toBe('stream_exists');
    });
  });

  describe('NewEvent → ESDB event data', () => {
    it('keeps id and type, writes JSON data, and puts schemaVersion and the full metadata with recordedAt in ESDB metadata', () => {
      // Given an event from a command
      const event = newEvent('GroupEstablished', { name: 'Länsgemensam ledning i samverkan' });

      // When it is turned into ESDB event data
      const data = toEventData(event, RECORDED_AT);

      // Then
      expect(data).toMatchObject({ id: event.id, type: 'GroupEstablished', contentType: 'application/json' });
      expect(data.data).toEqual({ name: 'Länsgemensam ledning i samverkan' });
      expect(data.metadata).toEqual({
        ...event.metadata,
        recordedAt: RECORDED_AT,
        schemaVersion: 1,
        $correlationId: event.metadata.correlationId,
        $causationId: event.metadata.causationId,
      });
    });

    it('keeps the deterministic event id of a command, which is what lets ESDB dedupe a retry', () => {
      const commandId = '3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
      const event: NewEvent = { ...newEvent('A', {}, commandId), id: eventIdFor(commandId, 0) };
      expect(toEventData(event, RECORDED_AT).id).toBe(eventIdFor(commandId, 0));
    });

    it("overwrites a recordedAt sent by the client with the store's", () => {
      // Given a client that forged recordedAt
      const event = newEvent('A');
      const forged = { ...event, metadata: { ...event.metadata, recordedAt: '1999-01-01T00:00:00.000Z' } };

      // When
      const metadata = toEsdbMetadata(forged, RECORDED_AT);

      // Then
      expect(metadata.recordedAt).toBe(RECORDED_AT);
    });
  });

  describe('ESDB resolved event → StoredEvent', () => {
    it('round-trips id, type, schemaVersion, data with Swedish characters, metadata and recordedAt', () => {
      // Given a new event with Swedish text, schema version 3 and a full source reference
      const base = newEvent('MemberAppointed', {
        person: 'Åsa Öberg-Jilkén',
        group: 'Samordnande grupp äldre',
        note: 'Ersätter Göran Ärlig (§ 12, Kalmar län)',
      });
      const event: NewEvent = {
        ...base,
        schemaVersion: 3,
        metadata: {
          ...base.metadata,
          source: { document: 'Protokoll LLS 2025-02-28', item: '§ 7', registryNumber: 'RS 2025/0042' },
          decidedOn: '2025-02-28',
        },
      };

      // When it is written to ESDB and read back from $all
      const stored = toStoredEvent(
        fromAll(toEventData(event, RECORDED_AT), { stream: 'group-abc', revision: 4n, position: 123_456n }),
      );

      // Then the envelope is what was written, placed by ESDB
      const expected: StoredEvent = {
        id: event.id,
        type: 'MemberAppointed',
        schemaVersion: 3,
        stream: 'group-abc',
        streamVersion: 5,
        position: 123_456,
        data: event.data,
        metadata: { ...event.metadata, recordedAt: RECORDED_AT },
      };
      expect(stored).toEqual(expected);
      expect(stored.metadata).not.toHaveProperty('schemaVersion');
      expect(stored.metadata).not.toHaveProperty('$correlationId');
    });

    it('takes the position from the record itself when read from a stream (no commitPosition on the resolved event)', () => {
      // Given a stream read, where the client sets event.position but not commitPosition
      const data = toEventData(newEvent('A'), RECORDED_AT);
      const resolved: ResolvedEvent = { event: recorded(data, { stream: 's', revision: 0n, position: 777n }) };

      // Then
      expect(toStoredEvent(resolved)).toMatchObject({ stream: 's', streamVersion: 1, position: 777 });
      expect(positionOf(resolved)).toBe(777);
    });

    it('refuses a record without a usable log position (servers before 22.6 send none or 2^64-1)', () => {
      const data = toEventData(newEvent('A'), RECORDED_AT);
      const withoutPosition: ResolvedEvent = { event: { ...recorded(data, { stream: 's', revision: 0n, position: 1n }), position: undefined } };
      const noPosition: ResolvedEvent = { event: recorded(data, { stream: 's', revision: 0n, position: 18_446_744_073_709_551_615n }) };

      expect(() => positionOf(withoutPosition)).toThrow(/no usable log position/);
      expect(() => toStoredEvent(noPosition)).toThrow(/no usable log position/);
    });

    it('rejects system events and skips them in $all reads', () => {
      // Given records ESDB writes itself
      const records = [
        systemRecord('$metadata', '$$group-abc', 10n),
        systemRecord('$statsCollected', '$stats-127.0.0.1:2113', 11n),
        systemRecord('$ProjectionsInitialized', '$projections-$all', 12n),
      ];

      // Then
      for (const record of records) {
        expect(isSystemEvent(record)).toBe(true);
        expect(notALedgerEvent(record)).toMatch(/system event/);
        expect(() => toStoredEvent(record)).toThrow(/Not a ledger event/);
        expect(toStoredEventOrSkip(record)).toBeUndefined();
      }
    });

    it('rejects link events, resolved or not', () => {
      // Given a link as read without resolution, and a resolved link
      const link = systemRecord('$>', '$ce-group', 20n);
      const target = fromAll(toEventData(newEvent('A'), RECORDED_AT), { stream: 'group-abc', revision: 0n, position: 5n });
      const resolvedLink: AllStreamResolvedEvent = {
        event: target.event,
        link: {
          streamId: '$ce-group',
          id: link.event!.id,
          isJson: false,
          revision: 0n,
          type: '$>',
          created: new Date(RECORDED_AT),
          data: new TextEncoder().encode('0@group-abc'),
          metadata: {},
          position: { commit: 20n, prepare: 20n },
        },
        commitPosition: 20n,
      };

      // Then
      expect(isLinkEvent(link)).toBe(true);
      expect(isLinkEvent(resolvedLink)).toBe(true);
      expect(() => toStoredEvent(resolvedLink)).toThrow(/link event/);
      expect(toStoredEventOrSkip(link)).toBeUndefined();
      expect(toStoredEventOrSkip(resolvedLink)).toBeUndefined();
    });

    it("skips events without the ledger's envelope (another application's data on a shared server)", () => {
      const foreign: AllStreamResolvedEvent = {
        event: { ...systemRecord('OrderPlaced', 'order-1', 30n).event!, metadata: { traceId: 'x' } },
        commitPosition: 30n,
      };
      expect(isSystemEvent(foreign)).toBe(false);
      expect(notALedgerEvent(foreign)).toMatch(/does not carry the ledger's metadata/);
      expect(toStoredEventOrSkip(foreign)).toBeUndefined();
    });

    it('skips the command index streams', () => {
      const stored = storedEvent({ id: 'e1', stream: 'group-abc', streamVersion: 1 });
      const [index] = commandIndexesFor([stored]);
      const record = fromAll(toCommandIndexEventData(index!), { stream: commandIndexStream('cmd-1'), revision: 0n, position: 40n });

      expect(notALedgerEvent(record)).toMatch(/command index/);
      expect(toStoredEventOrSkip(record)).toBeUndefined();
    });
  });

  describe('position → ESDB position', () => {
    it('uses the number as both commit and prepare position (every gRPC-written event commits itself)', () => {
      expect(toEsdbPosition(123_456)).toEqual({ commit: 123_456n, prepare: 123_456n });
    });

    it('starts at the beginning for position 0 and at the event otherwise', () => {
      expect(readPositionAfter(0)).toBe(START);
      expect(readPositionAfter(42)).toEqual({ commit: 42n, prepare: 42n });
    });

    it('round-trips a position read from $all', () => {
      const record = fromAll(toEventData(newEvent('A'), RECORDED_AT), { stream: 's', revision: 0n, position: 9_876_543n });
      expect(toEsdbPosition(positionOf(record))).toEqual(record.event!.position);
    });

    it('rejects negative or fractional positions', () => {
      expect(() => toEsdbPosition(-1)).toThrow(RangeError);
      expect(() => toEsdbPosition(0.5)).toThrow(RangeError);
    });
  });

  describe('WrongExpectedVersionError → ConcurrencyConflict', () => {
    it('reports the actual version as current revision + 1', () => {
      // Given ESDB's error for a stream at revision 1 (two events) when we expected version 5
      const error = new WrongExpectedVersionError(undefined, { streamName: 'group-abc', expected: 4n, current: 1n });

      // When
      const conflict = toConcurrencyConflict(error, 5);

      // Then
      expect(conflict).toBeInstanceOf(ConcurrencyConflict);
      expect(conflict).toMatchObject({ stream: 'group-abc', expectedVersion: 5, actualVersion: 2, status: 409 });
      expect(conflict.message).toBe('Stream group-abc is at version 2, expected 5');
    });

    it('reports actual version 0 when the stream did not exist', () => {
      const error = new WrongExpectedVersionError(undefined, { streamName: 'group-new', expected: 0n, current: NO_STREAM });
      expect(toConcurrencyConflict(error, 1)).toMatchObject({ stream: 'group-new', expectedVersion: 1, actualVersion: 0 });
    });

    it("translates ESDB's expected revision when the caller's is not given", () => {
      const existing = new WrongExpectedVersionError(undefined, { streamName: 's', expected: NO_STREAM, current: 0n });
      expect(toConcurrencyConflict(existing)).toMatchObject({ stream: 's', expectedVersion: 0, actualVersion: 1 });
    });

    it('recognises the error by class and by its type tag, and StreamNotFoundError likewise', () => {
      const wrong = new WrongExpectedVersionError(undefined, { streamName: 's', expected: ANY, current: 0n });
      const tagged = Object.assign(new Error('from another copy of the client'), { type: 'wrong-expected-version' });
      expect(isWrongExpectedVersion(wrong)).toBe(true);
      expect(isWrongExpectedVersion(tagged)).toBe(true);
      expect(isWrongExpectedVersion(new Error('other'))).toBe(false);
      expect(isStreamNotFound(new StreamNotFoundError(undefined, 's'))).toBe(true);
      expect(isStreamNotFound(wrong)).toBe(false);
    });
  });

  describe('command index', () => {
    it('names one stream per command and recognises it', () => {
      expect(commandIndexStream('abc')).toBe('ledger-command-abc');
      expect(isCommandIndexStream('ledger-command-abc')).toBe(true);
      expect(isCommandIndexStream('group-abc')).toBe(false);
    });

    it('groups appended events by command in append order and reads the index event back', () => {
      // Given a batch with two commands' events across two streams
      const events = [
        storedEvent({ id: 'e1', stream: 'group-a', streamVersion: 3, commandId: 'c1' }),
        storedEvent({ id: 'e2', stream: 'person-b', streamVersion: 1, commandId: 'c1' }),
        storedEvent({ id: 'e3', stream: 'group-a', streamVersion: 4, commandId: 'c2' }),
      ];

      // When indexed, written and read back
      const indexes = commandIndexesFor(events);
      const first = toCommandIndexEventData(indexes[0]!);
      const readBack = fromCommandIndexEvent(fromAll(first, { stream: commandIndexStream('c1'), revision: 0n, position: 50n }));

      // Then
      expect(indexes.map((i) => i.commandId)).toEqual(['c1', 'c2']);
      expect(first.type).toBe(COMMAND_INDEX_EVENT_TYPE);
      expect(readBack).toEqual({
        commandId: 'c1',
        events: [
          { id: 'e1', stream: 'group-a', streamVersion: 3 },
          { id: 'e2', stream: 'person-b', streamVersion: 1 },
        ],
      });
    });

    it('gives the index event an id that depends on the command only, so writing it again is idempotent', () => {
      const a = toCommandIndexEventData({ commandId: 'c1', events: [] });
      const b = toCommandIndexEventData({ commandId: 'c1', events: [{ id: 'e1', stream: 's', streamVersion: 1 }] });
      const c = toCommandIndexEventData({ commandId: 'c2', events: [] });
      expect(a.id).toBe(b.id);
      expect(a.id).not.toBe(c.id);
    });

    it('refuses a record that is not an index event', () => {
      const ledgerEvent = fromAll(toEventData(newEvent('A'), RECORDED_AT), { stream: 'group-a', revision: 0n, position: 1n });
      expect(() => fromCommandIndexEvent(ledgerEvent)).toThrow(/Not a CommandRecorded event/);
    });
  });
});

function storedEvent(at: { id: string; stream: string; streamVersion: number; commandId?: string }): StoredEvent {
  const event = newEvent('A', {}, at.commandId);
  return {
    ...event,
    id: at.id,
    stream: at.stream,
    streamVersion: at.streamVersion,
    position: at.streamVersion * 100,
    metadata: { ...event.metadata, recordedAt: RECORDED_AT },
  };
}

import { DeadlineExceededError, ErrorType, MaxAppendSizeExceededError, StreamDeletedError, UnavailableError } from '@eventstore/db-client';
import { v4 as uuidv4 } from 'uuid';
import { AppendTooLarge, StoreUnavailable, StreamDeleted } from '../../src/domain/ledger-errors';
import { eventIdFor } from '../../src/domain/identity';
import type { StoredEvent } from '../../src/events/event-envelope';
import type { StreamAppend } from '../../src/event-store/event-store.port';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb/eventstoredb-event-store';
import { FixedClock, newEvent } from '../support/fixtures';
import { ScriptedEsdbClient } from '../support/scripted-esdb-client';

/**
 * Retries on EventStoreDB, against a scripted stand-in for its client (no server can run
 * here). The stand-in keeps ESDB's rule that ids are recognised as a retry only at the same
 * expected revision, so a batch decided again at new revisions would be written twice.
 */
describe('EventStoreDB adapter: a retried command finds its own earlier events', () => {
  let fake: ScriptedEsdbClient;
  let store: EventStoreDbEventStore;
  beforeEach(() => {
    fake = new ScriptedEsdbClient();
    store = new EventStoreDbEventStore(fake.asClient(), { clock: new FixedClock() });
  });

  /** What LedgerWriter does: look the command up, and only if it is new decide it (on the streams as they are now) and append. */
  const run = async (commandId: string, streams: readonly string[]): Promise<StoredEvent[]> => {
    const previous = await store.readByCommandId(commandId);
    if (previous.length > 0) return previous;
    const appends: StreamAppend[] = [];
    for (const [i, stream] of streams.entries()) {
      const version = (await store.readStream(stream)).length;
      appends.push({ stream, expectedVersion: version, events: [{ ...newEvent(`Decided${i}`, { i }, commandId), id: eventIdFor(commandId, i) }] });
    }
    return store.append(appends);
  };
  const unavailable = () => Object.assign(new UnavailableError(), { type: ErrorType.UNAVAILABLE });
  const deadline = () => Object.assign(new DeadlineExceededError(), { type: ErrorType.DEADLINE_EXCEEDED });
  const duplicates = () => fake.ledgerEventIds().filter((id, i, all) => all.indexOf(id) !== i);

  it('the stand-in is faithful: the same ids at a new revision are written again, as ESDB does', async () => {
    const event = newEvent('A');
    const data = [{ id: event.id, type: 'A', data: {}, metadata: {}, contentType: 'application/json' as const }];
    await fake.appendToStream('s', data as never, { expectedRevision: 'no_stream' });
    await fake.appendToStream('s', data as never, { expectedRevision: 'no_stream' }); // a retry: recognised
    await fake.appendToStream('s', data as never, { expectedRevision: 0n }); // decided again: written twice
    expect(fake.streams.get('s')!.map((e) => e.id)).toEqual([event.id, event.id]);
  });

  it('given a two-stream batch written to the first stream only, the retry writes the second and nothing twice', async () => {
    const commandId = uuidv4();
    const [a, b] = [`group-${uuidv4()}`, `person-${uuidv4()}`];
    await store.append([{ stream: a, expectedVersion: 0, events: [newEvent('Before')] }]);
    fake.fail({ stream: (s) => s === b, when: 'before', error: unavailable });

    const first = await run(commandId, [a, b]).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(StoreUnavailable);
    expect(first).toMatchObject({ status: 503, outcomeUnknown: true, title: 'Outcome unknown, retry with the same commandId' });
    expect(fake.streams.get(a)).toHaveLength(2);
    expect(fake.streams.get(b)).toBeUndefined();

    const retried = await run(commandId, [a, b]);
    expect(retried.map((e) => [e.stream, e.streamVersion, e.type])).toEqual([[a, 2, 'Decided0'], [b, 1, 'Decided1']]);
    expect(duplicates()).toEqual([]);
    expect(await store.readByCommandId(commandId)).toEqual(retried);
  });

  it('given the answer lost after the events were written, the retry returns them and writes nothing', async () => {
    const commandId = uuidv4();
    const stream = `group-${uuidv4()}`;
    fake.fail({ stream: (s) => s === stream, when: 'after', error: deadline });
    await expect(run(commandId, [stream])).rejects.toMatchObject({ status: 503, outcomeUnknown: true });

    const retried = await run(commandId, [stream]);
    expect(retried.map((e) => e.id)).toEqual([eventIdFor(commandId, 0)]);
    expect(fake.streams.get(stream)).toHaveLength(1);
    expect(duplicates()).toEqual([]);
  });

  it('given an intent that took no effect and a stream moved meanwhile, the retry decides again and writes once', async () => {
    const commandId = uuidv4();
    const stream = `group-${uuidv4()}`;
    fake.fail({ stream: (s) => s === stream, when: 'before', error: unavailable });
    await expect(run(commandId, [stream])).rejects.toBeInstanceOf(StoreUnavailable);
    await store.append([{ stream, expectedVersion: 0, events: [newEvent('SomeoneElse')] }]);

    expect(await store.readByCommandId(commandId)).toEqual([]);
    const retried = await run(commandId, [stream]);
    expect(retried.map((e) => [e.streamVersion, e.type])).toEqual([[2, 'Decided0']]);
    expect(fake.streams.get(`ledger-command-${commandId}`)).toHaveLength(2); // the superseded intent stays: the index is append-only too
    expect(duplicates()).toEqual([]);
  });

  it('given a batch of two commands cut off half way, the second command finds its events through the first one\'s intent', async () => {
    const [c1, c2] = [uuidv4(), uuidv4()];
    const [a, b] = [`group-${uuidv4()}`, `group-${uuidv4()}`];
    const batch: StreamAppend[] = [
      { stream: a, expectedVersion: 0, events: [{ ...newEvent('One', {}, c1), id: eventIdFor(c1, 0) }] },
      { stream: b, expectedVersion: 0, events: [{ ...newEvent('Two', {}, c2), id: eventIdFor(c2, 0) }] },
    ];
    fake.fail({ stream: (s) => s === b, when: 'before', error: unavailable });
    await expect(store.append(batch)).rejects.toBeInstanceOf(StoreUnavailable);

    expect((await store.readByCommandId(c2)).map((e) => e.type)).toEqual(['Two']);
    expect((await store.readByCommandId(c1)).map((e) => e.type)).toEqual(['One']);
    expect(duplicates()).toEqual([]);
  });
});

describe('EventStoreDB adapter: server errors as problem details', () => {
  const stream = 'group-x';
  const attempt = async (error: () => Error) => {
    const fake = new ScriptedEsdbClient().fail({ stream: (s) => s === stream, when: 'before', error });
    const store = new EventStoreDbEventStore(fake.asClient(), { clock: new FixedClock() });
    const thrown = await store.append([{ stream, expectedVersion: 0, events: [newEvent('A')] }]).catch((e: unknown) => e);
    return { thrown, fake };
  };

  it('MaxAppendSizeExceeded: 413 naming the body, and no event stored', async () => {
    const { thrown, fake } = await attempt(() => MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576));
    expect(thrown).toBeInstanceOf(AppendTooLarge);
    expect(thrown).toMatchObject({ status: 413, problems: [{ field: 'body' }] });
    expect(fake.streams.get(stream)).toBeUndefined();
  });

  it('NotLeader: 503, nothing was stored', async () => {
    const { thrown } = await attempt(() => Object.assign(new Error('not leader'), { type: ErrorType.NOT_LEADER }));
    expect(thrown).toMatchObject({ status: 503, outcomeUnknown: false });
  });

  it('DeadlineExceeded on a write: 503 "outcome unknown, retry with the same commandId"', async () => {
    const { thrown } = await attempt(() => Object.assign(new DeadlineExceededError(), { type: ErrorType.DEADLINE_EXCEEDED }));
    expect(thrown).toMatchObject({ status: 503, outcomeUnknown: true });
    expect((thrown as Error).message).toMatch(/retry with the same commandId/);
  });

  it('StreamDeleted: 410, deleted outside the ledger', async () => {
    const { thrown } = await attempt(() => StreamDeletedError.fromStreamName(stream));
    expect(thrown).toBeInstanceOf(StreamDeleted);
    expect(thrown).toMatchObject({ status: 410 });
  });
});

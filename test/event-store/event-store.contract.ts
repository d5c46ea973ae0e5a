import { v4 as uuidv4 } from 'uuid';
import { ConcurrencyConflict } from '../../src/domain/ledger-errors';
import type { StoredEvent } from '../../src/events/event-envelope';
import type { EventStore } from '../../src/event-store/event-store.port';
import { eventHash, GENESIS_HASH } from '../../src/audit/event-hash';
import { newEvent } from '../support/fixtures';

export interface ContractSubject {
  readonly store: EventStore;
  /** Sets the store's clock (a backend whose server owns the clock may ignore it). */
  readonly setClock?: (iso: string) => void;
  readonly dispose: () => Promise<void>;
}

/**
 * The behaviour every EventStore backend must show. Streams get unique names per test,
 * so the suite also runs against a shared server that already holds other data.
 */
export function describeEventStoreContract(
  backend: string,
  open: () => Promise<ContractSubject>,
  describeFn: jest.Describe = describe,
): void {
  describeFn(`EventStore contract: ${backend}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    const streamName = (label: string) => `test-${label}-${uuidv4()}`;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.dispose();
    });

    it('appends to a new stream and reads it back in order with the full envelope', async () => {
      const stream = streamName('new');
      const [a, b] = [newEvent('Something', { n: 1 }), newEvent('Something', { n: 2, text: 'Jilkén' })];
      const stored = await store.append([{ stream, expectedVersion: 0, events: [a, b] }]);

      expect(stored.map((e) => e.streamVersion)).toEqual([1, 2]);
      expect(stored[1]!.position).toBeGreaterThan(stored[0]!.position);
      const read = await store.readStream(stream);
      expect(read).toHaveLength(2);
      expect(read[0]).toMatchObject({ id: a.id, type: 'Something', schemaVersion: 1, stream, streamVersion: 1, data: { n: 1 } });
      expect(read[1]!.data).toEqual({ n: 2, text: 'Jilkén' });
      expect(read[0]!.metadata).toMatchObject({ ...a.metadata });
      expect(read[0]!.metadata.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(read[0]!.position).toBe(stored[0]!.position);
    });

    it('reads only the tail of a stream after a version', async () => {
      const stream = streamName('tail');
      await store.append([{ stream, expectedVersion: 0, events: [newEvent('A'), newEvent('B')] }]);
      await store.append([{ stream, expectedVersion: 2, events: [newEvent('C')] }]);
      expect((await store.readStream(stream, { afterVersion: 1 })).map((e) => [e.type, e.streamVersion])).toEqual([['B', 2], ['C', 3]]);
      expect(await store.readStream(stream, { afterVersion: 3 })).toEqual([]);
      expect((await store.readStream(stream, { afterVersion: 0 })).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      expect(await store.readStream(streamName('missing-tail'), { afterVersion: 2 })).toEqual([]);
    });

    it('reads an unknown stream as empty', async () => {
      expect(await store.readStream(streamName('missing'))).toEqual([]);
    });

    it('appends at the expected version and rejects a stale one without appending anything', async () => {
      const stream = streamName('occ');
      await store.append([{ stream, expectedVersion: 0, events: [newEvent('A')] }]);
      await store.append([{ stream, expectedVersion: 1, events: [newEvent('B')] }]);

      await expect(store.append([{ stream, expectedVersion: 1, events: [newEvent('C')] }])).rejects.toBeInstanceOf(ConcurrencyConflict);
      await expect(store.append([{ stream, expectedVersion: 0, events: [newEvent('C')] }])).rejects.toBeInstanceOf(ConcurrencyConflict);
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B']);
    });

    it('reports the actual version in a conflict', async () => {
      const stream = streamName('occ-detail');
      await store.append([{ stream, expectedVersion: 0, events: [newEvent('A'), newEvent('B')] }]);
      const error = await store.append([{ stream, expectedVersion: 5, events: [newEvent('C')] }]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcurrencyConflict);
      expect((error as ConcurrencyConflict).actualVersion).toBe(2);
    });

    it("appends with 'any' whatever the version", async () => {
      const stream = streamName('any');
      await store.append([{ stream, expectedVersion: 'any', events: [newEvent('A')] }]);
      await store.append([{ stream, expectedVersion: 'any', events: [newEvent('B')] }]);
      expect((await store.readStream(stream)).map((e) => e.streamVersion)).toEqual([1, 2]);
    });

    it('lets exactly one of two concurrent appends at the same version win', async () => {
      const stream = streamName('race');
      await store.append([{ stream, expectedVersion: 0, events: [newEvent('A')] }]);
      const results = await Promise.allSettled([
        store.append([{ stream, expectedVersion: 1, events: [newEvent('B1')] }]),
        store.append([{ stream, expectedVersion: 1, events: [newEvent('B2')] }]),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof ConcurrencyConflict)).toHaveLength(1);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('reads the whole log after a position, in order, with a limit', async () => {
      const head = await store.headPosition();
      const s1 = streamName('all-1');
      const s2 = streamName('all-2');
      await store.append([{ stream: s1, expectedVersion: 0, events: [newEvent('A')] }]);
      await store.append([{ stream: s2, expectedVersion: 0, events: [newEvent('B')] }]);
      await store.append([{ stream: s1, expectedVersion: 1, events: [newEvent('C')] }]);

      const mine = (events: StoredEvent[]) => events.filter((e) => e.stream === s1 || e.stream === s2);
      const all = mine(await store.readAll({ after: head }));
      expect(all.map((e) => e.type)).toEqual(['A', 'B', 'C']);
      const positions = all.map((e) => e.position);
      expect([...positions].sort((x, y) => x - y)).toEqual(positions);

      const afterFirst = mine(await store.readAll({ after: all[0]!.position }));
      expect(afterFirst.map((e) => e.type)).toEqual(['B', 'C']);
      expect(await store.readAll({ after: head, limit: 1 })).toHaveLength(1);
      expect(await store.headPosition()).toBeGreaterThanOrEqual(all[2]!.position);
    });

    it('finds the events a command appended by its commandId', async () => {
      const commandId = uuidv4();
      const stream = streamName('cmd');
      await store.append([{ stream, expectedVersion: 0, events: [newEvent('A', {}, commandId), newEvent('B', {}, commandId)] }]);
      expect((await store.readByCommandId(commandId)).map((e) => e.type)).toEqual(['A', 'B']);
      expect(await store.readByCommandId(uuidv4())).toEqual([]);
    });

    it('sets recordedAt from its own clock, whatever the client sent', async () => {
      subject.setClock?.('2030-06-01T12:00:00.000Z');
      const stream = streamName('clock');
      const event = newEvent('A');
      const forged = { ...event, metadata: { ...event.metadata, recordedAt: '1999-01-01T00:00:00.000Z' } };
      const [stored] = await store.append([{ stream, expectedVersion: 0, events: [forged] }]);
      expect(stored!.metadata.recordedAt).not.toBe('1999-01-01T00:00:00.000Z');
      if (subject.setClock) expect(stored!.metadata.recordedAt).toBe('2030-06-01T12:00:00.000Z');
    });

    it('delivers old and then new events to a catch-up subscription, in order', async () => {
      const stream = streamName('sub');
      const head = await store.headPosition();
      await store.append([{ stream, expectedVersion: 0, events: [newEvent('Old')] }]);

      const seen: string[] = [];
      let resolveTwo: () => void = () => undefined;
      const two = new Promise<void>((resolve) => (resolveTwo = resolve));
      const subscription = store.subscribe({
        after: head,
        onEvent: (e) => {
          if (e.stream !== stream) return;
          seen.push(e.type);
          if (seen.length === 2) resolveTwo();
        },
      });
      await store.append([{ stream, expectedVersion: 1, events: [newEvent('New')] }]);
      await two;
      await subscription.close();
      expect(seen).toEqual(['Old', 'New']);
    });

    it('appends to several streams in one call; all or nothing where the backend claims it', async () => {
      const s1 = streamName('multi-1');
      const s2 = streamName('multi-2');
      await store.append([{ stream: s2, expectedVersion: 0, events: [newEvent('Existing')] }]);
      await expect(
        store.append([
          { stream: s1, expectedVersion: 0, events: [newEvent('A')] },
          { stream: s2, expectedVersion: 0, events: [newEvent('B')] },
        ]),
      ).rejects.toBeInstanceOf(ConcurrencyConflict);
      // A stale version found before writing appends nothing anywhere (ESDB checks every stream first).
      expect(await store.readStream(s2)).toHaveLength(1);
      expect(await store.readStream(s1)).toHaveLength(0);

      const s3 = streamName('multi-3');
      const ok = await store.append([
        { stream: s3, expectedVersion: 0, events: [newEvent('A')] },
        { stream: s2, expectedVersion: 1, events: [newEvent('B')] },
      ]);
      expect(ok.map((e) => e.stream)).toEqual([s3, s2]);
    });

    it('records a hash-chain link with every event, chained per stream over the stored form', async () => {
      const head = await store.headPosition();
      const s1 = streamName('chain-1');
      const s2 = streamName('chain-2');
      await store.append([{ stream: s1, expectedVersion: 0, events: [newEvent('A', { n: 1, skipped: undefined }), newEvent('B', { text: 'Jilkén' })] }]);
      await store.append([
        { stream: s2, expectedVersion: 0, events: [newEvent('C')] },
        { stream: s1, expectedVersion: 2, events: [newEvent('D', { list: [1, 2.5, null] })] },
      ]);
      const records = (await store.readAudit({ after: head })).filter((r) => r.event?.stream === s1 || r.event?.stream === s2);
      expect(records.map((r) => r.event!.type)).toEqual(['A', 'B', 'C', 'D']);
      const heads = new Map<string, string>();
      for (const r of records) {
        const event = r.event!;
        expect(r).toMatchObject({ position: event.position, defect: null, ref: { id: event.id, stream: event.stream, streamVersion: event.streamVersion } });
        const prev = heads.get(event.stream) ?? GENESIS_HASH;
        expect(r.link).toEqual({ position: event.position, eventId: event.id, stream: event.stream, streamVersion: event.streamVersion, prevHash: prev, hash: eventHash(prev, event) });
        heads.set(event.stream, r.link!.hash);
      }
      expect(await store.readAudit({ after: head, limit: 1 })).toHaveLength(1);
    });

    it('writes no link for an append that was rejected', async () => {
      const stream = streamName('chain-occ');
      await store.append([{ stream, expectedVersion: 0, events: [newEvent('A')] }]);
      await expect(store.append([{ stream, expectedVersion: 0, events: [newEvent('B')] }])).rejects.toBeInstanceOf(ConcurrencyConflict);
      const [next] = await store.append([{ stream, expectedVersion: 1, events: [newEvent('C')] }]);
      const record = (await store.readAudit({ after: next!.position - 1, limit: 1 }))[0]!;
      const first = (await store.readStream(stream))[0]!;
      const firstLink = (await store.readAudit({ after: first.position - 1, limit: 1 }))[0]!.link!;
      expect(record.link).toMatchObject({ eventId: next!.id, streamVersion: 2, prevHash: firstLink.hash });
    });
  });
}

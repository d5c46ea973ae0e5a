import { Client } from 'pg';
import { v4 as uuidv4 } from 'uuid';
import { ConcurrencyConflict, StoreUnavailable } from '../../src/domain/ledger-errors';
import type { StoredEvent } from '../../src/events/event-envelope';
import { connectPostgres, type PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { safeInteger } from '../../src/event-store/postgres/postgres-rows';
import { FixedClock, newEvent } from '../support/fixtures';
import { createTestDatabase, describePostgres, type TestDatabase } from '../support/postgres-database';

describe('safeInteger (BIGINT from the driver)', () => {
  it('parses whole numbers JavaScript holds exactly and refuses the rest', () => {
    expect(safeInteger('9007199254740991', 'position')).toBe(9007199254740991);
    expect(safeInteger('42', 'position')).toBe(42);
    expect(() => safeInteger('9007199254740993', 'position')).toThrow(/not a safe integer/);
    expect(() => safeInteger('1e3', 'position')).toThrow(/not a safe integer/);
    expect(() => safeInteger(null, 'position')).toThrow(/NULL/);
  });
});

describePostgres('PostgreSQL event store beyond the contract', () => {
  let database: TestDatabase;
  const open: PostgresEventStore[] = [];
  const connect = async () => {
    const store = await connectPostgres(database.url, new FixedClock(), { pollIntervalMs: 20 });
    open.push(store);
    return store;
  };
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('given 6 concurrent writers, a catch-up reader running meanwhile sees every event exactly once, in position order', async () => {
    const writers = await Promise.all([1, 2, 3, 4, 5, 6].map(() => connect()));
    const reader = await connect();
    const start = await reader.headPosition();
    const written: string[] = [];
    let writing = true;

    const write = async (store: PostgresEventStore, w: number) => {
      const stream = `order-${w}-${uuidv4()}`;
      let version = 0;
      for (let batch = 0; batch < 50; batch++) {
        const events = [newEvent('Ordered', { w, batch }), newEvent('Ordered', { w, batch }), newEvent('Ordered', { w, batch })];
        // Every other batch also writes a second stream: multi-stream transactions interleave too.
        const appends = [{ stream, expectedVersion: version, events: events.slice(0, 2) }, { stream: `${stream}-side`, expectedVersion: 'any' as const, events: events.slice(2) }];
        const stored = await store.append(appends);
        version += 2;
        written.push(...stored.map((e) => e.id));
      }
    };
    const seen: StoredEvent[] = [];
    const read = async () => {
      let after = start;
      for (;;) {
        const done = !writing;
        const page = await reader.readAll({ after, limit: 37 });
        seen.push(...page);
        if (page.length > 0) after = page.at(-1)!.position;
        else if (done) return;
      }
    };
    const subscribed: StoredEvent[] = [];
    const subscription = reader.subscribe({ after: start, onEvent: (e) => void subscribed.push(e) });

    const reading = read();
    await Promise.all(writers.map((store, w) => write(store, w)));
    writing = false;
    await reading;
    while (subscribed.length < written.length) await new Promise((r) => setTimeout(r, 20));
    await subscription.close();

    expect(written).toHaveLength(6 * 50 * 3);
    for (const view of [seen, subscribed]) {
      expect(view.map((e) => e.id).sort()).toEqual([...written].sort());
      const positions = view.map((e) => e.position);
      expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the log, whoever sends them', async () => {
    const store = await connect();
    const stream = `immutable-${uuidv4()}`;
    const [event] = await store.append([{ stream, expectedVersion: 0, events: [newEvent('A', { n: 1 })] }]);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await expect(client.query(`UPDATE ledger_events SET data = '{"n":2}' WHERE id = $1`, [event!.id])).rejects.toThrow(/append-only \(UPDATE refused\)/);
      await expect(client.query('DELETE FROM ledger_events WHERE id = $1', [event!.id])).rejects.toThrow(/append-only \(DELETE refused\)/);
      await expect(client.query('TRUNCATE ledger_events')).rejects.toThrow(/append-only \(TRUNCATE refused\)/);
    } finally {
      await client.end();
    }
    expect((await store.readStream(stream)).map((e) => e.data)).toEqual([{ n: 1 }]);
  });

  it('given a batch already stored (its answer lost), the same batch again returns those events and appends nothing', async () => {
    const store = await connect();
    const commandId = uuidv4();
    const [s1, s2] = [`retry-a-${uuidv4()}`, `retry-b-${uuidv4()}`];
    const batch = [
      { stream: s1, expectedVersion: 0, events: [newEvent('A', {}, commandId)] },
      { stream: s2, expectedVersion: 0, events: [newEvent('B', {}, commandId)] },
    ];
    const first = await store.append(batch);
    const again = await store.append(batch);
    expect(again).toEqual(first.map((e) => expect.objectContaining({ id: e.id, position: e.position })));
    expect(await store.readByCommandId(commandId)).toHaveLength(2);
    expect(await store.readStream(s1)).toHaveLength(1);
  });

  it('given two copies of one command sent at once from two processes, it is stored once and both get its events', async () => {
    const [a, b] = [await connect(), await connect()];
    const commandId = uuidv4();
    const stream = `twice-${uuidv4()}`;
    const batch = [{ stream, expectedVersion: 0, events: [newEvent('A', {}, commandId), newEvent('B', {}, commandId)] }];
    const [ra, rb] = await Promise.all([a.append(batch), b.append(batch)]);
    expect(ra.map((e) => e.position)).toEqual(rb.map((e) => e.position));
    expect(await a.readStream(stream)).toHaveLength(2);
  });

  it('given an event id already in the log under another command, refuses the append with a conflict and writes nothing', async () => {
    const store = await connect();
    const event = newEvent('A');
    await store.append([{ stream: `id-${uuidv4()}`, expectedVersion: 0, events: [event] }]);
    const other = `id-other-${uuidv4()}`;
    const reused = { ...newEvent('B'), id: event.id };
    await expect(store.append([{ stream: other, expectedVersion: 0, events: [newEvent('C'), reused] }])).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect(await store.readStream(other)).toEqual([]);
  });

  it('keeps recordedAt from running backwards across processes whose clocks disagree', async () => {
    const ahead = await connectPostgres(database.url, new FixedClock(new Date('2031-01-01T00:00:00.000Z')));
    const behind = await connectPostgres(database.url, new FixedClock(new Date('2020-01-01T00:00:00.000Z')));
    open.push(ahead, behind);
    await ahead.append([{ stream: `clock-${uuidv4()}`, expectedVersion: 0, events: [newEvent('A')] }]);
    const [late] = await behind.append([{ stream: `clock-${uuidv4()}`, expectedVersion: 0, events: [newEvent('B')] }]);
    expect(late!.metadata.recordedAt).toBe('2031-01-01T00:00:00.000Z');
  });
});

describe('PostgreSQL event store without a server', () => {
  it('refuses to open with a 503 problem, naming the server as unavailable', async () => {
    const error = await connectPostgres('postgres://nobody@127.0.0.1:9/none', new FixedClock()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailable);
    expect((error as StoreUnavailable).status).toBe(503);
  });
});

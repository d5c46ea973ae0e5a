import {
  ANY,
  BACKWARDS,
  END,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type EventData,
  type EventStoreDBClient,
  type JSONRecordedEvent,
} from '@eventstore/db-client';

type Recorded = JSONRecordedEvent & { position: { commit: bigint; prepare: bigint } };

export interface ScriptedFault {
  /** Which write it hits: the stream name (the first write to it that comes). */
  readonly stream: (stream: string) => boolean;
  /** 'before': refused, nothing stored; 'after': stored, but the answer is lost (a crash, a dropped connection). */
  readonly when: 'before' | 'after';
  readonly error: () => Error;
}

/**
 * An in-memory stand-in for EventStoreDB's gRPC client, enough for the adapter's write path:
 * appendToStream with ESDB's rule that a write of ids already stored is recognised as a retry
 * ONLY at the same expected revision (anywhere else the same ids are simply written again),
 * readStream forwards and backwards, readAll forwards and backwards. Faults are scripted.
 */
export class ScriptedEsdbClient {
  readonly streams = new Map<string, Recorded[]>();
  private readonly log: Recorded[] = [];
  private readonly faults: ScriptedFault[] = [];
  private nextPosition = 100n;

  fail(fault: ScriptedFault): this {
    this.faults.push(fault);
    return this;
  }

  asClient(): EventStoreDBClient {
    return this as unknown as EventStoreDBClient;
  }

  /** Every ledger event id in every non-index stream, with duplicates. */
  ledgerEventIds(): string[] {
    return [...this.streams].filter(([name]) => !name.startsWith('ledger-command-')).flatMap(([, events]) => events.map((e) => e.id));
  }

  async appendToStream(stream: string, data: EventData | EventData[], options: { expectedRevision?: AppendExpectedRevision } = {}) {
    const events = Array.isArray(data) ? data : [data];
    const faultIndex = this.faults.findIndex((f) => f.stream(stream));
    const fault = faultIndex >= 0 ? this.faults.splice(faultIndex, 1)[0] : undefined;
    if (fault?.when === 'before') throw fault.error();
    const existing = this.streams.get(stream) ?? [];
    const expected = options.expectedRevision ?? ANY;
    const current = existing.length === 0 ? NO_STREAM : BigInt(existing.length - 1);
    if (expected !== ANY) {
      const from = expected === NO_STREAM ? 0 : expected === 'stream_exists' ? -1 : Number(expected) + 1;
      const already = from >= 0 ? existing.slice(from, from + events.length) : [];
      if (already.length === events.length && already.every((e, i) => e.id === events[i]!.id)) {
        return { success: true, nextExpectedRevision: BigInt(from + events.length - 1), position: already.at(-1)!.position };
      }
      if (from !== existing.length) throw new WrongExpectedVersionError(undefined, { streamName: stream, expected, current });
    }
    for (const e of events) {
      const position = (this.nextPosition += 100n);
      const recorded: Recorded = {
        streamId: stream,
        id: e.id,
        isJson: true,
        revision: BigInt(existing.length),
        type: e.type,
        created: new Date('2026-01-15T09:00:00.000Z'),
        data: JSON.parse(JSON.stringify(e.data)) as Recorded['data'],
        metadata: e.metadata === undefined ? undefined : (JSON.parse(JSON.stringify(e.metadata)) as Recorded['metadata']),
        position: { commit: position, prepare: position },
      };
      existing.push(recorded);
      this.log.push(recorded);
    }
    this.streams.set(stream, existing);
    if (fault?.when === 'after') throw fault.error();
    return { success: true, nextExpectedRevision: BigInt(existing.length - 1), position: existing.at(-1)!.position };
  }

  readStream(stream: string, options: { direction?: string; fromRevision?: bigint | typeof START | typeof END; maxCount?: number | bigint } = {}) {
    const events = this.streams.get(stream);
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    return (async function* () {
      if (events === undefined) throw new StreamNotFoundError(undefined, stream);
      let slice: Recorded[];
      if (options.direction === BACKWARDS) {
        const from = options.fromRevision === undefined || options.fromRevision === END ? events.length - 1 : Number(options.fromRevision);
        slice = events.slice(0, from + 1).reverse();
      } else {
        const from = options.fromRevision === undefined || options.fromRevision === START ? 0 : Number(options.fromRevision);
        slice = events.slice(from);
      }
      for (const event of slice.slice(0, max)) yield { event };
    })();
  }

  readAll(options: { direction?: string; fromPosition?: unknown; maxCount?: number | bigint } = {}) {
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const from = options.fromPosition as { commit: bigint } | string | undefined;
    const log = this.log;
    return (async function* () {
      let slice: Recorded[];
      if (options.direction === BACKWARDS) {
        slice = (typeof from === 'object' ? log.filter((e) => e.position.commit < from.commit) : [...log]).reverse();
      } else {
        slice = typeof from === 'object' ? log.filter((e) => e.position.commit >= from.commit) : [...log];
      }
      for (const event of slice.slice(0, max)) yield { event, commitPosition: event.position.commit };
    })();
  }

  /** A catch-up subscription to $all: from a position (inclusive, as ESDB), then every new record, until unsubscribed. */
  subscribeToAll(options: { fromPosition?: unknown } = {}) {
    const log = this.log;
    const from = options.fromPosition as { commit: bigint } | string | undefined;
    let index = typeof from === 'object' ? log.findIndex((e) => e.position.commit >= from.commit) : 0;
    if (index < 0) index = log.length;
    let closed = false;
    const subscription = {
      on: () => subscription,
      unsubscribe: async () => void (closed = true),
      destroy: () => void (closed = true),
      async *[Symbol.asyncIterator]() {
        while (!closed) {
          const event = log[index];
          if (event === undefined) {
            await new Promise((resolve) => setTimeout(resolve, 5));
            continue;
          }
          index += 1;
          yield { event, commitPosition: event.position.commit };
        }
      },
    };
    return subscription;
  }

  async dispose(): Promise<void> {}
}

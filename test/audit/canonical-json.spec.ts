import fc from 'fast-check';
import { canonicalJson } from '../../src/audit/canonical-json';
import { eventHash, eventHashAsStored, GENESIS_HASH, sha256Hex, type HashedEnvelope } from '../../src/audit/event-hash';
import { merkleRoot } from '../../src/audit/merkle-root';
import { headsRoot } from '../../src/audit/log-digest';

/** Fixed vectors: another implementation of the spec in canonical-json.ts / event-hash.ts must produce these bytes and hashes. */
describe('canonical JSON', () => {
  it.each([
    [null, 'null'],
    [true, 'true'],
    [0, '0'],
    [-0, '0'],
    [1.5, '1.5'],
    [1e21, '1e+21'],
    [1e-7, '1e-7'],
    [123456789012, '123456789012'],
    ['Jilkén', '"Jilkén"'],
    ['tab\there "q" \\ \u0001 \u001f', '"tab\\there \\"q\\" \\\\ \\u0001 \\u001f"'],
    [[3, 'a', [], {}], '[3,"a",[],{}]'],
    [{ b: 1, a: [true, null], c: { z: 'ö', y: undefined } }, '{"a":[true,null],"b":1,"c":{"z":"ö"}}'],
    [{ B: 1, a: 2, _: 3, '10': 4, '9': 5 }, '{"10":4,"9":5,"B":1,"_":3,"a":2}'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('is the same before and after a JSON round trip, whatever the key order', () => {
    const value = { z: { y: [1, { b: 'x', a: 'å' }] }, a: 'Katrín', m: 2.25 };
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
    expect(canonicalJson({ m: 2.25, a: 'Katrín', z: { y: [1, { a: 'å', b: 'x' }] } })).toBe(canonicalJson(value));
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a bigint', 1n],
    ['a function', () => 1],
    ['undefined', undefined],
    ['undefined in an array', [undefined]],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['a hole in an array', [1, , 2]], // eslint-disable-line no-sparse-arrays
  ])('refuses %s', (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('names where the value it refuses lies', () => {
    expect(() => canonicalJson({ data: { items: [1, { at: new Date(0) }] } })).toThrow('not a Date at $.data.items[1].at');
    expect(() => canonicalJson([0, [Number.NaN]])).toThrow('no form for NaN at $[1][0]');
    expect(() => canonicalJson({ a: { f: () => 1 } })).toThrow('no form for a function at $.a.f');
  });

  /** The rules above written as plainly as possible: the reference the writer is held to. */
  const reference = (value: unknown): string => {
    if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
    if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${reference(record[k])}`)
      .join(',')}}`;
  };

  it('writes every JSON value as the plain reference does, and the same before and after a round trip', () => {
    const values = fc.oneof(fc.jsonValue(), fc.jsonValue({ noUnicodeString: false }), fc.constantFrom(-0, 1e21, 1e-7, 5e-324, -1.7976931348623157e308));
    fc.assert(
      fc.property(values, (value) => {
        const written = canonicalJson(value);
        expect(written).toBe(reference(value));
        expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(written);
      }),
      { numRuns: 500 },
    );
  });
});

describe('event hash', () => {
  const event = {
    id: '6a3c2b0e-8f0e-5a55-9d2a-1c4b7e0f9a11',
    type: 'MemberReplaced',
    schemaVersion: 1,
    stream: 'group-1234',
    streamVersion: 2,
    data: { groupId: '1234', incoming: { name: 'Katarina Nilsson Ederam' } },
    metadata: {
      commandId: 'lgl-2025-02-28-item-4',
      commandType: 'ReplaceMember',
      correlationId: 'c',
      causationId: 'c',
      actor: 'test',
      source: { document: 'Protokoll 2025-02-28', item: '4' },
      decidedOn: '2025-02-28',
      effectiveFrom: { date: '2025-02-28', precision: 'day' as const },
      recordedAt: '2026-01-15T09:00:00.000Z',
    },
  };

  // The expected hash was computed outside the product: printf '%s' "$prev$canonical" | sha256sum
  it('is sha256 over the previous hash followed by the canonical envelope (fixed vector)', () => {
    const canonical =
      '{"data":{"groupId":"1234","incoming":{"name":"Katarina Nilsson Ederam"}},"id":"6a3c2b0e-8f0e-5a55-9d2a-1c4b7e0f9a11",' +
      '"metadata":{"actor":"test","causationId":"c","commandId":"lgl-2025-02-28-item-4","commandType":"ReplaceMember","correlationId":"c",' +
      '"decidedOn":"2025-02-28","effectiveFrom":{"date":"2025-02-28","precision":"day"},"recordedAt":"2026-01-15T09:00:00.000Z",' +
      '"source":{"document":"Protokoll 2025-02-28","item":"4"}},"schemaVersion":1,"stream":"group-1234","streamVersion":2,"type":"MemberReplaced"}';
    expect(eventHash(GENESIS_HASH, event)).toBe(sha256Hex(GENESIS_HASH + canonical));
    expect(eventHash(GENESIS_HASH, event)).toBe('89974d75faa97a39284d0cca1baee4a42486bfd5af303d965f49ce78bca7a761');
  });

  it('covers recordedAt, data, the stream version and the previous hash, but not the log position', () => {
    const base = eventHash(GENESIS_HASH, event);
    expect(eventHash(GENESIS_HASH, { ...event, metadata: { ...event.metadata, recordedAt: '2026-01-15T09:00:00.001Z' } })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...event, data: { ...event.data, groupId: '1235' } })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...event, streamVersion: 3 })).not.toBe(base);
    expect(eventHash('1'.repeat(64), event)).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...event, position: 99 } as typeof event)).toBe(base);
  });
});

describe('event hash at append (from the values handed to the store)', () => {
  const envelope = (data: unknown): HashedEnvelope =>
    ({ id: 'e-1', type: 'MemberAppointed', schemaVersion: 1, stream: 'group-1', streamVersion: 1, data, metadata: { commandId: 'c-1', recordedAt: '2026-01-15T09:00:00.000Z', note: undefined } }) as unknown as HashedEnvelope;
  const asStored = (data: unknown): HashedEnvelope => {
    const e = envelope(data);
    return { ...e, data: JSON.parse(JSON.stringify(e.data)) as unknown, metadata: JSON.parse(JSON.stringify(e.metadata)) as HashedEnvelope['metadata'] };
  };

  it('is the hash of the event as a reader of its row gets it back, for any value JSON can store', () => {
    // Values a caller may hand over: JSON, and what JSON.stringify changes or drops on the way (undefined, -0, NaN, Dates, holes).
    const odd = fc.constantFrom<unknown>(undefined, -0, Number.NaN, new Date(0), [1, , 2], [undefined], { toJSON: undefined }); // eslint-disable-line no-sparse-arrays
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue(), odd, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 4 })),
    }));
    fc.assert(
      fc.property(value, (data) => {
        fc.pre(data !== undefined);
        expect(eventHashAsStored(GENESIS_HASH, envelope(data), () => asStored(data))).toBe(eventHash(GENESIS_HASH, asStored(data)));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the stored form back only when canonical JSON refuses a value handed over', () => {
    let readBack = 0;
    const stored = (data: unknown) => () => {
      readBack += 1;
      return asStored(data);
    };
    eventHashAsStored(GENESIS_HASH, envelope({ a: 1, b: undefined }), stored({ a: 1, b: undefined }));
    expect(readBack).toBe(0);
    eventHashAsStored(GENESIS_HASH, envelope({ at: new Date(0) }), stored({ at: new Date(0) }));
    expect(readBack).toBe(1);
  });
});

describe('Merkle root (RFC 6962)', () => {
  it('has the known value for no leaves and follows the split rule', () => {
    expect(merkleRoot([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const leaf = (s: string) => require('node:crypto').createHash('sha256').update(Buffer.concat([Buffer.from([0]), Buffer.from(s)])).digest();
    const node = (l: Buffer, r: Buffer) => require('node:crypto').createHash('sha256').update(Buffer.concat([Buffer.from([1]), l, r])).digest();
    expect(merkleRoot(['a'])).toBe(leaf('a').toString('hex'));
    // Three leaves: k = 2, so MTH = node(node(a, b), c).
    expect(merkleRoot(['a', 'b', 'c'])).toBe(node(node(leaf('a'), leaf('b')), leaf('c')).toString('hex'));
  });

  it('over stream heads, depends on every head', () => {
    const heads = [
      { stream: 'a', streamVersion: 1, hash: '1'.repeat(64) },
      { stream: 'b', streamVersion: 2, hash: '2'.repeat(64) },
    ];
    expect(headsRoot(heads)).not.toBe(headsRoot([heads[0]!, { ...heads[1]!, streamVersion: 3 }]));
  });
});

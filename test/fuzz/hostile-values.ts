import fc from 'fast-check';

/** Values an attacker or a broken client sends: the kinds that have broken parsers before. */
export const hostileString = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE events; --",
    '" OR 1=1 --',
    "x' UNION SELECT * FROM access_tokens --",
    '%',
    '_',
    '\u0000',
    '\ud800', // a lone surrogate: not valid Unicode
    '\udfff\ud800',
    '\u202eevil',
    '2025-02-30',
    '2025-13-01',
    '2025-02-28T25:00:00Z',
    '0000-00-00',
    'unknown',
    '',
    ' ',
    '__proto__',
    'constructor',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '${7*7}',
    'Ärende ÅÄÖ é ø 👩‍⚖️',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => 'x'.repeat(n)),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, -0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  fc.integer({ min: 50, max: 3000 }).map((depth) => new Deep(depth)), // expanded by toJson
);

/** Stands for `depth` nested arrays; a class, so no mutated plain object can pass for one. */
export class Deep {
  constructor(readonly depth: number) {}
}

export const hostileKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$where', 'recordedAt', 'actor'), fc.string({ maxLength: 12 }));

/**
 * Serialises with keys such as "__proto__" kept as own keys (JSON.stringify would drop a
 * real prototype) and a `Deep` expanded into nested arrays.
 */
export function toJson(value: unknown): string {
  if (value instanceof Deep) return '['.repeat(value.depth) + ']'.repeat(value.depth);
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

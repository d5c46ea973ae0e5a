/**
 * Canonical JSON: the one byte string a value hashes as, so any implementation can
 * recompute an event's hash. It is RFC 8785 (JSON Canonicalization Scheme) for the values
 * the ledger stores:
 *
 * 1. `null`, `true`, `false` as those literals.
 * 2. Numbers: finite only (NaN and ±Infinity are refused), written as ECMAScript writes
 *    them (`JSON.stringify`): the shortest form that reads back to the same double, no
 *    `+` or leading zeros, exponent only from 1e21 up and below 1e-6 (`1e+21`, `1e-7`),
 *    and `-0` as `0`.
 * 3. Strings in double quotes; `"` and `\` escaped with a backslash; U+0008, U+0009,
 *    U+000A, U+000C, U+000D as `\b \t \n \f \r`; the other control characters below
 *    U+0020 as `\u00xx` (lower-case hex); every other character as itself (no `\u` escapes
 *    for non-ASCII: "Jilkén" stays "Jilkén").
 * 4. Arrays: `[` elements `,` `]`, in order, no whitespace.
 * 5. Objects: members sorted by key, comparing keys as sequences of UTF-16 code units
 *    (for the ASCII keys the ledger uses, plain byte order); `{` `"key":value` `,` `}`, no
 *    whitespace. A member whose value is `undefined` is left out (as `JSON.stringify`
 *    does, so a value hashes the same before and after a round trip through storage).
 * 6. Anything else (undefined outside an object member, functions, symbols, bigints,
 *    Dates, Maps, class instances) is refused with a TypeError: it has no stored form.
 *
 * The resulting string is hashed as its UTF-8 bytes.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${String(value)} at ${path}`);
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonical JSON has no form for a ${typeof value} at ${path}`);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => write(item, `${path}[${i}]`)).join(',')}]`;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  // Object.prototype of any realm (rows from a native module, a Jest sandbox) or none.
  if (prototype !== null && Object.getPrototypeOf(prototype) !== null) {
    throw new TypeError(`canonical JSON takes plain objects only, not a ${(value as object).constructor?.name ?? 'object'} at ${path}`);
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`)}`);
  return `{${members.join(',')}}`;
}

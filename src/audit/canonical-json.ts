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
  return write(value, []);
}

/**
 * `path` is the way down to `value` (keys and indexes), pushed and popped as the writer
 * descends: the text of a path (`$.data.items[2]`) is built only for a refusal, not for
 * every value written.
 */
function write(value: unknown, path: (string | number)[]): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${String(value)} at ${pathText(path)}`);
      // What JSON.stringify writes for a finite number: Number::toString (so -0 as "0").
      return String(value);
    case 'string':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonical JSON has no form for a ${typeof value} at ${pathText(path)}`);
  }
  if (Array.isArray(value)) {
    let text = '[';
    // Every index, holes included: a hole reads as undefined and is refused like one.
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += ',';
      path.push(i);
      text += write(value[i], path);
      path.pop();
    }
    return `${text}]`;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  // Object.prototype of any realm (rows from a native module, a Jest sandbox) or none.
  if (prototype !== null && Object.getPrototypeOf(prototype) !== null) {
    throw new TypeError(`canonical JSON takes plain objects only, not a ${(value as object).constructor?.name ?? 'object'} at ${pathText(path)}`);
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let text = '{';
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (text.length > 1) text += ',';
    path.push(key);
    text += quotedKey(key) + write(member, path);
    path.pop();
  }
  return `${text}}`;
}

/**
 * `"key":` as JSON writes it. The events' keys are few and repeat in every event, so they
 * are quoted once (a fifth of the writer's time went to quoting them again); the cache
 * stops growing at its limit, so keys a client makes up cannot fill memory.
 */
const QUOTED_KEYS = new Map<string, string>();
const QUOTED_KEYS_LIMIT = 10_000;

function quotedKey(key: string): string {
  let quoted = QUOTED_KEYS.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (QUOTED_KEYS.size < QUOTED_KEYS_LIMIT) QUOTED_KEYS.set(key, quoted);
  }
  return quoted;
}

function pathText(path: readonly (string | number)[]): string {
  return `$${path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('')}`;
}

import fc from 'fast-check';

/** The part of JSON Schema that GET /commands uses. */
export interface JsonSchema {
  readonly type?: string;
  readonly properties?: Record<string, JsonSchema>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly oneOf?: readonly JsonSchema[];
  readonly $ref?: string;
  readonly pattern?: string;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxItems?: number;
}

/** What the ledger already holds, by kind, so generated references mostly point at real things. */
export interface RefPools {
  readonly group: readonly string[];
  readonly person: readonly string[];
  readonly party: readonly string[];
  readonly grant: readonly string[];
  readonly meeting: readonly string[];
  readonly project: readonly string[];
  readonly event: readonly string[];
}

/** Which pool a string property named so refers to. */
const POOL_OF: Record<string, keyof RefPools> = {
  group: 'group', parent: 'group', body: 'group',
  person: 'person', outgoing: 'person', incoming: 'person', chair: 'person', signers: 'person',
  party: 'party', representing: 'party', organisation: 'party', holder: 'party', recipient: 'party', issuer: 'party', payer: 'party', owner: 'party', ratifier: 'party', forum: 'party',
  grant: 'grant', meeting: 'meeting', project: 'project', event: 'event',
};

const SLUG = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
const DAY = fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const EFFECTIVE = fc.oneof({ weight: 4, arbitrary: DAY }, DAY.map((d) => d.slice(0, 7)), DAY.map((d) => d.slice(0, 4)));
const TEXT = fc.oneof(fc.constantFrom('Beslut', 'Region Kalmar län', 'Ärende ÅÄÖ', 'x'), fc.string({ minLength: 1, maxLength: 30 }).filter((s) => /\p{L}/u.test(s)));

/**
 * Arbitraries of values that satisfy `schema` (as far as the schema says: the validators
 * behind it check more, and the rules of the ledger more still), drawn so that a good share
 * of generated commands reach the deciders and some are applied.
 */
export function schemaArbitrary(schema: JsonSchema, definitions: Record<string, JsonSchema>, pools: RefPools, name = ''): fc.Arbitrary<unknown> {
  if (schema.oneOf) return fc.oneof(...schema.oneOf.map((s) => schemaArbitrary(s, definitions, pools, name)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.$ref && !schema.properties) {
    const target = definitions[schema.$ref.replace('#/definitions/', '')];
    return target?.properties ? schemaArbitrary(target, definitions, pools, name) : fc.anything();
  }
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema, pools, name);
    case 'integer':
      return fc.oneof(fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 10_000_000, 10_000_000) }), fc.constantFrom(schema.minimum ?? 0));
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schemaArbitrary(schema.items ?? {}, definitions, pools, name), { maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'object':
    default: {
      if (!schema.properties && name === 'data') {
        // CorrectEvent.data: "validated like the command that recorded the event"; its shapes are the *CorrectionDto definitions.
        const shapes = Object.entries(definitions).filter(([key]) => key.endsWith('CorrectionDto'));
        if (shapes.length > 0) return fc.oneof(...shapes.map(([, s]) => schemaArbitrary(s, definitions, pools, 'data-fields')));
      }
      if (!schema.properties) return fc.dictionary(fc.constantFrom('role', 'title', 'effectiveFrom', 'x'), fc.oneof(TEXT, EFFECTIVE), { maxKeys: 2 });
      const model = Object.fromEntries(Object.entries(schema.properties).map(([key, s]) => [key, schemaArbitrary(s, definitions, pools, key)]));
      return fc.record(model, { requiredKeys: [...(schema.required ?? [])].filter((k) => k in model) });
    }
  }
}

function stringArbitrary(schema: JsonSchema, pools: RefPools, name: string): fc.Arbitrary<string> {
  const pool = POOL_OF[name];
  if (pool) {
    const known = pools[pool];
    const fresh = pool === 'event' ? fc.uuid() : SLUG;
    return known.length > 0 ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...known) }, fresh) : fresh;
  }
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date') return DAY;
  switch (schema.pattern) {
    case '^\\d{4}(-\\d{2}(-\\d{2})?)?$':
      return EFFECTIVE;
    case '^(\\d{4}(-\\d{2}(-\\d{2})?)?|unknown)$':
      return fc.oneof({ weight: 5, arbitrary: EFFECTIVE }, fc.constant('unknown'));
    case '^[a-z0-9]+(?:-[a-z0-9]+)*$':
      return SLUG;
    case '^[0-9]{1,3}(\\.[0-9]{1,3})*$':
      return fc.stringMatching(/^[1-9](\.[1-9])?$/);
    case '^[A-Za-z0-9._:-]{1,200}$':
      return fc.stringMatching(/^[A-Za-z0-9._:-]{1,40}$/);
    case undefined:
      return TEXT.map((s) => s.slice(0, schema.maxLength ?? 200));
    default:
      return fc.stringMatching(new RegExp(schema.pattern));
  }
}

/** Every path to a value inside `value` (objects and arrays), the root excluded. */
export function pathsIn(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsIn(child, [...prefix, key])]);
}

/** A copy of `value` with the value at `path` replaced (or removed, for `undefined`). */
export function replaceAt(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  const object = { ...(value as Record<string, unknown>) };
  const next = replaceAt(object[head], rest, replacement);
  if (next === undefined) delete object[head];
  else object[head] = next;
  return object;
}

/** The optional properties of an object schema, for "null where a field may be absent". */
export function optionalKeys(schema: JsonSchema): string[] {
  return Object.keys(schema.properties ?? {}).filter((k) => !(schema.required ?? []).includes(k));
}

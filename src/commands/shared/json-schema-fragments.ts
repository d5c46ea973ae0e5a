import type { JSONSchema } from 'class-validator-jsonschema';

type SchemaObject = Exclude<Parameters<typeof JSONSchema>[0], (...args: never[]) => unknown>;

/** JSON-schema fragments for the custom validators, shown by GET /commands. */
export const REF_SCHEMA: SchemaObject = { type: 'string', description: 'slug (e.g. "samordnande-grupp-aldre") or UUID' };
export const PERSON_REF_SCHEMA: SchemaObject = {
  description: 'a person slug or id, or { "name": "...", "slug"?: "..." } (registered on first use)',
  oneOf: [
    { type: 'string' },
    { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, slug: { type: 'string' } } },
  ],
};
export const DATE_OR_UNKNOWN_SCHEMA: SchemaObject = { type: 'string', pattern: '^(\\d{4}(-\\d{2}(-\\d{2})?)?|unknown)$', description: 'YYYY-MM-DD, YYYY-MM, YYYY or "unknown"' };
export const DATE_SCHEMA: SchemaObject = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'YYYY-MM-DD, YYYY-MM or YYYY (precision kept)' };

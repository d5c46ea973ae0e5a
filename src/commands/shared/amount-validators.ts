import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import type { JSONSchema } from 'class-validator-jsonschema';
import { isAmount, isKronor, MAX_REASON_LENGTH } from '../../domain/money';

type SchemaObject = Exclude<Parameters<typeof JSONSchema>[0], (...args: never[]) => unknown>;

const KRONOR_SCHEMA: SchemaObject = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'whole kronor as a JSON number: 15865911, not "15 865 911" or 15865911.5' };

/** JSON-schema fragments for GET /commands. */
export const AMOUNT_DESCRIPTION = 'whole kronor (a JSON integer ≥ 0), or { "unknown": "<why the sources give no figure>" }';
export const AMOUNT_SCHEMA: SchemaObject = {
  description: AMOUNT_DESCRIPTION,
  oneOf: [KRONOR_SCHEMA, { type: 'object', required: ['unknown'], additionalProperties: false, properties: { unknown: { type: 'string', minLength: 1, maxLength: MAX_REASON_LENGTH } } }],
};
export { KRONOR_SCHEMA };

function decorator(name: string, message: string, validate: (value: unknown) => boolean, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message: (args: ValidationArguments) => `${args.property} ${message}`, ...options },
      validator: { validate: (value: unknown) => validate(value) },
    });
}

const KRONOR_MESSAGE = 'must be whole kronor as a JSON number ≥ 0 (no fractions, no quotes, no thousands separators: 15865911)';

/** Whole kronor, or `{ "unknown": "reason" }` where the sources give no figure. */
export function IsAmount(options?: ValidationOptions) {
  return decorator('isAmount', `${KRONOR_MESSAGE}, or { "unknown": "<reason>" } when the sources give no figure`, isAmount, options);
}

/** Whole kronor, known: invoices and payments are always of a stated sum. */
export function IsKronor(options?: ValidationOptions) {
  return decorator('isKronor', KRONOR_MESSAGE, isKronor, options);
}

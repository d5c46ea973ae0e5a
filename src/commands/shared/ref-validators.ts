import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { parseEffectiveDate } from '../../domain/effective-date';
import { isUuid } from '../../domain/identity';
import { isSlug } from '../../domain/slug';

/**
 * Custom class-validator decorators for the ledger's wire formats. Each also carries a
 * JSON-schema fragment (read by GET /commands) so the schema and the check cannot drift.
 */
export const MAX_NAME_LENGTH = 200;

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

export function isRef(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_NAME_LENGTH && (isSlug(value) || isUuid(value));
}

/** A group or party: its slug ("region-kalmar-lan") or its id (a UUID). */
export function IsRef(options?: ValidationOptions) {
  return decorator('isRef', 'must be a slug (lower-case words joined by "-") or a UUID', isRef, options);
}

export interface PersonRefInput {
  readonly name: string;
  readonly slug?: string;
}
export type PersonRef = string | PersonRefInput;

export function isPersonRef(value: unknown): value is PersonRef {
  if (isRef(value)) return true;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (!keys.every((k) => k === 'name' || k === 'slug')) return false;
  const { name, slug } = value as Record<string, unknown>;
  const nameOk = typeof name === 'string' && name.trim().length > 0 && name.length <= MAX_NAME_LENGTH && /\p{L}/u.test(name);
  const slugOk = slug === undefined || (typeof slug === 'string' && slug.length <= MAX_NAME_LENGTH && isSlug(slug));
  return nameOk && slugOk;
}

/** A person: a slug or id, or `{ "name": "...", "slug"?: "..." }`, created on first use. */
export function IsPersonRef(options?: ValidationOptions) {
  return decorator('isPersonRef', 'must be a person slug or id, or an object { "name": string, "slug"?: string } and nothing else', isPersonRef, options);
}

/** "YYYY-MM-DD" (a real calendar day), "YYYY-MM" or "YYYY"; "unknown" only where allowed. */
export function IsEffectiveDate(allowUnknown: boolean, options?: ValidationOptions) {
  const message = allowUnknown
    ? 'must be a date "YYYY-MM-DD", a month "YYYY-MM", a year "YYYY" or "unknown"'
    : 'must be a date "YYYY-MM-DD", a month "YYYY-MM" or a year "YYYY"';
  return decorator(
    allowUnknown ? 'isEffectiveDateOrUnknown' : 'isEffectiveDate',
    message,
    (value) => {
      if (typeof value !== 'string') return false;
      const parsed = parseEffectiveDate(value);
      return parsed !== null && (allowUnknown || parsed.precision !== 'unknown');
    },
    options,
  );
}

/** A calendar day "YYYY-MM-DD". */
export function IsCalendarDay(options?: ValidationOptions) {
  return decorator('isCalendarDay', 'must be a calendar date "YYYY-MM-DD"', (v) => typeof v === 'string' && parseEffectiveDate(v)?.precision === 'day', options);
}

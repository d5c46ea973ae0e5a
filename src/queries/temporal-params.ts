import { isCalendarDay } from '../domain/effective-date';
import { InvalidInput } from '../domain/ledger-errors';

/**
 * The two clocks of a read: `at` (valid time, a day) and `knownAt` (transaction time).
 * `knownAt: null` means "what the ledger says now".
 */
export interface TemporalParams {
  readonly at: string;
  readonly knownAt: string | null;
}

export function parseAt(value: unknown, today: string, field = 'at'): string {
  if (value === undefined || value === '') return today;
  if (typeof value !== 'string' || !isCalendarDay(value)) throw new InvalidInput(`${field} must be a calendar date YYYY-MM-DD`, [{ field, message: 'must be a calendar date YYYY-MM-DD' }]);
  return value;
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseKnownAt(value: unknown, field = 'knownAt'): string | null {
  if (value === undefined || value === '') return null;
  const fail = () => new InvalidInput(`${field} must be an ISO 8601 timestamp`, [{ field, message: 'must be an ISO 8601 timestamp, e.g. 2026-03-12T10:00:00Z' }]);
  if (typeof value !== 'string' || !ISO_TIMESTAMP.test(value)) throw fail();
  const date = new Date(value.length === 10 ? `${value}T23:59:59.999Z` : value);
  if (Number.isNaN(date.getTime()) || (value.length >= 10 && !isCalendarDay(value.slice(0, 10)))) throw fail();
  return date.toISOString();
}

/** SQL for "rows believed at knownAt" with the parameter bound as @knownAt (null = now). */
export const KNOWN_AT_SQL = `(@knownAt IS NULL AND known_until IS NULL OR @knownAt IS NOT NULL AND known_from <= @knownAt AND (known_until IS NULL OR known_until > @knownAt))`;
export const KNOWN_FROM_SQL = `(@knownAt IS NULL OR known_from <= @knownAt)`;

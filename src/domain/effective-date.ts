/**
 * Valid time with its precision. The sources give a day ("2025-02-28"), a month
 * ("t o m dec 2026" → "2026-12"), a year, or nothing at all ("tidigare deltagare": sat
 * before, since when unknown). We keep what the source says and never invent a day:
 * comparisons use the earliest and latest day the value can stand for.
 */
export type DatePrecision = 'day' | 'month' | 'year' | 'unknown';

export interface EffectiveDate {
  /** "YYYY-MM-DD", "YYYY-MM", "YYYY", or null when unknown. */
  readonly date: string | null;
  readonly precision: DatePrecision;
}

export const UNKNOWN_DATE: EffectiveDate = { date: null, precision: 'unknown' };
/** Sentinels for open bounds; ISO dates compare correctly as strings. */
export const BEGINNING_OF_TIME = '0000-01-01';
export const END_OF_TIME = '9999-12-31';

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Parses "YYYY", "YYYY-MM", "YYYY-MM-DD" (a real calendar day) or "unknown"; null if malformed. */
export function parseEffectiveDate(text: string): EffectiveDate | null {
  if (text === 'unknown') return UNKNOWN_DATE;
  const m = DATE_PATTERN.exec(text);
  if (!m) return null;
  if (m[3] !== undefined) return isCalendarDay(text) ? { date: text, precision: 'day' } : null;
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { date: text, precision: 'month' } : null;
  }
  return { date: text, precision: 'year' };
}

export function formatEffectiveDate(d: EffectiveDate): string {
  return d.date ?? 'unknown';
}

/** The earliest day the value can stand for. */
export function earliestDay(d: EffectiveDate): string {
  if (d.date === null) return BEGINNING_OF_TIME;
  if (d.precision === 'year') return `${d.date}-01-01`;
  if (d.precision === 'month') return `${d.date}-01`;
  return d.date;
}

/** The latest day the value can stand for. */
export function latestDay(d: EffectiveDate): string {
  if (d.date === null) return END_OF_TIME;
  if (d.precision === 'year') return `${d.date}-12-31`;
  if (d.precision === 'month') {
    const [y, m] = d.date.split('-').map(Number) as [number, number];
    return `${d.date}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
  }
  return d.date;
}

/**
 * The last day of a state that ends when a change takes effect on `change`.
 * A day-precise change at D ends the old state on D-1; a coarser change ends it
 * somewhere within the same period, so the end keeps that period and precision.
 */
export function lastDayBefore(change: EffectiveDate): EffectiveDate {
  if (change.precision !== 'day' || change.date === null) return change;
  return { date: addDays(change.date, -1), precision: 'day' };
}

/** True when `a` is certainly on or before `b` (no reading of either makes a later). */
export function certainlyNotAfter(a: EffectiveDate, b: EffectiveDate): boolean {
  return latestDay(a) <= earliestDay(b);
}

export function addDays(day: string, n: number): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return new Date(t + n * 86_400_000).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

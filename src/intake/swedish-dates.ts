/** Dates as Swedish protocols print them: "2024-12-13", "13 december 2024", "t o m dec 2026". */

export const SWEDISH_MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'] as const;

const SHORT_MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] as const;

export interface SwedishDate {
  /** "2024-12-13", or "2026-12" for a month, "2026" for a year: the precision printed, never an invented day. */
  readonly date: string;
  readonly precision: 'day' | 'month' | 'year';
  readonly printed: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isCalendarDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = SWEDISH_MONTHS.indexOf(w as (typeof SWEDISH_MONTHS)[number]);
  if (full >= 0) return full + 1;
  const short = SHORT_MONTHS.indexOf(w as (typeof SHORT_MONTHS)[number]);
  return short >= 0 ? short + 1 : null;
}

const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const LONG = /\b(\d{1,2})\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+(\d{4})\b/i;
const MONTH_YEAR = /\b(jan|feb|mar|mars|apr|april|maj|jun|juni|jul|juli|aug|augusti|sep|sept|september|okt|oktober|nov|november|dec|december)\.?\s+(\d{4})\b/i;

/** The first date the text states, at the precision it states it. */
export function findSwedishDate(text: string): SwedishDate | null {
  const iso = ISO.exec(text);
  const long = LONG.exec(text);
  // Whichever comes first in the text.
  if (iso && (!long || iso.index <= long.index)) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (isCalendarDay(y, m, d)) return { date: `${iso[1]}-${iso[2]}-${iso[3]}`, precision: 'day', printed: iso[0] };
  }
  if (long) {
    const [d, m, y] = [Number(long[1]), monthNumber(long[2]!) ?? 0, Number(long[3])];
    if (isCalendarDay(y, m, d)) return { date: `${y}-${pad(m)}-${pad(d)}`, precision: 'day', printed: long[0] };
    return null; // "31 april 2025" names no day; reading it as April would invent a precision the text does not have
  }
  const my = MONTH_YEAR.exec(text);
  if (my) {
    const m = monthNumber(my[1]!.replace(/^sept$/i, 'sep'));
    if (m !== null) return { date: `${my[2]}-${pad(m)}`, precision: 'month', printed: my[0] };
  }
  return null;
}

/** "t o m 2026-12-31", "t.o.m. dec 2026", "till och med 31 december 2026": the end date stated. */
export function findUpToAndIncluding(text: string): SwedishDate | null {
  const m = /\b(?:t\.?\s?o\.?\s?m\.?|till och med)\s+(.{0,30})/i.exec(text);
  return m ? findSwedishDate(m[1]!) : null;
}

/** Dates as Swedish protocols write them: "2026-12-31", "13 december 2024", "dec 2026", "2026". */
const MONTHS: Readonly<Record<string, number>> = {
  januari: 1, jan: 1, februari: 2, feb: 2, mars: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6, juli: 7, jul: 7,
  augusti: 8, aug: 8, september: 9, sept: 9, sep: 9, oktober: 10, okt: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH = String.raw`(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?`;

/** A date in a sentence; longest forms first. */
export const SWEDISH_DATE = String.raw`(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+${MONTH}\s+\d{4}|${MONTH}\s+\d{4}|\d{4})`;
/** "t o m", "t.o.m.", "tom", "till och med". */
export const UP_TO_AND_INCLUDING = String.raw`(?:t\s*\.?\s*o\s*\.?\s*m\b\.?|till\s+och\s+med)`;

/** The effective date it names, keeping its precision (a month stays a month), or null. */
export function parseSwedishDate(text: string): string | null {
  const t = text.trim().toLowerCase();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) return realDay(+iso[1]!, +iso[2]!, +iso[3]!) ? t : null;
  const day = /^(\d{1,2})\s+(\p{L}+)\.?\s+(\d{4})$/u.exec(t);
  if (day) {
    const month = MONTHS[day[2]!];
    return month && realDay(+day[3]!, month, +day[1]!) ? `${day[3]}-${pad(month)}-${pad(+day[1]!)}` : null;
  }
  const month = /^(\p{L}+)\.?\s+(\d{4})$/u.exec(t);
  if (month) {
    const m = MONTHS[month[1]!];
    return m ? `${month[2]}-${pad(m)}` : null;
  }
  return /^\d{4}$/.test(t) ? t : null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function realDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

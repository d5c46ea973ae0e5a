/** Swedish number and date formats, for pages and for the audit's readable lines alike. */
const NARROW_NBSP = '\u202f';
const NBSP = '\u00a0';

/** 2669116 → "2 669 116 kr" with narrow no-break spaces between groups and a no-break space before "kr". */
export function kronor(amount: number): string {
  const sign = amount < 0 ? '−' : '';
  return `${sign}${String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, NARROW_NBSP)}${NBSP}kr`;
}

/** A date as the ledger holds it ("2025-02-28", "2025", null) with its precision, in Swedish. */
export function day(date: string | null, precision?: string | null): string {
  if (date === null || precision === 'unknown') return 'okänt datum';
  if (precision === 'year') return `${date.slice(0, 4)} (år)`;
  if (precision === 'month') return `${date.slice(0, 7)} (månad)`;
  return date;
}

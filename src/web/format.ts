/** Swedish number and date formats for the pages. */
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

/** An ISO timestamp as "2026-01-01 12:00 UTC". */
export function timestamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

const ROLES: Record<string, string> = { chair: 'ordförande', 'vice-chair': 'vice ordförande', member: 'ledamot', deputy: 'ersättare', secretary: 'sekreterare', adjunct: 'adjungerad', convener: 'sammankallande' };

export function roleSv(role: string): string {
  return ROLES[role] ?? role;
}

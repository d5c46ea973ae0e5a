/** Calendar helpers for the generator; days are "YYYY-MM-DD" strings, which compare in order. */
export const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM" of the month after the day's month. */
export function nextMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
}

/** When a protocol's decisions reach the ledger: two days after the meeting, in office hours. */
export function recordedAfter(day: string, sequence: number): Date {
  const at = new Date(`${day}T08:00:00.000Z`);
  at.setUTCDate(at.getUTCDate() + 2);
  return new Date(at.getTime() + sequence);
}

import { parseEffectiveDate } from '../../domain/effective-date';

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
/** The short forms the protocols print ("t o m dec 2026"), with or without a full stop. */
const SHORT: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, nov: 11, dec: 12 };

function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(w);
  if (full >= 0) return full + 1;
  return SHORT[w] ?? null;
}

const pad = (n: number) => String(n).padStart(2, '0');

export type DateAnswer = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

/**
 * A date as a clerk writes it, to the ledger's form: "2025-02-28" or "28 februari 2025" → "2025-02-28",
 * "februari 2025" / "dec 2026" → "2025-02" / "2026-12", "2025" → "2025". The precision typed is kept:
 * a month stays a month, never a made-up day. `okänt` gives "unknown" where the field allows it.
 */
export function parseSwedishDate(text: string, options: { allowUnknown?: boolean; dayOnly?: boolean } = {}): DateAnswer {
  const typed = text.trim().replace(/\s+/g, ' ');
  const wanted = options.dayOnly ? 'Skriv en dag, till exempel 2025-02-28 eller 28 februari 2025.' : 'Skriv datumet som 2025-02-28, 28 februari 2025, februari 2025 eller 2025.';
  if (/^(okänt|okänd|unknown)$/i.test(typed)) {
    return options.allowUnknown ? { ok: true, value: 'unknown' } : { ok: false, message: `Här måste datumet vara känt. ${wanted}` };
  }
  let iso: string | null = null;
  const words = /^(?:(\d{1,2}) )?(\p{L}+\.?) (\d{4})$/u.exec(typed);
  if (words) {
    const month = monthNumber(words[2]!);
    if (month === null) return { ok: false, message: `”${words[2]}” är inte ett månadsnamn. ${wanted}` };
    iso = words[1] ? `${words[3]}-${pad(month)}-${pad(Number(words[1]))}` : `${words[3]}-${pad(month)}`;
  } else if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(typed)) {
    iso = typed;
  }
  const parsed = iso === null ? null : parseEffectiveDate(iso);
  if (parsed === null || iso === null) return { ok: false, message: `”${typed}” är inget datum som går att läsa. ${wanted}` };
  if (options.dayOnly && parsed.precision !== 'day') return { ok: false, message: `Här behövs en dag, inte bara månad eller år. ${wanted}` };
  return { ok: true, value: iso };
}

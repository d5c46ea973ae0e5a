/**
 * Money is whole Swedish kronor, as the sources print them ("15 865 911 kr"), held as a
 * JavaScript safe integer: exact, never a float. An amount the sources do not give is
 * recorded as unknown, with the reason, and stays unknown in every total it is part of.
 */
export interface UnknownAmount {
  /** Why the amount is not known, e.g. "the protocol does not give the cost". */
  readonly unknown: string;
}

export type Amount = number | UnknownAmount;

export const MAX_REASON_LENGTH = 500;

export function isKronor(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function isUnknownAmount(value: unknown): value is UnknownAmount {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const reason = (value as { unknown?: unknown }).unknown;
  return keys.length === 1 && keys[0] === 'unknown' && typeof reason === 'string' && reason.trim().length > 0 && reason.length <= MAX_REASON_LENGTH;
}

export function isAmount(value: unknown): value is Amount {
  return isKronor(value) || isUnknownAmount(value);
}

export const isKnown = (amount: Amount): amount is number => typeof amount === 'number';

/** A sum that is a number only when every part is known; otherwise null with the reasons. */
export interface Total {
  readonly amount: number | null;
  /** The sum of the parts that are known (equals `amount` when nothing is unknown). */
  readonly knownPart: number;
  readonly unknown: readonly string[];
}

export function total(amounts: readonly Amount[]): Total {
  let knownPart = 0;
  const unknown: string[] = [];
  for (const a of amounts) {
    if (isKnown(a)) knownPart += a;
    else unknown.push(a.unknown);
  }
  return { amount: unknown.length === 0 ? knownPart : null, knownPart, unknown };
}

/** "15 865 911 kr", the sources' own format (a space every three digits). */
export function formatKronor(amount: number | null): string {
  if (amount === null) return 'unknown';
  const sign = amount < 0 ? '-' : '';
  return `${sign}${String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`;
}

/** "1 424 825 kr", "12,50 kr", "4 000 000 kronor": spaces (or no-break spaces) are thousands separators. */
export const KRONOR = String.raw`(?<![\d,])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:,(\d{1,2}))?\s*(?:kr|kronor|SEK)\b\.?`;

export interface Kronor {
  /** Whole kronor as a string ("1424825"), ören as a decimal ("12.50"). */
  readonly kronor: string;
  readonly printed: string;
  readonly index: number;
}

export function kronorIn(text: string): Kronor[] {
  const re = new RegExp(KRONOR, 'gu');
  const found: Kronor[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const whole = m[1]!.replace(/[ \u00a0]/g, '').replace(/^0+(?=\d)/, '');
    const ore = m[2] === undefined ? '' : `.${m[2].padEnd(2, '0')}`;
    found.push({ kronor: `${whole}${ore}`, printed: m[0].replace(/\.$/, '').trim(), index: m.index });
  }
  return found;
}

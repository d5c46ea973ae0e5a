/** One measured figure, as written to bench/results/<date>.json. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The number of events in the log when it was measured. */
  readonly events: number;
  /** The raw SQLite limit this figure is compared with, measured in the same run. */
  readonly raw?: number;
  /** value / raw. */
  readonly ratio?: number;
  readonly note?: string;
}

/** What a measurement reports; the runner adds `events`, and `raw`/`ratio` from the figure named by `rawOf`. */
export interface FigureDraft {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly rawOf?: string;
  readonly note?: string;
}

export function completeFigures(drafts: readonly FigureDraft[], events: number): Figure[] {
  const byName = new Map(drafts.map((d) => [d.name, d]));
  return drafts.map(({ rawOf, ...draft }) => {
    const raw = rawOf === undefined ? undefined : byName.get(rawOf)?.value;
    return { ...draft, events, ...(raw !== undefined && { raw, ratio: round(draft.value / raw, 3) }) };
  });
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A number as people read it: 12 345, 0.42, 1.5. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const [whole, fraction] = value.toFixed(digits).split('.') as [string, string | undefined];
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') + (fraction ? `.${fraction}` : '');
}

/** A plain-text table; the same rows go into bench/README.md as markdown. */
export function formatTable(figures: readonly Figure[], markdown = false): string {
  const header = ['figure', 'value', 'unit', 'events', 'raw limit', 'ratio'];
  const rows = figures.map((f) => [
    f.name,
    formatNumber(f.value),
    f.unit,
    formatNumber(f.events),
    f.raw === undefined ? '' : formatNumber(f.raw),
    f.ratio === undefined ? '' : `${formatNumber(f.ratio * 100)} %`,
  ]);
  if (markdown) {
    return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 || i === 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

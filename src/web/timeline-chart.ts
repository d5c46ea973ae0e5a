import type { GroupTerm } from '../queries/group-history.reader';
import { day, roleSv } from './format';
import { html, type SafeHtml } from './html';

const LABEL = 300;
const WIDTH = 880;
const ROW = 22;
const TOP = 28;

function short(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function yearOf(date: string | null): number | null {
  return date ? Number(date.slice(0, 4)) : null;
}

/** Fraction of the year a day falls on (0 for a year-only date's start). */
function when(date: string, endOfPeriod: boolean, precision: string | null): number {
  const year = Number(date.slice(0, 4));
  if (precision === 'year' || date.length === 4) return year + (endOfPeriod ? 1 : 0);
  const month = Number(date.slice(5, 7) || '1') - 1;
  const d = Number(date.slice(8, 10) || '1') - 1;
  return year + (month * 30.4 + d + (endOfPeriod ? 1 : 0)) / 365;
}

/**
 * Every seat and chair term of a group as one row on a years axis. A start or end that is
 * known only to the year, or not at all, is drawn as a fading end with "osäker" in the label.
 */
export function timelineChart(terms: readonly GroupTerm[], today: string): SafeHtml {
  const thisYear = Number(today.slice(0, 4));
  const years = terms.flatMap((t) => [yearOf(t.from), yearOf(t.to)]).filter((y): y is number => y !== null);
  const first = Math.min(thisYear - 1, ...years);
  const last = Math.max(thisYear + 1, ...years.map((y) => y + 1));
  const x = (t: number) => LABEL + ((t - first) / (last - first)) * (WIDTH - LABEL - 10);
  const height = TOP + terms.length * ROW + 10;
  const axis: SafeHtml[] = [];
  for (let y = first; y <= last; y++) {
    axis.push(html`<line x1="${x(y)}" y1="${TOP - 6}" x2="${x(y)}" y2="${height - 6}" stroke="#d5d9e0" stroke-width="1"></line>${y < last ? html`<text x="${x(y) + 3}" y="${TOP - 10}" font-size="12" fill="#333">${y}</text>` : ''}`);
  }
  const now = when(today, false, 'day');
  const rows = terms.map((t, i) => {
    const y = TOP + i * ROW;
    const fromFuzzy = t.from === null || t.fromPrecision !== 'day';
    const toOpen = t.toPrecision === null;
    const toFuzzy = !toOpen && (t.to === null || t.toPrecision !== 'day');
    const start = t.from === null ? first : when(t.from, false, t.fromPrecision);
    const end = toOpen ? now : t.to === null ? now : when(t.to, true, t.toPrecision);
    const x0 = x(start);
    const x1 = Math.max(x(end), x0 + 3);
    const uncertain = fromFuzzy || toFuzzy;
    const role = t.kind === 'chair' ? roleSv(t.role) : roleSv(t.role);
    const label = `${t.person.name} (${role})`;
    const description = `${label}: från ${day(t.from, t.fromPrecision)} till ${toOpen ? 'pågår' : day(t.to, t.toPrecision)}${uncertain ? ', osäker' : ''}`;
    const fill = t.kind === 'chair' ? '#7a3b00' : '#0b4f8a';
    const fuzz = Math.min(24, (x1 - x0) / 3);
    return html`<g><title>${description}</title>
<text x="4" y="${y + 14}" font-size="12" fill="#1a1a1a">${short(label, uncertain ? 33 : 42)}${uncertain ? ' · osäker' : ''}</text>
<rect x="${x0 + (fromFuzzy ? fuzz : 0)}" y="${y + 4}" width="${Math.max(1, x1 - x0 - (fromFuzzy ? fuzz : 0) - (toFuzzy ? fuzz : 0))}" height="12" fill="${fill}"></rect>
${fromFuzzy ? html`<rect x="${x0}" y="${y + 4}" width="${fuzz}" height="12" fill="url(#fade-in-${t.kind})"></rect>` : ''}
${toFuzzy ? html`<rect x="${x1 - fuzz}" y="${y + 4}" width="${fuzz}" height="12" fill="url(#fade-out-${t.kind})"></rect>` : ''}
${toOpen ? html`<path d="M${x1} ${y + 4} l6 6 l-6 6 z" fill="${fill}"></path>` : ''}
</g>`;
  });
  const gradients = (['seat', 'chair'] as const).map((kind) => {
    const c = kind === 'chair' ? '#7a3b00' : '#0b4f8a';
    return html`<linearGradient id="fade-in-${kind}"><stop offset="0" stop-color="${c}" stop-opacity="0.05"></stop><stop offset="1" stop-color="${c}" stop-opacity="1"></stop></linearGradient><linearGradient id="fade-out-${kind}"><stop offset="0" stop-color="${c}" stop-opacity="1"></stop><stop offset="1" stop-color="${c}" stop-opacity="0.05"></stop></linearGradient>`;
  });
  return html`<figure class="chart" tabindex="0">
<svg role="img" aria-labelledby="timeline-title timeline-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">
<title id="timeline-title">Tidslinje över platser och ordförandeskap</title>
<desc id="timeline-desc">${terms.map((t) => `${t.person.name}, ${roleSv(t.role)}, ${day(t.from, t.fromPrecision)} till ${t.toPrecision === null ? 'pågår' : day(t.to, t.toPrecision)}`).join('. ')}</desc>
<defs>${gradients}</defs>
${axis}
<line x1="${x(now)}" y1="${TOP - 6}" x2="${x(now)}" y2="${height - 6}" stroke="#a30000" stroke-width="1.5" stroke-dasharray="4 3"></line>
${rows}
</svg>
<figcaption>Blå: plats i gruppen; brun: ordförande/vice ordförande. Tonande ände = datumet är bara känt till året eller inte alls (osäker). Pil = pågår. Röd streckad linje = i dag (${today}).</figcaption>
</figure>`;
}

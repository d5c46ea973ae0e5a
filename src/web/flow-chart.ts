import type { GrantBalance } from '../queries/finance/grant-balance.reader';
import type { Figure } from '../queries/finance/figure';
import { figureShort } from './figure-cell';
import { html, type SafeHtml } from './html';

interface Box {
  readonly label: string;
  readonly figure: Figure;
  readonly col: number;
  readonly row: number;
}

const W = 190;
const H = 54;
const GAP_X = 40;
const GAP_Y = 14;

/** received → allocated / used / remaining → settled shares → invoiced / paid, with amounts or "okänt". */
export function flowChart(b: GrantBalance): SafeHtml {
  const shares = b.settledByParty.map((p, i): Box => ({ label: `Andel ${p.party.name}`, figure: p.figure, col: 2, row: i }));
  const boxes: Box[] = [
    { label: 'Erhållet', figure: b.received, col: 0, row: 1 },
    { label: 'Fördelat', figure: b.allocated, col: 1, row: 0 },
    { label: 'Använt', figure: b.used, col: 1, row: 1 },
    { label: 'Kvar', figure: b.remaining, col: 1, row: 2 },
    ...shares,
    { label: 'Fakturerat', figure: b.invoiced, col: 3, row: 0 },
    { label: 'Betalt', figure: b.paid, col: 3, row: 1 },
    { label: 'Utestående', figure: b.outstanding, col: 3, row: 2 },
  ];
  const rows = Math.max(3, shares.length);
  const width = 4 * W + 3 * GAP_X + 10;
  const height = rows * (H + GAP_Y) + 10;
  const pos = (box: Box) => ({ x: 5 + box.col * (W + GAP_X), y: 5 + box.row * (H + GAP_Y) });
  const edges: [Box, Box][] = [];
  const received = boxes[0]!;
  for (const to of boxes.filter((x) => x.col === 1)) edges.push([received, to]);
  const remaining = boxes[3]!;
  for (const share of shares) edges.push([remaining, share]);
  for (const share of shares) for (const to of boxes.filter((x) => x.col === 3 && x.label === 'Fakturerat')) edges.push([share, to]);
  edges.push([boxes.find((x) => x.label === 'Fakturerat')!, boxes.find((x) => x.label === 'Betalt')!]);
  const description = boxes.map((x) => `${x.label}: ${figureShort(x.figure)}`).join('; ');
  return html`<figure class="chart" tabindex="0">
<svg role="img" aria-labelledby="flow-title flow-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
<title id="flow-title">Flödet för ${b.grant.name}</title>
<desc id="flow-desc">${description}</desc>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#555"></path></marker></defs>
${edges.map(([from, to]) => {
    const a = pos(from);
    const z = pos(to);
    const sameCol = from.col === to.col;
    return sameCol
      ? html`<line x1="${a.x + W / 2}" y1="${a.y + H}" x2="${z.x + W / 2}" y2="${z.y}" stroke="#555" stroke-width="1.5" marker-end="url(#arrow)"></line>`
      : html`<line x1="${a.x + W}" y1="${a.y + H / 2}" x2="${z.x}" y2="${z.y + H / 2}" stroke="#555" stroke-width="1.5" marker-end="url(#arrow)"></line>`;
  })}
${boxes.map((box) => {
    const p = pos(box);
    const unknown = box.figure.amount === null;
    return html`<g><rect x="${p.x}" y="${p.y}" width="${W}" height="${H}" rx="4" fill="${unknown ? '#fff3c4' : '#eaf1f8'}" stroke="${unknown ? '#7a3b00' : '#0b4f8a'}" stroke-width="1.5"${unknown ? html` stroke-dasharray="5 3"` : ''}></rect>
<text x="${p.x + 8}" y="${p.y + 20}" font-size="13" fill="#1a1a1a">${box.label.length > 24 ? `${box.label.slice(0, 23)}…` : box.label}</text>
<text x="${p.x + 8}" y="${p.y + 40}" font-size="15" font-weight="700" fill="${unknown ? '#7a3b00' : '#1a1a1a'}">${figureShort(box.figure)}</text></g>`;
  })}
</svg>
<figcaption>Gult med streckad kant = beloppet är okänt (skälet står i tabellen nedan).</figcaption>
</figure>`;
}

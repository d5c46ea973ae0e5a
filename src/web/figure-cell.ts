import type { Figure } from '../queries/finance/figure';
import { kronor } from './format';
import { html, type SafeHtml } from './html';

/** A figure as text: the amount, or "okänt" with the reason and the known part — never 0 for unknown. */
export function figureText(f: Pick<Figure, 'amount' | 'reason' | 'knownPart' | 'uncertain'>): SafeHtml {
  if (f.amount !== null) return html`${kronor(f.amount)}${f.uncertain ? html` <span class="uncertain">osäker</span>` : ''}`;
  return html`<span class="unknown">okänt</span>${f.knownPart !== undefined && f.knownPart !== 0 ? html` <span class="small">(känd del ${kronor(f.knownPart)})</span>` : ''}<span class="reason small muted">Skäl: ${f.reason ?? 'okänt'}</span>`;
}

/** The short form for charts: "2 669 116 kr" or "okänt". */
export function figureShort(f: Pick<Figure, 'amount'>): string {
  return f.amount === null ? 'okänt' : kronor(f.amount);
}

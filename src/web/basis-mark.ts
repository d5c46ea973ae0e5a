import { html, type SafeHtml } from './html';

/** The `basis` a fact row may carry: stated in a source, or inferred with a reasoning. */
export type Basis =
  | { readonly kind: 'stated'; readonly sources: readonly { readonly document: string; readonly item?: string; readonly quote?: string }[] }
  | { readonly kind: 'inferred'; readonly reasoning: string };

/**
 * A small mark after a fact: "härlett" (inferred) with the reasoning, or "källa" with the
 * source for stated facts; the text is on hover (title) and for screen readers and taps
 * (a focusable element with the text inside). Nothing when the row has no basis.
 */
export function basisMark(row: object): SafeHtml | string {
  const basis = (row as { basis?: Basis | null }).basis;
  if (!basis) return '';
  if (basis.kind === 'inferred') {
    return html`<span class="basis inferred" tabindex="0" title="${`Härlett: ${basis.reasoning}`}">härlett<span class="visually-hidden">: ${basis.reasoning}</span></span>`;
  }
  const text = basis.sources.map((s) => [s.document, s.item ? `punkt ${s.item}` : '', s.quote ? `”${s.quote}”` : ''].filter(Boolean).join(', ')).join('; ');
  if (!text) return '';
  return html`<span class="basis stated" tabindex="0" title="${`Källa: ${text}`}">källa<span class="visually-hidden">: ${text}</span></span>`;
}

import { html, type SafeHtml } from './html';
import { link, type PageContext } from './page-context';

/** "Förklara": the events behind a figure or row, each opening its envelope on the Granskning page. */
export function explainLinks(ctx: PageContext, events: readonly string[], what: string): SafeHtml | string {
  if (events.length === 0) return '';
  return html`<details class="explain small"><summary>Förklara<span class="visually-hidden"> ${what}</span></summary><ul class="plain">${events.map(
    (id, i) => html`<li><a href="${link(ctx, `/granskning/handelse/${encodeURIComponent(id)}`)}">Händelse ${i + 1} <span class="muted">${id.slice(0, 8)}</span></a></li>`,
  )}</ul></details>`;
}

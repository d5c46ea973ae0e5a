import type { DecisionView, EffectView } from '../queries/meeting.reader';
import { html, type SafeHtml } from './html';

const STATUS: Record<string, string> = { pending: 'väntar', decided: 'beslutat', ratified: 'ratificerat' };

export function statusSv(status: string): string {
  return STATUS[status] ?? status;
}

/** What a pending decision waits for, in words. */
export function waitingText(d: Pick<DecisionView, 'waitingFor'>): SafeHtml | string {
  if (d.waitingFor.length === 0) return '';
  return html`<ul class="small">${d.waitingFor.map((w) =>
    w.kind === 'ratification' ? html`<li>ratificering av ${typeof w.ratifier === 'string' ? w.ratifier : w.ratifier.name}</li>` : html`<li>senare beslut: ${w.procedure}${w.subject ? ` (${w.subject})` : ''}</li>`,
  )}</ul>`;
}

export function effectsList(effects: readonly EffectView[]): SafeHtml | string {
  if (effects.length === 0) return '';
  return html`<ul class="small">${effects.map((e) => html`<li>${e.summary}${e.effectiveFrom ? ` (från ${e.effectiveFrom})` : ''}</li>`)}</ul>`;
}

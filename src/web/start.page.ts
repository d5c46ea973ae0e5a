import type { GroupSummary } from '../queries/directory.reader';
import type { ListedDecision } from '../queries/decision-list.reader';
import type { MeetingSummary } from '../queries/meeting.reader';
import { waitingText } from './decision-bits';
import { html } from './html';
import { layout } from './layout';
import { link, type PageContext } from './page-context';

export interface StartAnswer {
  readonly body: GroupSummary | null;
  readonly meetings: readonly MeetingSummary[];
  readonly pending: readonly ListedDecision[];
}

/** Start: the body, its next and last meetings, what is waiting, and the search box. */
export function startPage(ctx: PageContext, a: StartAnswer): string {
  const past = a.meetings.filter((m) => m.date <= ctx.today);
  const next = a.meetings.find((m) => m.date > ctx.today) ?? null;
  const last = past[past.length - 1] ?? null;
  const meetingLink = (m: MeetingSummary) => html`<a href="${link(ctx, `/moten/${m.slug}`)}">${m.date}</a>`;
  return layout(
    ctx,
    'Start',
    html`<h1>${a.body?.name ?? 'Beslutsregistret'}</h1>
<p>Vem sitter var, vad har beslutats och vart gick pengarna – läst ur protokollen, med källa till varje uppgift.</p>
<div class="cards">
<section class="card" aria-labelledby="h-moten"><h2 id="h-moten">Möten</h2>
<p>Senaste: ${last ? meetingLink(last) : 'inget registrerat'}</p>
<p>Nästa: ${next ? meetingLink(next) : 'inget registrerat'}</p>
<p><a href="${link(ctx, '/moten')}">Alla möten</a></p></section>
<section class="card" aria-labelledby="h-beslut"><h2 id="h-beslut">Väntande beslut (${a.pending.length})</h2>
<ul>${a.pending.slice(0, 5).map((d) => html`<li><a href="${link(ctx, `/moten/${d.meeting.slug}`, {}, `#punkt-${d.item}`)}">${d.meeting.date} punkt ${d.item}: ${d.title}</a>${waitingText(d)}</li>`)}</ul>
<p><a href="${link(ctx, '/beslut', { status: 'pending' })}">Alla väntande beslut</a></p></section>
<section class="card" aria-labelledby="h-hitta"><h2 id="h-hitta">Hitta</h2>
<ul><li><a href="${link(ctx, '/grupper')}">Grupper och vilka som sitter där</a></li><li><a href="${link(ctx, '/personer')}">Personer</a></li><li><a href="${link(ctx, '/ekonomi')}">Ekonomi: stimulansmedel</a></li><li><a href="${link(ctx, '/granskning')}">Granskning av loggen</a></li></ul>
<form method="get" action="/sok" role="search" aria-label="Sök i registret"><label for="start-search">Sök</label> <input id="start-search" type="search" name="q">${ctx.knownAt ? html`<input type="hidden" name="knownAt" value="${ctx.knownAt}">` : ''} <button type="submit">Sök</button></form>
</section>
</div>`,
  );
}

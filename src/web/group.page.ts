import type { GroupHistory, GroupChange } from '../queries/group-history.reader';
import type { Roster } from '../queries/group-roster.reader';
import type { GroupSummary } from '../queries/directory.reader';
import { basisMark } from './basis-mark';
import { explainLinks } from './explain-links';
import { day, roleSv } from './format';
import { html, type SafeHtml } from './html';
import { layout } from './layout';
import { link, type PageContext } from './page-context';
import { timelineChart } from './timeline-chart';

const KINDS: Record<string, string> = { leadership: 'Ledning', 'coordinating-group': 'Samordnande grupp', 'working-group': 'Arbetsgrupp', 'process-group': 'Processgrupp' };

export function groupsPage(ctx: PageContext, groups: readonly GroupSummary[]): string {
  return layout(
    ctx,
    'Grupper',
    html`<h1>Grupper</h1>
<div class="table-wrap" tabindex="0"><table><caption class="visually-hidden">Alla grupper</caption>
<thead><tr><th scope="col">Grupp</th><th scope="col">Slag</th><th scope="col">Under</th></tr></thead>
<tbody>${groups.map((g) => html`<tr><td><a href="${link(ctx, `/grupper/${g.slug}`)}">${g.name}</a></td><td>${KINDS[g.kind] ?? g.kind}</td><td>${g.parent ? html`<a href="${link(ctx, `/grupper/${g.parent.slug}`)}">${g.parent.name}</a>` : '–'}</td></tr>`)}</tbody>
</table></div>`,
  );
}

const CHANGE: Record<GroupChange['change'], string> = { joined: 'tillträdde', left: 'lämnade', 'became-chair': 'blev', 'left-chair': 'slutade som' };

function changeText(c: GroupChange): string {
  if (c.change === 'became-chair' || c.change === 'left-chair') return `${CHANGE[c.change]} ${roleSv(c.role)}`;
  return `${CHANGE[c.change]} som ${roleSv(c.role)}`;
}

/** A group: roster on a chosen date, the timeline of every term, and the changes with the decisions behind them. */
export function groupPage(ctx: PageContext, roster: Roster, history: GroupHistory): string {
  const g = roster.group;
  const rosterTable: SafeHtml =
    roster.members.length === 0
      ? html`<p>Ingen känd ledamot ${roster.at}.</p>`
      : html`<div class="table-wrap" tabindex="0"><table id="roster"><caption>Ledamöter ${roster.at}</caption>
<thead><tr><th scope="col">Namn</th><th scope="col">Roll</th><th scope="col">Titel</th><th scope="col">Organisation</th><th scope="col">Period</th><th scope="col">Källa</th></tr></thead>
<tbody>${roster.members.map(
          (m) => html`<tr><td><a href="${link(ctx, `/personer/${m.person.slug}`)}">${m.person.name}</a>${basisMark(m)}</td>
<td>${roleSv(m.role)}${m.roleBasis ? basisMark({ basis: m.roleBasis }) : ''}${m.representing ? html`<br><span class="small muted">för ${m.representing.name}</span>` : ''}</td>
<td>${m.title ?? html`<span class="unknown">okänd</span>`}</td>
<td>${m.organisation?.name ?? (m.representing ? m.representing.name : html`<span class="unknown">okänd</span>`)}${m.affiliationBasis ? basisMark({ basis: m.affiliationBasis }) : ''}</td>
<td>${day(m.from, m.fromPrecision)} – ${m.toPrecision === null ? 'pågår' : day(m.to, m.toPrecision)}${m.uncertain ? html` <span class="uncertain">osäker</span>` : ''}</td>
<td class="small">${m.sources.map((s) => html`<span title="${s.note ?? ''}">${s.document ?? ''}${s.item ? ` punkt ${s.item}` : ''}</span><br>`)}${explainLinks(ctx, m.events, `raden ${m.person.name}`)}</td></tr>`,
        )}</tbody></table></div>`;
  const attestedTable = attestedSeats(ctx, roster);
  const changes = html`<div class="table-wrap" tabindex="0"><table id="changes"><caption>Förändringar</caption>
<thead><tr><th scope="col">Datum</th><th scope="col">Förändring</th><th scope="col">Beslut</th></tr></thead>
<tbody>${history.changes.map(
    (c) => html`<tr><td>${day(c.date, c.precision)}</td><td><a href="${link(ctx, `/personer/${c.person.slug}`)}">${c.person.name}</a> ${changeText(c)}</td>
<td>${c.decision ? html`<a href="${link(ctx, `/moten/${c.decision.meeting}`, {}, `#punkt-${c.decision.item}`)}">Möte ${c.decision.date}, punkt ${c.decision.item}</a>` : html`<span class="muted">inget beslut i loggen</span>`} ${explainLinks(ctx, c.events, 'förändringen')}</td></tr>`,
  )}</tbody></table></div>`;
  return layout(
    ctx,
    g.name,
    html`<p class="small"><a href="${link(ctx, '/grupper')}">Grupper</a>${g.parent ? html` › <a href="${link(ctx, `/grupper/${g.parent.slug}`)}">${g.parent.name}</a>` : ''}</p>
<h1>${g.name}</h1>
<form method="get" action="${ctx.path}" class="date-form">
<label for="roster-date">Ledamöter per datum</label>
<input id="roster-date" type="date" name="at" value="${roster.at}" data-autosubmit>
${ctx.knownAt ? html`<input type="hidden" name="knownAt" value="${ctx.knownAt}">` : ''}
<button type="submit">Visa</button>
</form>
${rosterTable}
${attestedTable}
<p class="small"><a href="${link(ctx, `/moten`, { organ: g.slug })}">Gruppens möten</a> · <a href="/groups/${g.slug}/roster?at=${roster.at}${ctx.knownAt ? `&knownAt=${encodeURIComponent(ctx.knownAt)}` : ''}">Som JSON</a></p>
<h2>Tidslinje</h2>
${history.terms.length > 0 ? timelineChart(history.terms, ctx.today) : html`<p>Inga kända platser.</p>`}
<h2>Förändringar och besluten bakom dem</h2>
${changes}`,
  );
}

/**
 * Seats the body's own attendance lists attest ("Närvarande ledamöter"): from the first to the
 * last meeting each person attended for an organisation, kept apart from appointed seats.
 */
function attestedSeats(ctx: PageContext, roster: Roster): SafeHtml | string {
  if (roster.attested.length === 0) return '';
  return html`<h2>Enligt närvarolistorna</h2>
<p class="small">Ledamöter som protokollens närvarolistor visar för gruppen ${roster.at}: från första till sista mötet de deltog i, per organisation. De är inte utsedda genom något beslut i registret.</p>
<div class="table-wrap" tabindex="0"><table id="attested"><caption>Närvarointygade platser ${roster.at}</caption>
<thead><tr><th scope="col">Namn</th><th scope="col">För</th><th scope="col">Första – sista möte</th><th scope="col">Närvarande denna dag</th><th scope="col">Källa</th></tr></thead>
<tbody>${roster.attested.map(
    (a) => html`<tr><td><a href="${link(ctx, `/personer/${a.person.slug}`)}">${a.person.name}</a>${a.meetings.some((m) => m.acting) ? ' (tf.)' : ''}</td>
<td>${a.representing?.name ?? a.capacity ?? html`<span class="unknown">okänd</span>`}</td>
<td>${a.from} – ${a.to}</td>
<td>${a.attendedOn ? 'ja' : 'nej, mellan två möten'}</td>
<td class="small">${basisMark(a)} ${explainLinks(ctx, a.events, `närvaron för ${a.person.name}`)}</td></tr>`,
  )}</tbody></table></div>`;
}

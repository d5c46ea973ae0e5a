import type { ListedDecision } from '../queries/decision-list.reader';
import type { MeetingDetail, MeetingSummary } from '../queries/meeting.reader';
import { effectsList, statusSv, waitingText } from './decision-bits';
import { explainLinks } from './explain-links';
import { day } from './format';
import { html } from './html';
import { layout } from './layout';
import { link, type PageContext } from './page-context';

export function meetingsPage(ctx: PageContext, meetings: readonly MeetingSummary[]): string {
  return layout(
    ctx,
    'Möten',
    html`<h1>Möten</h1>
<div class="table-wrap" tabindex="0"><table><caption class="visually-hidden">Alla möten</caption>
<thead><tr><th scope="col">Datum</th><th scope="col">Organ</th><th scope="col">Diarienummer</th><th scope="col">Status</th></tr></thead>
<tbody>${[...meetings].reverse().map((m) => html`<tr><td><a href="${link(ctx, `/moten/${m.slug}`)}">${m.date}</a></td><td>${m.body?.name ?? ''}</td><td>${m.registryNumber ?? '–'}</td><td>${m.status === 'signed-off' ? 'justerat' : 'registrerat'}</td></tr>`)}</tbody>
</table></div>`,
  );
}

/** A meeting: agenda with decisions and their effects, attendance, and the protocol. */
export function meetingPage(ctx: PageContext, m: MeetingDetail): string {
  const attendee = (a: MeetingDetail['attendance']['present'][number]) =>
    html`<li><a href="${link(ctx, `/personer/${a.person.slug}`)}">${a.name}</a>${a.acting ? ' (tjänstgörande)' : ''}${a.party ? `, ${a.party.name}` : ''}${a.capacity ? `, ${a.capacity}` : ''}</li>`;
  return layout(
    ctx,
    `${m.body?.name ?? 'Möte'} ${m.date}`,
    html`<p class="small"><a href="${link(ctx, '/moten')}">Möten</a></p>
<h1>${m.body?.name ?? 'Möte'} ${m.date}</h1>
<dl class="facts"><dt>Diarienummer</dt><dd>${m.registryNumber ?? '–'}</dd><dt>Plats</dt><dd>${m.place ?? '–'}</dd><dt>Ordförande</dt><dd>${m.chair ? html`<a href="${link(ctx, `/personer/${m.chair.slug}`)}">${m.chair.name}</a>` : '–'}</dd>
<dt>Justering</dt><dd>${m.signOff ? `${day(m.signOff.signedOn, m.signOff.precision)}: ${m.signOff.signers.map((s) => s.name).join(', ')}` : 'inte justerat'}</dd></dl>
<p><a href="/meetings/${m.slug}/protocol?format=html${ctx.knownAt ? `&knownAt=${encodeURIComponent(ctx.knownAt)}` : ''}">Protokollet (utskrivbart)</a></p>
<h2>Dagordning och beslut</h2>
${m.items.map(
  (i) => html`<section class="card" id="punkt-${i.number}" aria-labelledby="rubrik-${i.number}"><h3 id="rubrik-${i.number}">${i.number}. ${i.title}</h3>
<p>${i.text}</p>
${i.decision ? html`<p><strong>Beslut (${statusSv(i.decision.status)}):</strong> ${i.decision.text ?? ''}</p>${waitingText(i.decision)}` : ''}
${i.effects.length > 0 ? html`<p class="small">Verkan i registret:</p>${effectsList(i.effects)}` : ''}
${explainLinks(ctx, i.events, `punkt ${i.number}`)}</section>`,
)}
<h2>Närvarande ledamöter</h2><ul>${m.attendance.present.map(attendee)}</ul>
<h2>Övriga medverkande</h2><ul>${m.attendance.others.map(attendee)}</ul>`,
  );
}

const FILTERS: readonly [string, string][] = [['all', 'Alla'], ['pending', 'Väntande'], ['decided', 'Beslutade'], ['ratified', 'Ratificerade']];

export function decisionsPage(ctx: PageContext, answer: { status: string; decisions: readonly ListedDecision[] }): string {
  return layout(
    ctx,
    'Beslut',
    html`<h1>Beslut</h1>
<nav aria-label="Filtrera beslut"><ul>${FILTERS.map(([v, label]) => html`<li><a href="${link(ctx, '/beslut', { status: v === 'all' ? null : v })}"${answer.status === v ? html` aria-current="page"` : ''}>${label}</a></li>`)}</ul></nav>
<div class="table-wrap" tabindex="0"><table id="decisions"><caption class="visually-hidden">Beslut</caption>
<thead><tr><th scope="col">Möte</th><th scope="col">Punkt</th><th scope="col">Beslut</th><th scope="col">Status</th><th scope="col">Väntar på</th></tr></thead>
<tbody>${answer.decisions.map(
      (d) => html`<tr><td><a href="${link(ctx, `/moten/${d.meeting.slug}`)}">${d.meeting.date}</a></td><td><a href="${link(ctx, `/moten/${d.meeting.slug}`, {}, `#punkt-${d.item}`)}">${d.item}</a></td><td>${d.title}${effectsList(d.effects)}</td><td>${statusSv(d.status)}</td><td>${waitingText(d) || '–'}</td></tr>`,
    )}</tbody></table></div>`,
  );
}

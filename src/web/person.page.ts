import type { HistoryEntry } from '../queries/person-history.reader';
import type { PersonProfile } from '../queries/person-profile.reader';
import type { SearchAnswer } from '../queries/search.reader';
import { basisMark } from './basis-mark';
import { explainLinks } from './explain-links';
import { day, roleSv } from './format';
import { html } from './html';
import { layout } from './layout';
import { link, type PageContext } from './page-context';

export function peoplePage(ctx: PageContext, persons: readonly { name: string; slug: string }[]): string {
  return layout(
    ctx,
    'Personer',
    html`<h1>Personer</h1><ul class="columns">${[...persons].sort((a, b) => a.name.localeCompare(b.name, 'sv')).map((p) => html`<li><a href="${link(ctx, `/personer/${p.slug}`)}">${p.name}</a></li>`)}</ul>`,
  );
}

/** A person: seats, chair roles, affiliations over time, meetings attended. */
export function personPage(ctx: PageContext, p: PersonProfile): string {
  const terms = (entries: readonly HistoryEntry[], caption: string, id: string) =>
    entries.length === 0
      ? html`<p>Inga.</p>`
      : html`<div class="table-wrap" tabindex="0"><table id="${id}"><caption class="visually-hidden">${caption}</caption><thead><tr><th scope="col">Grupp</th><th scope="col">Roll</th><th scope="col">Från</th><th scope="col">Till</th><th scope="col">Källa</th></tr></thead><tbody>
${entries.map((e) => html`<tr><td><a href="${link(ctx, `/grupper/${e.group.slug}`, { at: e.from && e.from.length === 10 ? e.from : null })}">${e.group.name}</a>${basisMark(e)}</td><td>${roleSv(e.role)}${e.representing ? `, för ${e.representing.name}` : ''}</td><td>${day(e.from, e.fromPrecision)}</td><td>${e.toPrecision === null ? 'pågår' : day(e.to, e.toPrecision)}</td><td class="small">${e.sources.map((s) => html`<span title="${s.note ?? ''}">${s.document ?? ''}${s.item ? ` punkt ${s.item}` : ''}</span><br>`)}${explainLinks(ctx, e.events, e.group.name)}</td></tr>`)}</tbody></table></div>`;
  return layout(
    ctx,
    p.person.name,
    html`<p class="small"><a href="${link(ctx, '/personer')}">Personer</a></p>
<h1>${p.person.name}</h1>
<h2>Platser</h2>${terms(p.memberships, 'Platser', 'seats')}
<h2>Ordförandeskap</h2>${terms(p.chairs, 'Ordförandeskap', 'chairs')}
<h2>Anställning och titel över tid</h2>
${p.affiliations.length === 0 ? html`<p>Ingen känd.</p>` : html`<ul>${p.affiliations.map((a) => html`<li>från ${day(a.from, a.fromPrecision)}: ${a.title ?? 'titel okänd'}${a.unit ? `, ${a.unit}` : ''}, ${a.organisation?.name ?? 'organisation okänd'}${basisMark(a)} ${explainLinks(ctx, a.events, 'anställningen')}</li>`)}</ul>`}
<h2>Möten</h2>
${p.meetingsAttended.length === 0 ? html`<p>Inga registrerade.</p>` : html`<ul>${p.meetingsAttended.map((m) => html`<li><a href="${link(ctx, `/moten/${m.meeting.slug}`)}">${m.meeting.body?.name ?? 'Möte'} ${m.meeting.date}</a> – ${m.role === 'member' ? 'ledamot' : 'övrig medverkande'}${m.acting ? ' (tjänstgörande)' : ''}</li>`)}</ul>`}`,
  );
}

const KIND: Record<string, string> = { person: 'Person', group: 'Grupp', meeting: 'Möte', decision: 'Beslut' };

export function searchPage(ctx: PageContext, a: SearchAnswer): string {
  const href = (h: SearchAnswer['hits'][number]) =>
    h.kind === 'person' ? link(ctx, `/personer/${h.slug}`) : h.kind === 'group' ? link(ctx, `/grupper/${h.slug}`) : link(ctx, `/moten/${h.slug}`, {}, h.item ? `#punkt-${h.item}` : '');
  return layout(
    ctx,
    a.q ? `Sök: ${a.q}` : 'Sök',
    html`<h1>Sök</h1>
${a.q ? html`<p>${a.hits.length} träffar för ”${a.q}”.</p>` : html`<p>Skriv ett namn, en grupp eller ett ord ur ett beslut i sökrutan.</p>`}
<ul id="hits">${a.hits.map((h) => html`<li><span class="muted">${KIND[h.kind]}:</span> <a href="${href(h)}">${h.label}</a></li>`)}</ul>`,
  );
}

import type { Figure } from '../queries/finance/figure';
import type { GrantBalance } from '../queries/finance/grant-balance.reader';
import type { GrantSummary } from '../queries/finance/grant-directory.reader';
import type { Reconciliation } from '../queries/finance/grant-reconciliation.reader';
import type { PostingsList } from '../queries/finance/list-postings.query';
import { explainLinks } from './explain-links';
import { figureText } from './figure-cell';
import { flowChart } from './flow-chart';
import { kronor } from './format';
import { html } from './html';
import { layout } from './layout';
import { link, type PageContext } from './page-context';

export function grantsPage(ctx: PageContext, grants: readonly GrantSummary[]): string {
  return layout(
    ctx,
    'Ekonomi',
    html`<h1>Ekonomi</h1>
<div class="table-wrap" tabindex="0"><table><caption class="visually-hidden">Bidrag</caption>
<thead><tr><th scope="col">Bidrag</th><th scope="col">År</th><th scope="col">Innehavare</th></tr></thead>
<tbody>${grants.map((g) => html`<tr><td><a href="${link(ctx, `/ekonomi/${g.slug}`)}">${g.name}</a></td><td>${g.year}</td><td>${g.holder?.name ?? ''}</td></tr>`)}</tbody>
</table></div>`,
  );
}

const CHECK_STATUS: Record<string, string> = { pass: 'godkänd', fail: 'underkänd', unknown: 'okänd' };

export interface GrantAnswer {
  readonly balance: GrantBalance;
  readonly reconciliation: Reconciliation;
  readonly postings: PostingsList;
}

/** A grant: every figure (okänt with its reason), the flow chart, reconciliation checks and postings, each table as CSV. */
export function grantPage(ctx: PageContext, { balance: b, reconciliation: r, postings }: GrantAnswer): string {
  const row = (label: string, f: Figure, id: string) => html`<tr id="${id}"><th scope="row">${label}</th><td class="num">${figureText(f)}</td><td>${explainLinks(ctx, f.events, label)}</td></tr>`;
  const csv = (table: string) => link(ctx, `/ekonomi/${b.grant.slug}/${table}.csv`, { at: ctx.query.at });
  return layout(
    ctx,
    b.grant.name,
    html`<p class="small"><a href="${link(ctx, '/ekonomi')}">Ekonomi</a></p>
<h1>${b.grant.name}</h1>
<dl class="facts"><dt>Överenskommelse</dt><dd>${b.grant.agreement ?? ''}</dd><dt>Innehavare</dt><dd>${b.grant.holder?.name ?? ''}</dd><dt>Per datum</dt><dd>${b.at}</dd></dl>
<form method="get" action="${ctx.path}"><label for="grant-date">Per datum</label> <input id="grant-date" type="date" name="at" value="${b.at}" data-autosubmit>${ctx.knownAt ? html`<input type="hidden" name="knownAt" value="${ctx.knownAt}">` : ''} <button type="submit">Visa</button></form>
<h2>Flödet</h2>
${flowChart(b)}
<h2 id="belopp">Belopp</h2>
<p><a href="${csv('saldo')}">Ladda ner som CSV</a></p>
<div class="table-wrap" tabindex="0"><table id="figures"><caption class="visually-hidden">Belopp</caption><thead><tr><th scope="col">Post</th><th scope="col" class="num">Belopp</th><th scope="col">Förklara</th></tr></thead><tbody>
${row('Erhållet', b.received, 'erhallet')}
${b.parts.map((p) => html`<tr><th scope="row" class="small">– ${p.area}</th><td class="num">${p.amount === null ? html`<span class="unknown">okänt</span> <span class="small">${p.reason ?? ''}</span>` : kronor(p.amount)}</td><td></td></tr>`)}
${row('Fördelat', b.allocated, 'fordelat')}
${b.allocations.map((a) => row(`– ${a.allocation}`, a.figure, `fordelat-${a.allocation}`))}
${row('Ej fördelat', b.unallocated, 'ej-fordelat')}
${row('Prognos outnyttjat', b.forecastUnused, 'prognos')}
${row('Utdelat i förväg', b.distributedEarly, 'forvag')}
${row('Använt', b.used, 'anvant')}
${row(b.remaining.basis === 'final-accounting' ? 'Kvar (enligt slutredovisning)' : 'Kvar (beräknat)', b.remaining, 'kvar')}
${row('Fördelat av det som är kvar', b.settled, 'fordelat-kvar')}
${b.settledByParty.map((p) => row(`– andel till ${p.party.name}`, p.figure, `andel-${p.party.slug}`))}
${row('Ännu ej fakturerat', b.notYetInvoiced, 'ej-fakturerat')}
${row('Fakturerat', b.invoiced, 'fakturerat')}
${row('Betalt', b.paid, 'betalt')}
${row('Utestående', b.outstanding, 'utestaende')}
${row('Medel kvar hos innehavaren', b.fundsHeld, 'hos-innehavaren')}
</tbody></table></div>
<h2 id="fakturor">Fakturor</h2>
${b.invoices.length === 0 ? html`<p>Inga fakturor.</p>` : html`<div class="table-wrap" tabindex="0"><table><caption class="visually-hidden">Fakturor</caption><thead><tr><th scope="col">Faktura</th><th scope="col">Från</th><th scope="col">Till</th><th scope="col" class="num">Fakturerat</th><th scope="col" class="num">Betalt</th><th scope="col" class="num">Utestående</th></tr></thead><tbody>
${b.invoices.map((i) => html`<tr><td>${i.invoice}</td><td>${i.issuer.name}</td><td>${i.payer.name}</td><td class="num">${figureText(i.invoiced)}</td><td class="num">${figureText(i.paid)}</td><td class="num">${figureText(i.outstanding)}</td></tr>`)}</tbody></table></div>`}
<h2 id="avstamning">Avstämning: <span class="status-${r.status}">${CHECK_STATUS[r.status] ?? r.status}</span></h2>
<p><a href="${csv('avstamning')}">Ladda ner som CSV</a></p>
<div class="table-wrap" tabindex="0"><table id="checks"><caption class="visually-hidden">Avstämningskontroller</caption><thead><tr><th scope="col">Kontroll</th><th scope="col">Resultat</th><th scope="col">Varför</th></tr></thead><tbody>
${r.checks.map((c) => html`<tr><td>${c.description}</td><td class="status-${c.status}">${CHECK_STATUS[c.status] ?? c.status}</td><td class="small">${c.detail} ${explainLinks(ctx, c.events, c.check)}</td></tr>`)}</tbody></table></div>
<h2 id="konteringar">Konteringar</h2>
<p><a href="${csv('konteringar')}">Ladda ner som CSV</a></p>
<div class="table-wrap" tabindex="0"><table id="postings"><caption class="visually-hidden">Konteringar</caption><thead><tr><th scope="col">Pos.</th><th scope="col">Händelse</th><th scope="col">Konto</th><th scope="col">Part</th><th scope="col" class="num">Debet</th><th scope="col" class="num">Kredit</th><th scope="col">Datum</th></tr></thead><tbody>
${postings.postings.map((p) => html`<tr><td>${p.position}</td><td><a href="${link(ctx, `/granskning/handelse/${p.event}`)}">${p.eventType}</a>${p.reversalOf ? ' (återföring)' : ''}</td><td>${p.account}</td><td>${p.party}${p.counterparty ? ` → ${p.counterparty}` : ''}</td>
<td class="num">${p.debit !== null ? kronor(p.debit) : p.side === 'debit' ? html`<span class="unknown" title="${p.unknownReason ?? ''}">okänt</span>` : ''}</td><td class="num">${p.credit !== null ? kronor(p.credit) : p.side === 'credit' ? html`<span class="unknown" title="${p.unknownReason ?? ''}">okänt</span>` : ''}</td><td>${p.effectiveDate ?? 'okänt'}</td></tr>`)}</tbody></table></div>`,
  );
}

import type { ChangeArea, CorrectionChange } from '../audit/changed-facts';
import type { ChangesReport } from '../audit/changes-between';
import type { AuditEventPage, AuditVerifyReport, ExplainedEvent } from '../audit/ledger-audit';
import { timestamp } from './format';
import { html, type SafeHtml } from './html';
import { layout } from './layout';
import { link, type PageContext } from './page-context';

function auditNav(ctx: PageContext): SafeHtml {
  return html`<nav aria-label="Granskning"><ul>
<li><a href="${link(ctx, '/granskning')}">Kedjans status</a></li>
<li><a href="${link(ctx, '/granskning/handelser')}">Händelseloggen</a></li>
<li><a href="${link(ctx, '/granskning/andringar')}">Vad ändrades mellan två tidpunkter</a></li>
<li><a href="/granskning/export">Ladda ner exportpaket</a></li>
</ul></nav>
<form method="post" action="/granskning/logga-ut"><button type="submit">Logga ut</button></form>`;
}

/** The sign-in form: the audit API needs an auditor's token, and so do these pages. */
export function auditSignInPage(ctx: PageContext, failed: boolean): string {
  return layout(
    ctx,
    'Granskning',
    html`<h1>Granskning</h1>
<p>Granskningssidorna visar den råa händelseloggen med aktörer och hashvärden och kräver därför en revisorsnyckel (rollen <em>auditor</em>), precis som gransknings-API:t.</p>
${failed ? html`<p class="status-fail" role="alert">Nyckeln är okänd, återkallad eller saknar revisorsrollen.</p>` : ''}
<form method="post" action="/granskning/logga-in">
<label for="token">Revisorsnyckel</label>
<input id="token" name="token" type="password" autocomplete="off" required>
<input type="hidden" name="next" value="${ctx.query.next ?? '/granskning'}">
<button type="submit">Logga in</button>
</form>`,
  );
}

export function auditStatusPage(ctx: PageContext, report: AuditVerifyReport): string {
  return layout(
    ctx,
    'Granskning',
    html`<h1>Granskning</h1>${auditNav(ctx)}
<h2>Hashkedjorna</h2>
<p id="verify-status" class="${report.ok ? 'status-pass' : 'status-fail'}">${report.ok ? 'Alla kedjor stämmer' : 'Kedjan är bruten'}: ${report.events} händelser i ${report.streams} strömmar, till position ${report.position}.</p>
${report.problems.length > 0 ? html`<ul>${report.problems.map((p) => html`<li>${p.stream}: ${p.kind} vid position ${p.position} – ${p.detail} <a href="${link(ctx, `/granskning/handelse/${p.eventId}`)}">händelsen</a></li>`)}</ul>` : ''}
${report.notes.length > 0 ? html`<ul class="small">${report.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}`,
  );
}

function eventsTable(ctx: PageContext, page: AuditEventPage): SafeHtml {
  return html`<div class="table-wrap" tabindex="0"><table id="events"><caption class="visually-hidden">Händelser</caption><thead><tr><th scope="col">Pos.</th><th scope="col">Registrerad</th><th scope="col">Typ</th><th scope="col">Ström</th><th scope="col">Aktör</th></tr></thead><tbody>
${page.events.map((e) => html`<tr><td>${e.position}</td><td>${timestamp(e.recordedAt)}</td><td><a href="${link(ctx, `/granskning/handelse/${e.id}`)}">${e.type}</a></td><td class="small"><a href="${link(ctx, '/granskning/handelser', { stream: e.stream })}">${e.stream}</a></td><td class="small">${e.actor}</td></tr>`)}</tbody></table></div>`;
}

/** The log by position, stream and time; the filter is in the URL. */
export function auditEventsPage(ctx: PageContext, page: AuditEventPage): string {
  const q = ctx.query;
  return layout(
    ctx,
    'Händelseloggen',
    html`<h1>Händelseloggen</h1>${auditNav(ctx)}
<form method="get" action="/granskning/handelser" class="filters">
<label for="f-stream">Ström</label> <input id="f-stream" name="stream" value="${q.stream ?? ''}">
<label for="f-from">Från (tid)</label> <input id="f-from" name="from" value="${q.from ?? ''}" placeholder="2026-01-01">
<label for="f-to">Till (tid)</label> <input id="f-to" name="to" value="${q.to ?? ''}" placeholder="2026-12-31">
<label for="f-after">Efter position</label> <input id="f-after" name="after" inputmode="numeric" value="${q.after ?? ''}">
<button type="submit">Filtrera</button></form>
${eventsTable(ctx, page)}
${page.next !== null ? html`<p><a href="${link(ctx, '/granskning/handelser', { ...q, after: String(page.next) })}">Nästa sida</a></p>` : ''}`,
  );
}

const AREA_LABEL: Record<ChangeArea, string> = {
  grupper: 'Grupper',
  personer: 'Personer',
  organisationer: 'Organisationer',
  möten: 'Möten',
  beslut: 'Beslut',
  ekonomi: 'Ekonomi',
  projekt: 'Projekt',
  övrigt: 'Övrigt',
};

/** "What changed between K1 and K2": the events recorded in that window as the facts they state, and what each correction changed. */
export function auditChangesPage(ctx: PageContext, from: string, to: string, report: ChangesReport | null): string {
  return layout(
    ctx,
    'Vad ändrades',
    html`<h1>Vad ändrades mellan två tidpunkter</h1>${auditNav(ctx)}
<form method="get" action="/granskning/andringar">
<label for="k1">Från (K1)</label> <input id="k1" type="date" name="fran" value="${from}">
<label for="k2">Till (K2)</label> <input id="k2" type="date" name="till" value="${to}">
<button type="submit">Visa ändringar</button></form>
${report === null ? '' : changesBody(ctx, from, to, report)}`,
  );
}

function changesBody(ctx: PageContext, from: string, to: string, report: ChangesReport): SafeHtml {
  const window = html`${from || 'början'} och ${to || 'nu'}`;
  if (report.changes.length === 0) return html`<p id="changes-summary">Inga händelser registrerades mellan ${window}: registret ändrades inte.</p>`;
  const more = report.next !== null ? '+' : '';
  const areas = (Object.entries(report.byArea) as [ChangeArea, number][]).map(([area, n]) => `${AREA_LABEL[area]} ${n}`).join(', ');
  return html`<p id="changes-summary">${report.changes.length}${more} händelser registrerades mellan ${window} (${areas}).
${report.corrections === 0 ? 'Ingen av dem rättar eller återkallar något som registrerats tidigare.' : `${report.corrections} av dem rättar eller återkallar uppgifter som registrerats tidigare.`}</p>
<h2>Ändrade uppgifter, i registreringsordning</h2>
<ol id="changed-facts" class="changes">${report.changes.map((c) => html`<li${c.correction ? html` class="correction"` : ''}><a href="${link(ctx, `/granskning/handelse/${c.id}`)}">${c.type} (${c.position})</a> <span class="small">${timestamp(c.recordedAt)} · ${AREA_LABEL[c.area]}</span><br>${c.fact}${c.correction ? correctionDetail(ctx, c.correction) : ''}</li>`)}</ol>
${report.next !== null ? html`<p><a href="${link(ctx, '/granskning/handelser', { from, to, after: String(report.next) })}">Fler i händelseloggen</a></p>` : ''}`;
}

function correctionDetail(ctx: PageContext, c: CorrectionChange): SafeHtml {
  return html`<dl class="change-detail small"><dt>Före</dt><dd>${c.before ?? 'händelsen finns inte i strömmen'}${c.targetRecordedAt ? ` (registrerad ${timestamp(c.targetRecordedAt)})` : ''} <a href="${link(ctx, `/granskning/handelse/${c.targetEventId}`)}">den rättade händelsen</a></dd>
<dt>Efter</dt><dd>${c.after ?? 'gäller inte längre (återkallad)'}</dd>
${c.fields.length === 0 ? '' : html`<dt>Ändrade fält</dt><dd><ul>${c.fields.map((f) => html`<li><code>${f.path}</code>: ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}</li>`)}</ul></dd>`}</dl>`;
}

/** One event with its envelope, chain link, source and corrections. */
export function auditEventPage(ctx: PageContext, x: ExplainedEvent): string {
  const e = x.event;
  return layout(
    ctx,
    `Händelse ${e.position}`,
    html`<h1>Händelse ${e.position}: ${e.type}</h1>${auditNav(ctx)}
<dl class="facts"><dt>Id</dt><dd>${e.id}</dd><dt>Ström</dt><dd>${e.stream} (version ${e.streamVersion})</dd><dt>Registrerad</dt><dd>${e.recordedAt}</dd><dt>Aktör</dt><dd>${e.actor}</dd><dt>Kommando</dt><dd>${e.commandId}</dd>
<dt>Kedjan</dt><dd class="${x.chain.verified ? 'status-pass' : 'status-fail'}">${x.chain.verified ? 'verifierad' : `bruten: ${x.chain.problem?.detail ?? ''}`}</dd><dt>Hash</dt><dd class="small">${x.chain.hash ?? '–'}</dd>
<dt>Källa</dt><dd>${x.source ? `${x.source.document ?? ''}${x.source.item ? ` punkt ${x.source.item}` : ''}` : '–'}</dd>
<dt>Rättad av</dt><dd>${x.correctedBy.length === 0 ? '–' : x.correctedBy.map((c) => html`<a href="${link(ctx, `/granskning/handelse/${c.id}`)}">${c.type}</a> `)}</dd></dl>
<h2>Kuvert</h2>
<pre class="envelope">${JSON.stringify(e, null, 2)}</pre>`,
  );
}

import type { Principal } from '../../access/principal';
import { day } from '../format';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';
import { link, type PageContext } from '../page-context';
import { value, itemRowCount, type FieldErrors, type FormValues } from './build-command';
import { DECISION_FORMS, ITEM_KINDS, OUTCOMES, type DecisionForm, type FormField } from './decision-forms';
import { findNamed, type Directory, type Named } from './pickers';
import { parseSwedishDate } from './swedish-date';

const ASSETS = { css: ['/assets/registrera.css'], js: ['/assets/registrera.js'] };

/** Who is signed in, shown on every clerk page, with the way out (a POST, so it carries the CSRF field too). */
function signedInBar(principal: Principal, csrf: string): SafeHtml {
  return html`<div class="signed-in">
<p>Inloggad som <strong>${principal.name}</strong> (${principal.role === 'clerk' ? 'registrator' : 'administratör'}).</p>
<form method="post" action="/logga-ut"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit" class="secondary">Logga ut</button></form>
</div>
${principal.role === 'admin' ? html`<p class="notice" role="note">Du är inloggad med en administratörsnyckel. Administratören hanterar nycklar men registrerar inga beslut: du kan fylla i och förhandsgranska, men bara en registrator (rollen <em>clerk</em>) kan spara.</p>` : ''}`;
}

export function signInPage(ctx: PageContext, state: { failed?: 'unknown' | 'role'; signedOut?: boolean; ended?: boolean; next: string }): string {
  return layout(
    ctx,
    'Logga in',
    html`<h1>Logga in för att registrera beslut</h1>
<p>Formulären för att registrera beslut kräver en registratorsnyckel (rollen <em>clerk</em>), samma nyckel som för API:t. En administratör kan också logga in, men bara en registrator kan spara.</p>
${state.signedOut ? html`<p class="status-pass" role="status">Du är utloggad.</p>` : ''}
${state.ended ? html`<p class="notice" role="status">Din inloggning har upphört (den gäller i åtta timmar, och slutar direkt om nyckeln återkallas). Logga in igen.</p>` : ''}
${state.failed === 'unknown' ? html`<p class="status-fail" role="alert" id="sign-in-error">Nyckeln är okänd eller återkallad.</p>` : ''}
${state.failed === 'role' ? html`<p class="status-fail" role="alert" id="sign-in-error">Nyckeln gäller, men dess roll får inte registrera beslut här. Det krävs en registratorsnyckel (clerk).</p>` : ''}
<form method="post" action="/logga-in" class="clerk-form">
<div class="field">
<label for="token">Registratorsnyckel</label>
<input id="token" name="token" type="password" autocomplete="off" required${state.failed ? html` aria-invalid="true" aria-describedby="sign-in-error"` : ''}>
</div>
<input type="hidden" name="next" value="${state.next}">
<button type="submit">Logga in</button>
</form>`,
    ASSETS,
  );
}

export function indexPage(ctx: PageContext, principal: Principal, csrf: string): string {
  return layout(
    ctx,
    'Registrera',
    html`<h1>Registrera beslut</h1>
${signedInBar(principal, csrf)}
<p class="intake-link"><a href="${link(ctx, '/registrera/protokoll')}"><strong>Registrera ett helt protokoll från dess text</strong></a><br><span class="muted small">Klistra in eller ladda upp protokollet; registret föreslår mötet, närvaron och besluten, och du granskar varje förslag innan något sparas.</span></p>
<p>Eller välj vad protokollet beslutade, ett beslut i taget. Varje formulär kan förhandsgranskas innan något sparas; det som sparas läggs till i händelseloggen och kan bara rättas med en ny registrering.</p>
<ul class="form-list" id="forms">
${DECISION_FORMS.map((f) => html`<li><a href="${link(ctx, `/registrera/${f.slug}`)}">${f.title}</a><br><span class="muted small">${f.intro}</span></li>`)}
</ul>`,
    ASSETS,
  );
}

/** A field's id on the page: "items.2.title" → "f-items-2-title". */
export const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;

function errorsOf(errors: FieldErrors, name: string): readonly string[] {
  return errors.get(name) ?? [];
}

function describedBy(name: string, hint: boolean, errors: FieldErrors): SafeHtml | string {
  const ids = [...(hint ? [`${fieldId(name)}-hint`] : []), ...(errorsOf(errors, name).length > 0 ? [`${fieldId(name)}-error`] : [])];
  return html`${ids.length > 0 ? html` aria-describedby="${ids.join(' ')}"` : ''}${errorsOf(errors, name).length > 0 ? html` aria-invalid="true"` : ''}`;
}

function fieldError(name: string, errors: FieldErrors): SafeHtml | string {
  const messages = errorsOf(errors, name);
  return messages.length > 0 ? html`<p class="field-error" id="${fieldId(name)}-error">${messages.join(' ')}</p>` : '';
}

const PICKER_LIST: Record<string, string> = { group: 'lista-grupper', party: 'lista-huvudman', person: 'lista-personer', meeting: 'lista-moten' };

function input(field: FormField, values: FormValues, errors: FieldErrors): SafeHtml {
  const id = fieldId(field.name);
  const v = value(values, field.name);
  const aria = describedBy(field.name, !!field.hint, errors);
  const required = field.required ? html` required aria-required="true"` : '';
  let control: SafeHtml;
  if (field.kind === 'select') {
    control = html`<select id="${id}" name="${field.name}"${required}${aria}>${field.required && !v ? html`<option value="">Välj …</option>` : ''}${(field.options ?? []).map(([ov, label]) => html`<option value="${ov}"${ov === v ? html` selected` : ''}>${label}</option>`)}</select>`;
  } else if (field.kind === 'textarea') {
    control = html`<textarea id="${id}" name="${field.name}" rows="4"${required}${aria}>${v}</textarea>`;
  } else if (field.kind === 'group' || field.kind === 'party' || field.kind === 'person') {
    control = html`<input id="${id}" name="${field.name}" type="text" value="${v}" list="${PICKER_LIST[field.kind]}" data-picker="${field.kind}" autocomplete="off"${required}${aria}>`;
  } else {
    control = html`<input id="${id}" name="${field.name}" type="text" value="${v}"${field.kind === 'date' ? html` data-kind="date"` : ''} autocomplete="off"${required}${aria}>`;
  }
  return html`<div class="field${errorsOf(errors, field.name).length > 0 ? ' has-error' : ''}">
<label for="${id}">${field.label}${field.required ? html` <span class="req">(obligatoriskt)</span>` : ''}</label>
${field.hint ? html`<p class="hint" id="${id}-hint">${field.hint}</p>` : ''}
${fieldError(field.name, errors)}
${control}
</div>`;
}

function citation(values: FormValues, errors: FieldErrors): SafeHtml {
  const meeting: FormField = { name: 'decisionMeeting', label: 'Mötet där beslutet fattades', kind: 'text', hint: 'T.ex. Länsgemensam ledning i samverkan 2025-02-28. Lämna tomt om beslutet inte finns i ett registrerat protokoll.' };
  const item: FormField = { name: 'decisionItem', label: 'Punkt i protokollet', kind: 'text', hint: 'T.ex. 4 eller 4.1.' };
  const id = fieldId(meeting.name);
  const v = value(values, meeting.name);
  return html`<fieldset class="citation"><legend>Beslutet som detta bygger på</legend>
<div class="field${errorsOf(errors, meeting.name).length > 0 ? ' has-error' : ''}">
<label for="${id}">${meeting.label}</label>
<p class="hint" id="${id}-hint">${meeting.hint}</p>
${fieldError(meeting.name, errors)}
<input id="${id}" name="${meeting.name}" type="text" value="${v}" list="${PICKER_LIST.meeting}" autocomplete="off"${describedBy(meeting.name, true, errors)}>
</div>
${input(item, values, errors)}
</fieldset>`;
}

function itemRowsMarkup(values: FormValues, errors: FieldErrors): SafeHtml {
  const rows = itemRowCount(values);
  const cell = (row: number, column: string, label: string, kind: 'text' | 'textarea' | 'select', options?: readonly (readonly [string, string])[]) =>
    input({ name: `items.${row}.${column}`, label, kind, ...(options && { options }) }, values, errors);
  return html`<fieldset class="items"><legend>Punkter i protokollet</legend>
<p class="hint">Fyll i en rad per punkt; tomma rader hoppas över.</p>
${Array.from({ length: rows }, (_, row) => html`<fieldset class="item-row"><legend>Rad ${row + 1}</legend>
<div class="item-grid">
${cell(row, 'number', 'Nummer', 'text')}
${cell(row, 'title', 'Rubrik', 'text')}
${cell(row, 'kind', 'Slag', 'select', ITEM_KINDS)}
</div>
${cell(row, 'text', 'Text', 'textarea')}
${cell(row, 'decisionText', 'Beslut (som det står i protokollet)', 'textarea')}
<div class="item-grid">
${cell(row, 'outcome', 'Utfall', 'select', OUTCOMES)}
${cell(row, 'procedure', 'Hur beslutet fattas senare (vid uppskjutet beslut)', 'text')}
</div>
</fieldset>`)}
<input type="hidden" name="itemRows" value="${rows}">
<button type="submit" name="action" value="fler" class="secondary">Fler punkter</button>
</fieldset>`;
}

function datalists(directory: Directory, values: FormValues, form: DecisionForm): SafeHtml {
  const options = (list: readonly Named[]) => list.map((n) => html`<option value="${n.name}">${n.slug}</option>`);
  // People are many: the script fills the list as the clerk types; without it the server reads the typed name. The chosen ones are kept.
  const chosen = form.fields.filter((f) => f.kind === 'person').map((f) => findNamed(value(values, f.name), directory.persons)).filter((n): n is Named => n !== null);
  return html`<datalist id="lista-grupper">${options(directory.groups)}</datalist>
<datalist id="lista-huvudman">${options(directory.parties)}</datalist>
<datalist id="lista-personer">${options(chosen)}</datalist>
${form.cites ? html`<datalist id="lista-moten">${options(directory.meetings)}</datalist>` : ''}`;
}

/** What a preview or a receipt shows: each filled field as the clerk will read it back. */
export function recordedRows(form: DecisionForm, values: FormValues, directory: Directory): [string, string][] {
  const rows: [string, string][] = [];
  for (const field of form.fields) {
    const typed = value(values, field.name);
    if (typed === '') continue;
    if (field.kind === 'date') {
      const parsed = parseSwedishDate(typed, field.date ?? {});
      rows.push([field.label, parsed.ok ? (parsed.value === 'unknown' ? 'okänt datum' : day(parsed.value, precisionOf(parsed.value))) : typed]);
    } else if (field.kind === 'select') {
      rows.push([field.label, field.options?.find(([v]) => v === typed)?.[1] ?? typed]);
    } else if (field.kind === 'person' || field.kind === 'group' || field.kind === 'party') {
      const list = field.kind === 'person' ? directory.persons : field.kind === 'group' ? directory.groups : directory.parties;
      const known = findNamed(typed, list);
      rows.push([field.label, known ? known.name : field.kind === 'person' && field.mayBeNew ? `${typed} (ny i registret)` : typed]);
    } else rows.push([field.label, typed]);
  }
  if (form.cites && value(values, 'decisionMeeting')) {
    const meeting = findNamed(value(values, 'decisionMeeting'), directory.meetings);
    rows.push(['Beslut', `${meeting?.name ?? value(values, 'decisionMeeting')}, punkt ${value(values, 'decisionItem')}`]);
  }
  if (form.items) {
    for (let row = 0; row < itemRowCount(values); row++) {
      const title = value(values, `items.${row}.title`);
      if (title) rows.push([`Punkt ${value(values, `items.${row}.number`)}`, `${title} (${value(values, `items.${row}.kind`) === 'decision' ? 'beslut' : 'information'})`]);
    }
  }
  return rows;
}

function precisionOf(date: string): string {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

const EVENT_SV: Record<string, string> = {
  MemberReplaced: 'Ledamot ersatt',
  MemberAppointed: 'Ledamot tillsatt',
  MembershipEnded: 'Uppdrag avslutat',
  ChairAppointed: 'Ordförande utsedd',
  AffiliationRecorded: 'Anställning registrerad',
  PersonRegistered: 'Ny person i registret',
  MeetingRecorded: 'Möte registrerat',
  AgendaItemAdded: 'Punkt i protokollet',
};

export interface EventLine {
  readonly type: string;
  readonly id?: string;
  readonly position?: number;
}

function eventList(events: readonly EventLine[], id: string): SafeHtml {
  return html`<ol id="${id}">${events.map((e) => html`<li>${EVENT_SV[e.type] ?? e.type} <span class="muted small">(${e.type}${e.position !== undefined ? `, position ${e.position}` : ''})</span></li>`)}</ol>`;
}

export interface FormPageState {
  readonly values: FormValues;
  readonly errors: FieldErrors;
  /** The dry run's answer, when the clerk asked for a preview and the ledger would accept it. */
  readonly preview?: readonly EventLine[];
}

export function formPage(ctx: PageContext, form: DecisionForm, principal: Principal, csrf: string, directory: Directory, state: FormPageState): string {
  const { values, errors, preview } = state;
  const general = errorsOf(errors, '');
  const fieldsWithErrors = [...errors.keys()].filter((k) => k !== '');
  return layout(
    ctx,
    form.title,
    html`<p class="breadcrumb"><a href="${link(ctx, '/registrera')}">Registrera</a></p>
<h1>${form.title}</h1>
${signedInBar(principal, csrf)}
<p>${form.intro}</p>
${errors.size > 0 ? html`<div class="error-summary" role="alert" id="form-errors" tabindex="-1"><h2>Registret godtog inte uppgifterna</h2>
<p>Inget har sparats. Rätta det som står vid fälten och försök igen.</p>
${general.length > 0 ? html`<ul id="general-errors">${general.map((m) => html`<li>${m}</li>`)}</ul>` : ''}
${fieldsWithErrors.length > 0 ? html`<ul>${fieldsWithErrors.map((k) => html`<li><a href="#${fieldId(k)}">${labelOf(form, k)}</a>: ${errorsOf(errors, k).join(' ')}</li>`)}</ul>` : ''}
</div>` : ''}
${preview ? html`<section class="preview" id="preview" aria-labelledby="h-preview"><h2 id="h-preview">Förhandsgranskning</h2>
<p><strong>Inget är sparat ännu.</strong> Registret godtar uppgifterna; så här skulle de registreras:</p>
${facts(recordedRows(form, values, directory))}
${eventList(preview, 'preview-events')}
<p>Stämmer det? Tryck på <em>Spara</em> nedan.</p></section>` : ''}
<form method="post" action="/registrera/${form.slug}" class="clerk-form" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="commandId" value="${value(values, 'commandId')}">
${form.fields.map((f) => input(f, values, errors))}
${form.cites ? citation(values, errors) : ''}
${form.items ? itemRowsMarkup(values, errors) : ''}
<div class="actions">
<button type="submit" name="action" value="forhandsgranska">Förhandsgranska</button>
<button type="submit" name="action" value="spara">Spara</button>
</div>
</form>
${datalists(directory, values, form)}`,
    ASSETS,
  );
}

function labelOf(form: DecisionForm, name: string): string {
  const field = form.fields.find((f) => f.name === name);
  if (field) return field.label;
  if (name === 'decisionMeeting') return 'Mötet där beslutet fattades';
  if (name === 'decisionItem') return 'Punkt i protokollet';
  const item = /^items\.(\d+)\.(\w+)$/.exec(name);
  return item ? `Rad ${Number(item[1]) + 1}` : name;
}

function facts(rows: readonly [string, string][]): SafeHtml {
  return html`<dl class="facts">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

export interface Receipt {
  readonly rows: readonly [string, string][];
  readonly events: readonly EventLine[];
  readonly repeated: boolean;
  readonly links: readonly (readonly [href: string, label: string])[];
}

export function receiptPage(ctx: PageContext, form: DecisionForm, principal: Principal, csrf: string, receipt: Receipt): string {
  return layout(
    ctx,
    'Registrerat',
    html`<p class="breadcrumb"><a href="${link(ctx, '/registrera')}">Registrera</a></p>
<h1>Registrerat: ${form.title.toLowerCase()}</h1>
${signedInBar(principal, csrf)}
<p class="status-pass" role="status" id="receipt-status">${receipt.repeated ? 'Detta var redan registrerat (formuläret skickades två gånger); inget nytt lades till.' : 'Sparat i händelseloggen.'}</p>
<h2>Det här registrerades</h2>
${facts(receipt.rows)}
<h2>Händelser</h2>
${eventList(receipt.events, 'receipt-events')}
<h2>Se resultatet</h2>
<ul id="receipt-links">${receipt.links.map(([href, label]) => html`<li><a href="${href}">${label}</a></li>`)}</ul>
<p><a href="${link(ctx, `/registrera/${form.slug}`)}">Registrera ett till</a> · <a href="${link(ctx, '/registrera')}">Alla formulär</a></p>`,
    ASSETS,
  );
}

/** A POST without this session's CSRF field, or from another site: refused, nothing recorded. */
export function forbiddenPage(ctx: PageContext): string {
  return layout(
    ctx,
    'Förbjudet',
    html`<h1>Formuläret kunde inte tas emot</h1>
<p id="forbidden-detail">Formuläret saknade sin säkerhetskod eller kom från en annan webbplats, så inget har sparats. Det händer om sidan var öppen länge eller om du loggade in på nytt under tiden.</p>
<p><a href="${link(ctx, '/registrera')}">Öppna formuläret igen</a></p>`,
    ASSETS,
  );
}

export function tooLargePage(ctx: PageContext): string {
  return layout(ctx, 'För stort', html`<h1>Formuläret är för stort</h1><p>Inget har sparats. Dela upp mötets punkter på flera registreringar.</p><p><a href="${link(ctx, '/registrera')}">Tillbaka</a></p>`, ASSETS);
}

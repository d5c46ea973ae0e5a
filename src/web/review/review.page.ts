import type { IntakeResult, NameResolution, Proposal } from '../../intake/intake-result';
import { day } from '../format';
import { html, type SafeHtml } from '../html';
import { layout } from '../layout';
import type { PageContext } from '../page-context';
import { ambiguousNames, editableFields, type ReviewChoice } from './review-state';

/** A refusal the dry run or the commit reported, tied to the proposal (batch index) it names when it names one. */
export interface ReviewViolation {
  readonly proposalId: string | null;
  /** The HTTP status a real write would answer: 400 a malformed (incomplete) command, 422 a broken rule, … */
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly fields: readonly { readonly field: string; readonly message: string }[];
}

/** What a dry run of the confirmed proposals said. */
export interface ReviewPreview {
  readonly ok: boolean;
  readonly events: readonly { readonly type: string; readonly stream: string }[];
  readonly violations: readonly ReviewViolation[];
}

export interface ReviewView {
  readonly csrf: string;
  readonly text: string;
  readonly intake: IntakeResult;
  /** The clerk's choices so far (after a preview or a refused commit); null on first view: everything confirmed. */
  readonly choice: ReviewChoice | null;
  readonly preview: ReviewPreview | null;
  /** A message for the whole page (a refused commit, an unpicked name). */
  readonly alert: string | null;
}

const CONFIDENCE: Record<string, string> = { stated: 'Står i texten', inferred: 'Tolkat – kontrollera' };
const TYPE_SV: Record<string, string> = {
  RecordMeeting: 'Möte',
  RecordAttendance: 'Närvaro',
  RecordAffiliation: 'Anställning',
  ReplaceMember: 'Ersätter ledamot',
  AppointMember: 'Ny ledamot',
  EndMembership: 'Avslutat uppdrag',
  AppointChair: 'Ordförande',
  ExtendProject: 'Förlängt projekt',
  RecordDeferredDecision: 'Uppskjutet beslut',
};

function lineSpan(p: Proposal): string {
  const numbers = p.lines.map((l) => l.line);
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  return first === last ? `rad ${first}` : `rad ${first}–${last}`;
}

function nameLine(proposal: Proposal, name: NameResolution, choice: ReviewChoice | null): SafeHtml {
  if (name.kind === 'existing') return html`<li><span class="name-existing">${name.name}</span>: finns i registret (<a href="/personer/${name.slug}">${name.slug}</a>)</li>`;
  if (name.kind === 'new') return html`<li><span class="name-new">${name.name}</span>: ny person i registret (${name.slug})</li>`;
  const n = ambiguousNames(proposal).indexOf(name);
  const picked = choice?.confirmed.find((c) => c.proposal.id === proposal.id);
  const chosen = picked ? JSON.stringify(picked.command.data).match(new RegExp(`"name":"${name.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}","slug":"([a-z0-9-]+)"`))?.[1] : undefined;
  const id = `pick-${proposal.id}-${n}`;
  return html`<li class="name-ambiguous"><label for="${id}"><strong>${name.name}</strong> kan vara flera personer – välj vem:</label>
<select id="${id}" name="pick.${proposal.id}.${n}">
<option value="">Välj …</option>
${name.candidates.map((c) => html`<option value="${c.slug}"${chosen === c.slug ? html` selected` : ''}>${c.name} (${c.slug}) – ${c.why}</option>`)}
</select></li>`;
}

function violationList(violations: readonly ReviewViolation[]): SafeHtml | string {
  if (violations.length === 0) return '';
  return html`<div role="alert"><ul class="violations">${violations.map(
    (v) => html`<li><strong>${v.title}</strong>: ${v.detail}${v.fields.length > 0 ? html`<ul>${v.fields.map((f) => html`<li><code>${f.field}</code>: ${f.message}</li>`)}</ul>` : ''}</li>`,
  )}</ul></div>`;
}

function proposalBlock(view: ReviewView, p: Proposal): SafeHtml {
  const edited = view.choice?.confirmed.find((c) => c.proposal.id === p.id);
  const kept = view.choice ? !!edited : true;
  const data = edited?.command.data ?? p.command.data;
  const violations = view.preview?.violations.filter((v) => v.proposalId === p.id) ?? [];
  const fields = editableFields(p.command.data, p.command.type);
  return html`<fieldset class="proposal${violations.length > 0 ? ' refused' : ''}" id="forslag-${p.id}">
<legend><span class="kind">${TYPE_SV[p.command.type] ?? p.command.type}</span> ${p.summary}</legend>
<p class="small">${p.item ? html`Punkt ${p.item}, ` : ''}<a href="#rad-${p.lines[0]?.line ?? 1}">${lineSpan(p)}</a> · <span class="confidence ${p.confidence}">${CONFIDENCE[p.confidence] ?? p.confidence}</span></p>
${violationList(violations)}
<p><input type="checkbox" id="keep-${p.id}" name="keep.${p.id}" value="on"${kept ? html` checked` : ''}> <label for="keep-${p.id}">Ta med</label></p>
${p.names.length > 0 ? html`<ul class="names">${p.names.map((n) => nameLine(p, n, view.choice))}</ul>` : ''}
${p.notes.length > 0 ? html`<ul class="notes">${p.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}
${fields.length > 0
    ? html`<details><summary>Ändra uppgifter</summary>${fields.map(({ path }) => {
        const id = `edit-${p.id}-${path.replace(/\./g, '-')}`;
        const value = path.includes('.') ? ((data[path.split('.')[0]!] as Record<string, unknown> | undefined)?.[path.split('.')[1]!] as string | undefined) : (data[path] as string | undefined);
        return html`<p class="field"><label for="${id}">${fieldLabel(path)}</label> <input id="${id}" name="edit.${p.id}.${path}" value="${value ?? ''}"></p>`;
      })}</details>`
    : ''}
</fieldset>`;
}

const LABELS: Record<string, string> = {
  group: 'Grupp', body: 'Organ', date: 'Datum', place: 'Plats', title: 'Titel', registryNumber: 'Diarienummer', effectiveFrom: 'Gäller från',
  effectiveTo: 'Gäller till', field: 'Område', organisation: 'Organisation', unit: 'Enhet', role: 'Roll', meeting: 'Möte', name: 'namn',
  'person.name': 'Person', 'incoming.name': 'Ny ledamot', 'outgoing.name': 'Tidigare ledamot', 'chair.name': 'Ordförande', project: 'Projekt', decidedOn: 'Beslutsdatum', text: 'Beslutstext', procedure: 'Beslutsform', item: 'Punkt',
};

function fieldLabel(path: string): string {
  return LABELS[path] ?? path;
}

/** The review page: the protocol's lines on one side, the proposed commands on the other, then preview or save. */
export function reviewPage(ctx: PageContext, view: ReviewView): string {
  const { intake } = view;
  const m = intake.meeting;
  const ambiguous = intake.counts.ambiguous;
  return layout(
    ctx,
    'Granska protokoll',
    html`<h1>Granska protokollet ${m.title}</h1>
<p>Möte ${day(m.date)}${m.place ? `, ${m.place}` : ''}${m.registryNumber ? html`, diarienummer ${m.registryNumber}` : ''}. ${intake.proposals.length} förslag${ambiguous > 0 ? html`, <strong>${ambiguous} namn att välja</strong>` : ''}${intake.notUnderstood.length > 0 ? html`, ${intake.notUnderstood.length} stycken som inte tolkades` : ''}. Inget är sparat ännu.</p>
${view.alert ? html`<p class="status-fail" role="alert" id="review-alert">${view.alert}</p>` : ''}
${view.preview
      ? view.preview.ok
        ? html`<p class="status-pass" role="status" id="preview-status">Förhandsgranskning: ${view.preview.events.length} händelser skulle registreras. Inget är sparat.</p>`
        : html`<div class="status-fail" role="alert" id="preview-status"><p>Förhandsgranskning: registret skulle inte ta emot detta. Inget är sparat.</p>${violationList(view.preview.violations.filter((v) => v.proposalId === null))}</div>`
      : ''}
<form method="post" action="/registrera/protokoll/granska" class="review">
<input type="hidden" name="_csrf" value="${view.csrf}">
<input type="hidden" name="text" value="${view.text}">
<input type="hidden" name="intake" value="${JSON.stringify(intake)}">
<div class="review-columns">
<section class="source" aria-labelledby="source-heading"><h2 id="source-heading">Protokolltexten</h2>
<ol class="source-lines" tabindex="0" aria-labelledby="source-heading">${view.text.split(/\r?\n/).map((t, i) => html`<li id="rad-${i + 1}" value="${i + 1}">${t}</li>`)}</ol>
</section>
<section class="proposals" aria-labelledby="proposals-heading"><h2 id="proposals-heading">Förslag</h2>
${intake.proposals.map((p) => proposalBlock(view, p))}
${intake.amounts.length > 0
      ? html`<h3>Belopp i texten</h3><p class="small">Belopp registreras av ekonomi; de visas här för kontroll.</p><ul class="amounts">${intake.amounts.map(
          (a) => html`<li>${a.printed} – ${a.belongsTo}${a.item ? html` (punkt ${a.item})` : ''} <a href="#rad-${a.lines[0]?.line ?? 1}">rad ${a.lines[0]?.line ?? ''}</a></li>`,
        )}</ul>`
      : ''}
${intake.notUnderstood.length > 0
      ? html`<h3 id="not-understood">Inte tolkat</h3><ul class="not-understood">${intake.notUnderstood.map(
          (n) => html`<li>${n.item ? html`Punkt ${n.item}: ` : ''}${n.reason} <a href="#rad-${n.lines[0]?.line ?? 1}">rad ${n.lines[0]?.line ?? ''}${n.lines.length > 1 ? `–${n.lines.at(-1)!.line}` : ''}</a><blockquote>${n.lines.slice(0, 4).map((l) => html`${l.text}<br>`)}${n.lines.length > 4 ? '…' : ''}</blockquote></li>`,
        )}</ul>`
      : ''}
</section>
</div>
<p class="actions"><button type="submit" name="action" value="forhandsgranska">Förhandsgranska</button>
<button type="submit" name="action" value="spara">Spara de valda förslagen</button></p>
</form>`,
  );
}

/** The upload form: paste the text or choose a .txt file. */
export function intakeFormPage(ctx: PageContext, csrf: string, problem: { field: string; message: string } | null, text = ''): string {
  return layout(
    ctx,
    'Registrera protokoll',
    html`<h1>Registrera ett protokoll</h1>
<p>Klistra in protokollets text eller välj en textfil. Registret läser mötet, punkterna, närvaron och besluten och visar förslag som du granskar innan något sparas.</p>
${problem ? html`<p class="status-fail" role="alert" id="intake-problem">${problem.message}</p>` : ''}
<form method="post" action="/registrera/protokoll" enctype="multipart/form-data">
<input type="hidden" name="_csrf" value="${csrf}">
<p><label for="protocol-text">Protokollets text</label><br>
<textarea id="protocol-text" name="text" rows="16" cols="80"${problem?.field === 'text' ? html` aria-invalid="true" aria-describedby="intake-problem"` : ''}>${text}</textarea></p>
<p><label for="protocol-file">eller en textfil (.txt)</label><br>
<input id="protocol-file" type="file" name="protocol" accept=".txt,text/plain"${problem?.field === 'protocol' ? html` aria-invalid="true" aria-describedby="intake-problem"` : ''}></p>
<p><button type="submit">Läs protokollet</button></p>
</form>`,
  );
}

/** After a commit: what was recorded, and where to see it. */
export function reviewReceiptPage(ctx: PageContext, meetingRef: string, commands: number, events: number): string {
  return layout(
    ctx,
    'Protokollet är registrerat',
    html`<h1>Protokollet är registrerat</h1>
<p role="status" id="receipt">${commands} förslag sparades som ${events} händelser, allt eller inget i en omgång.</p>
<p><a href="/moten/${meetingRef}">Visa mötet</a> · <a href="/registrera/protokoll">Registrera ett till protokoll</a></p>`,
  );
}

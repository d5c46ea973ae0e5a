import type { ProblemDetails } from '../../http/problem-details';
import type { DecisionForm } from './decision-forms';
import type { FieldErrors } from './build-command';

/** The ledger's words for common refusals, as a clerk reads them; anything else is shown as the ledger put it. */
const SWEDISH: readonly [RegExp, string][] = [
  [/^unknown group$/, 'Gruppen finns inte i registret.'],
  [/^unknown person$/, 'Personen finns inte i registret.'],
  [/^unknown party$/, 'Huvudmannen finns inte i registret.'],
  [/^unknown meeting/, 'Mötet finns inte i registret: registrera mötet först.'],
  [/^no item (\S+) in/, 'Mötet har ingen punkt $1.'],
  [/^does not sit in this group on that date$/, 'Personen sitter inte i gruppen det datumet.'],
  [/^already sits in this group at or after that date$/, 'Personen sitter redan i gruppen vid det datumet.'],
  [/^must differ from outgoing$/, 'Den nya ledamoten måste vara en annan person än den som avgår.'],
  [/^must not be before effectiveFrom$/, 'Slutet får inte ligga före början.'],
  [/^this body already has a meeting recorded on that day$/, 'Organet har redan ett möte registrerat den dagen.'],
  [/^is used by another item$/, 'Numret används av en annan punkt.'],
  [/^is required unless the decision was deferred$/, 'Skriv beslutstexten (den behövs om beslutet inte sköts upp).'],
  [/^is required for a deferred decision/, 'Skriv hur beslutet ska fattas, t.ex. ”beslutas via mejl”.'],
  [/^is only for a deferred decision$/, 'Fylls bara i för ett uppskjutet beslut.'],
];

export function swedishMessage(message: string): string {
  for (const [pattern, sv] of SWEDISH) if (pattern.test(message)) return message.replace(pattern, sv);
  return `Registret svarar: ${message}`;
}

/**
 * The form field a problem's `field` path names: "data.outgoing" → "outgoing",
 * "data.items[1].decision.text" → "items.<row>.decisionText", "metadata.decision.item" → "decisionItem".
 * Null when the path names nothing on this form (the message is then shown above the form).
 */
export function formFieldOf(path: string, form: DecisionForm, itemRows: readonly number[]): string | null {
  if (path === 'metadata.decision' || path === 'metadata.decision.meeting') return form.cites ? 'decisionMeeting' : null;
  if (path === 'metadata.decision.item') return form.cites ? 'decisionItem' : null;
  if (!path.startsWith('data.')) return null;
  const rest = path.slice('data.'.length);
  const item = /^items\[(\d+)\](?:\.(\w+))?(?:\.(\w+))?/.exec(rest);
  if (item && form.items) {
    const row = itemRows[Number(item[1])];
    if (row === undefined) return null;
    const [, , first, second] = item;
    const column = first === 'decision' ? (second === 'outcome' ? 'outcome' : second === 'procedure' || second === 'subject' ? 'procedure' : 'decisionText') : first && ['number', 'title', 'kind', 'text'].includes(first) ? first : 'title';
    return `items.${row}.${column}`;
  }
  const name = rest.split(/[.[]/)[0]!;
  return form.fields.some((f) => f.name === name) ? name : null;
}

/** A refusal's problems, by form field; what names no field goes under "", with the problem's own detail. */
export function problemErrors(problem: ProblemDetails, form: DecisionForm, itemRows: readonly number[]): FieldErrors {
  const errors = new Map<string, string[]>();
  const add = (field: string, message: string) => errors.set(field, [...(errors.get(field) ?? []), message]);
  if (problem.status === 403) {
    add('', 'Din roll får inte spara beslut: det krävs en registratorsnyckel (rollen clerk). Inget har sparats.');
    return errors;
  }
  for (const p of problem.errors ?? []) {
    const field = formFieldOf(p.field, form, itemRows);
    add(field ?? '', field ? swedishMessage(p.message) : `${p.field ? `${p.field}: ` : ''}${swedishMessage(p.message)}`);
  }
  if (errors.size === 0) add('', swedishMessage(problem.detail || problem.title));
  return errors;
}

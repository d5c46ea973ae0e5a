import type { ProposedCommand } from '../../intake/intake-result';
import { ITEM_COLUMNS, ITEM_ROWS, MAX_ITEM_ROWS, type DecisionForm, type FormField } from './decision-forms';
import { personRef, ref, type Directory } from './pickers';
import { parseSwedishDate } from './swedish-date';

/** The form as sent: every field's text, as typed. */
export type FormValues = ReadonlyMap<string, string>;

/** Messages by form field name ("group", "items.2.title"); "" holds those that belong to no field. */
export type FieldErrors = ReadonlyMap<string, readonly string[]>;

export interface BuiltCommand {
  /** Null when the form itself is incomplete: nothing is sent. */
  readonly command: ProposedCommand | null;
  readonly errors: FieldErrors;
  /** For each item sent, its row on the form (empty rows are skipped), so "data.items[1]" finds its row. */
  readonly itemRows: readonly number[];
}

export const value = (values: FormValues, name: string): string => (values.get(name) ?? '').trim();

/** How many item rows the meeting form shows: what was sent, at least the default. */
export function itemRowCount(values: FormValues): number {
  const n = Number(values.get('itemRows'));
  return Number.isInteger(n) && n >= ITEM_ROWS ? Math.min(n, MAX_ITEM_ROWS) : ITEM_ROWS;
}

/**
 * The command a filled form asks for, or what is missing. Only what a clerk can see at a
 * glance is checked here (a required field left empty, a date that cannot be read); every
 * rule of the ledger is left to the ledger, whose refusal is shown next to the field it names.
 */
export function buildCommand(form: DecisionForm, values: FormValues, directory: Directory): BuiltCommand {
  const errors = new Map<string, string[]>();
  const fail = (field: string, message: string) => errors.set(field, [...(errors.get(field) ?? []), message]);
  const data: Record<string, unknown> = {};

  for (const field of form.fields) {
    const typed = value(values, field.name);
    if (typed === '') {
      if (field.required) fail(field.name, field.kind === 'select' ? 'Välj ett alternativ.' : 'Fyll i fältet.');
      continue;
    }
    const converted = convert(field, typed, directory);
    if (converted.ok) data[field.name] = converted.value;
    else fail(field.name, converted.message);
  }

  const itemRows: number[] = [];
  if (form.items) {
    const items: Record<string, unknown>[] = [];
    for (let row = 0; row < itemRowCount(values); row++) {
      const cell = (column: string) => value(values, `items.${row}.${column}`);
      if (!['number', 'title', 'text', 'decisionText', 'procedure'].some((c) => cell(c) !== '')) continue;
      if (cell('number') === '') fail(`items.${row}.number`, 'Skriv punktens nummer, t.ex. 4 eller 4.1.');
      if (cell('title') === '') fail(`items.${row}.title`, 'Skriv punktens rubrik.');
      const kind = cell('kind') || 'information';
      const item: Record<string, unknown> = { number: cell('number'), kind, title: cell('title') };
      if (cell('text')) item.text = cell('text');
      if (kind === 'decision') {
        const outcome = cell('outcome') || 'decided';
        item.decision = { outcome, ...(cell('decisionText') && { text: cell('decisionText') }), ...(cell('procedure') && { procedure: cell('procedure') }) };
      } else if (cell('decisionText') || cell('procedure')) {
        fail(`items.${row}.kind`, 'Punkten har en beslutstext: välj Beslut, eller ta bort texten.');
      }
      items.push(item);
      itemRows.push(row);
    }
    if (items.length > 0) data.items = items;
  }

  const metadata: Record<string, unknown> = {};
  const commandId = value(values, 'commandId');
  if (commandId) metadata.commandId = commandId;
  if (form.cites) {
    const meeting = value(values, 'decisionMeeting');
    const item = value(values, 'decisionItem');
    if (meeting && !item) fail('decisionItem', 'Skriv vilken punkt i mötet som beslutade detta.');
    if (item && !meeting) fail('decisionMeeting', 'Välj mötet där beslutet fattades.');
    if (meeting && item) metadata.decision = { meeting: ref(meeting, directory.meetings), item };
  }

  return { command: errors.size > 0 ? null : { type: form.commandType, data, metadata }, errors, itemRows };
}

type Converted = { ok: true; value: unknown } | { ok: false; message: string };

function convert(field: FormField, typed: string, directory: Directory): Converted {
  switch (field.kind) {
    case 'person':
      return { ok: true, value: personRef(typed, directory.persons) };
    case 'group':
      return { ok: true, value: ref(typed, directory.groups) };
    case 'party':
      return { ok: true, value: ref(typed, directory.parties) };
    case 'date': {
      const answer = parseSwedishDate(typed, field.date ?? {});
      return answer.ok ? { ok: true, value: answer.value } : { ok: false, message: answer.message };
    }
    case 'select':
      return (field.options ?? []).some(([v]) => v === typed) ? { ok: true, value: typed } : { ok: false, message: 'Välj ett av alternativen.' };
    case 'text':
    case 'textarea':
      return { ok: true, value: typed };
  }
}

/** Every field name a form has (for keeping the clerk's input when it is shown again). */
export function formFieldNames(form: DecisionForm, values: FormValues): string[] {
  const names = form.fields.map((f) => f.name);
  if (form.cites) names.push('decisionMeeting', 'decisionItem');
  if (form.items) for (let row = 0; row < itemRowCount(values); row++) for (const c of ITEM_COLUMNS) names.push(`items.${row}.${c}`);
  return names;
}

import type { IntakeResult, NameResolution, Proposal, ProposedCommand } from '../../intake/intake-result';

/**
 * The review form's state, pure. The page carries the proposals it showed (a hidden field),
 * so what the clerk confirms is exactly what they saw; the fields beside each proposal edit it.
 *
 * Field names:  keep.<id>=on          the proposal is confirmed (unchecked: removed)
 *               edit.<id>.<path>      a new value for a text field of the command's data ("edit.p3.effectiveFrom")
 *               pick.<id>.<n>=<slug>  the person chosen for the n-th ambiguous name of the proposal
 * The hidden field `intake` holds the whole IntakeResult the page showed.
 */
export interface ReviewChoice {
  readonly proposals: readonly Proposal[];
  /** The confirmed proposals with the clerk's edits and picks applied, in document order. */
  readonly confirmed: readonly EditedProposal[];
  /** Ambiguous names still without a pick, by proposal id: these block a commit. */
  readonly unpicked: readonly { readonly id: string; readonly name: string }[];
}

export interface EditedProposal {
  readonly proposal: Proposal;
  readonly command: ProposedCommand;
}

/** Fields a protocol often leaves out that the clerk may add, by command type (shown empty when absent). */
const OPTIONAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  RecordMeeting: ['place', 'registryNumber'],
  AppointChair: ['effectiveTo'],
  AppointMember: ['field'],
  RecordDeferredDecision: ['decidedOn', 'text'],
};

/**
 * The text fields of a command's data a clerk may edit: strings at the top level and one level
 * down, never inside lists; and the optional fields of its type the protocol left out.
 */
export function editableFields(data: Record<string, unknown>, type = ''): { path: string; value: string }[] {
  const fields: { path: string; value: string }[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string') fields.push({ path: key, value });
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>)) {
        if (typeof innerValue === 'string') fields.push({ path: `${key}.${inner}`, value: innerValue });
      }
    }
  }
  for (const path of OPTIONAL_FIELDS[type] ?? []) {
    if (data[path] === undefined || data[path] === null) fields.push({ path, value: '' });
  }
  return fields;
}

/** Parses the hidden field back into the intake the page showed; null when it is not what the page wrote. */
export function decodeIntake(encoded: string | null): IntakeResult | null {
  if (!encoded) return null;
  try {
    const parsed = JSON.parse(encoded) as Partial<IntakeResult> | null;
    if (!parsed || typeof parsed !== 'object' || !parsed.meeting || !Array.isArray(parsed.proposals)) return null;
    if (!Array.isArray(parsed.amounts) || !Array.isArray(parsed.notUnderstood) || !parsed.counts) return null;
    return parsed.proposals.every(isProposal) ? (parsed as IntakeResult) : null;
  } catch {
    return null;
  }
}

function isProposal(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const p = value as Partial<Proposal>;
  return typeof p.id === 'string' && !!p.command && typeof p.command.type === 'string' && typeof p.command.data === 'object' && Array.isArray(p.names) && Array.isArray(p.lines);
}

export function ambiguousNames(proposal: Proposal): Extract<NameResolution, { kind: 'ambiguous' }>[] {
  return proposal.names.filter((n): n is Extract<NameResolution, { kind: 'ambiguous' }> => n.kind === 'ambiguous');
}

/** Applies the form to the proposals the page showed. */
export function readReviewForm(proposals: readonly Proposal[], form: URLSearchParams): ReviewChoice {
  const confirmed: EditedProposal[] = [];
  const unpicked: { id: string; name: string }[] = [];
  for (const proposal of proposals) {
    if (form.get(`keep.${proposal.id}`) !== 'on') continue;
    let data = structuredClone(proposal.command.data);
    for (const { path, value } of editableFields(proposal.command.data, proposal.command.type)) {
      const edited = form.get(`edit.${proposal.id}.${path}`);
      // An optional field left empty stays absent; a field the proposal had is set to what was typed.
      if (edited !== null && edited.trim() !== value && !(value === '' && edited.trim() === '')) data = setPath(data, path, edited.trim());
    }
    ambiguousNames(proposal).forEach((name, n) => {
      const slug = form.get(`pick.${proposal.id}.${n}`)?.trim() ?? '';
      if (!slug || !name.candidates.some((c) => c.slug === slug)) {
        unpicked.push({ id: proposal.id, name: name.name });
        return;
      }
      data = pickPerson(data, name.name, slug) as Record<string, unknown>;
    });
    confirmed.push({ proposal, command: { ...proposal.command, data } });
  }
  return { proposals, confirmed, unpicked };
}

function setPath(data: Record<string, unknown>, path: string, value: string): Record<string, unknown> {
  const [head, inner] = path.split('.', 2) as [string, string | undefined];
  if (inner === undefined) return { ...data, [head]: value };
  return { ...data, [head]: { ...(data[head] as Record<string, unknown>), [inner]: value } };
}

/** Every person reference `{ name }` with this name gets the chosen slug. */
function pickPerson(value: unknown, name: string, slug: string): unknown {
  if (Array.isArray(value)) return value.map((v) => pickPerson(v, name, slug));
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (record.name === name && keys.every((k) => k === 'name' || k === 'slug')) return { name, slug };
  return Object.fromEntries(keys.map((k) => [k, pickPerson(record[k], name, slug)]));
}

import type { DryRunResult } from '../../commands/dry-run';
import type { LedgerError } from '../../domain/ledger-errors';
import type { ReviewPreview, ReviewViolation } from './review.page';
import type { EditedProposal } from './review-state';

/** A dry run of the confirmed proposals, each violation tied back to the proposal at its batch index. */
export function previewOf(result: DryRunResult, confirmed: readonly EditedProposal[]): ReviewPreview {
  return {
    ok: result.ok,
    events: result.events.map((e) => ({ type: e.type, stream: e.stream })),
    violations: result.violations.map((v) => ({
      proposalId: confirmed[v.index]?.proposal.id ?? null,
      status: v.status,
      title: titleSv(v.type.replace(/^.*:/, ''), v.title),
      detail: v.detail,
      fields: (v.errors ?? []).map((f) => ({ field: withoutIndex(f.field), message: f.message })),
    })),
  };
}

/** A refused commit (the whole batch was refused; nothing appended), tied to the proposal its field paths name. */
export function refusalOf(error: LedgerError, confirmed: readonly EditedProposal[]): ReviewPreview {
  const index = error.problems.map((p) => /^\[(\d+)\]/.exec(p.field)?.[1]).find((i) => i !== undefined);
  const violation: ReviewViolation = {
    proposalId: index === undefined ? null : (confirmed[Number(index)]?.proposal.id ?? null),
    status: error.status,
    title: titleSv(error.kind, error.title),
    detail: error.message,
    fields: error.problems.map((f) => ({ field: withoutIndex(f.field), message: f.message })),
  };
  return { ok: false, events: [], violations: [violation] };
}

/** The problem's kind in a clerk's words; the detail keeps the ledger's own words. */
const TITLE_SV: Record<string, string> = {
  'invalid-input': 'Felaktig uppgift',
  'rule-violation': 'Bryter mot en regel i registret',
  'not-found': 'Finns inte i registret',
  'concurrency-conflict': 'Registret ändrades under tiden',
  'concurrent-write': 'Registret ändrades under tiden',
  'command-id-reused': 'Redan registrerat som något annat',
  forbidden: 'Din roll får inte registrera detta',
};

export function titleSv(kind: string, fallback: string): string {
  return TITLE_SV[kind] ?? fallback;
}

function withoutIndex(field: string): string {
  return field.replace(/^\[\d+\]\.?/, '');
}

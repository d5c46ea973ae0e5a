import type { FieldProblem } from '../domain/ledger-errors';

/** An RFC 9457 problem-details body. `errors` names each offending field. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly errors?: readonly FieldProblem[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(kind: string): string {
  return `urn:decision-ledger:problem:${kind}`;
}

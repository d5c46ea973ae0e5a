import type { Principal } from '../access/principal';
import type { DryRunResult, DryRunViolation } from '../commands/dry-run';
import { InvalidInput, LedgerError } from '../domain/ledger-errors';
import { problemType } from '../http/problem-details';
import type { Ledger } from '../ledger';
import { intakeDirectoryOf } from './intake-directory';
import { ProtocolUnreadable } from './intake-errors';
import { intakeProtocol } from './intake-protocol';
import { UnreadableProtocol, type IntakeResult } from './intake-result';

export interface ProtocolIntake {
  readonly intake: IntakeResult;
  /** The dry run of every proposal as one batch, in the order proposed: what confirming them all would append. */
  readonly dryRun: DryRunResult;
}

/** Reads a protocol's text against what the ledger knows now; appends nothing, ever. */
export function readProtocol(ledger: Pick<Ledger, 'directory' | 'profiles'>, text: string, field = 'text'): IntakeResult {
  try {
    return intakeProtocol(text, intakeDirectoryOf(ledger));
  } catch (error) {
    if (error instanceof UnreadableProtocol) throw new ProtocolUnreadable(error.message, [{ field: error.field === 'text' ? field : error.field, message: error.message }]);
    throw error;
  }
}

/** The intake and its dry run, as POST /intake/protocol answers. */
export async function readProtocolWithDryRun(ledger: Pick<Ledger, 'directory' | 'profiles' | 'writer'>, text: string, by: Principal, field = 'text'): Promise<ProtocolIntake> {
  const intake = readProtocol(ledger, text, field);
  return { intake, dryRun: await dryRunOf(ledger, intake, by) };
}

async function dryRunOf(ledger: Pick<Ledger, 'writer'>, intake: IntakeResult, by: Principal): Promise<DryRunResult> {
  const batch = intake.proposals.map((p) => p.command);
  if (batch.length === 0) return { dryRun: true, ok: true, events: [], violations: [], commands: [] };
  try {
    return await ledger.writer.execute(batch, by, { dryRun: true });
  } catch (error) {
    // A proposal the command parser or the role check refuses is the reader's doing, not the clerk's request: report it, per proposal.
    if (!(error instanceof LedgerError) || error.status >= 500) throw error;
    return { dryRun: true, ok: false, events: [], violations: violationsOf(error, batch.map((c) => String(c.metadata.commandId ?? ''))), commands: [] };
  }
}

/** One violation per proposal the error names ("[3].data.group" is proposal 3's). */
function violationsOf(error: LedgerError, commandIds: readonly string[]): DryRunViolation[] {
  const byIndex = new Map<number, typeof error.problems>();
  for (const problem of error.problems.length > 0 ? error.problems : [{ field: '[0]', message: error.message }]) {
    const index = Number(/^\[(\d+)\]/.exec(problem.field)?.[1] ?? 0);
    byIndex.set(index, [...(byIndex.get(index) ?? []), problem]);
  }
  return [...byIndex].map(([index, errors]) => ({
    type: problemType(error.kind),
    title: error.title,
    status: error.status,
    detail: error instanceof InvalidInput ? `Proposal ${index + 1} is not a well-formed command: ${errors[0]!.field} ${errors[0]!.message}` : error.message,
    errors,
    index,
    commandId: commandIds[index] ?? '',
  }));
}

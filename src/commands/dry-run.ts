import { ConcurrencyConflict, LedgerError, RuleViolation, type FieldProblem } from '../domain/ledger-errors';
import { summarise, type AppendedEventSummary, type NewEventMetadata, type StoredEvent } from '../events/event-envelope';
import type { StreamAppend } from '../event-store/event-store.port';
import { problemType, type ProblemDetails } from '../http/problem-details';
import type { ParsedCommand } from './command-parser';
import type { UnitOfWork } from './shared/unit-of-work';

/** An event a dry run would append: its envelope as staged, with the stream and the version it would get there. */
export interface WouldBeEvent {
  readonly id: string;
  readonly type: string;
  readonly stream: string;
  readonly streamVersion: number;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: NewEventMetadata;
}

/** A rule the batch breaks, as the problem details a real write would answer, with the index of its command. */
export interface DryRunViolation extends ProblemDetails {
  readonly index: number;
  readonly commandId: string;
}

export interface DryRunCommandOutcome {
  readonly index: number;
  readonly commandId: string;
  readonly type: string;
  /** "would-apply"; "repeated": applied before, nothing would be appended; "refused": it breaks a rule (see violations). */
  readonly status: 'would-apply' | 'repeated' | 'refused';
  /** What it would append, or, when repeated, the events it appended the first time. */
  readonly events: readonly (WouldBeEvent | AppendedEventSummary)[];
}

export interface DryRunResult {
  readonly dryRun: true;
  /** True when the batch, sent for real now, would be applied. */
  readonly ok: boolean;
  /** Every event the batch would append, in the order it would be appended (refused commands left out). */
  readonly events: readonly WouldBeEvent[];
  readonly violations: readonly DryRunViolation[];
  readonly commands: readonly DryRunCommandOutcome[];
}

export interface DryRunSteps {
  /** Stages a command's events, or returns the earlier events when its commandId was applied before. */
  stage(command: ParsedCommand, uow: UnitOfWork): Promise<StoredEvent[] | null>;
  /** The checks a real write makes on the staged appends before appending (a Forbidden stays a 403). */
  checkAppends(appends: readonly StreamAppend[]): void;
}

/**
 * Decides every command against the state the ones before it left, as a real batch does,
 * and appends nothing. A refused command's staged events are rolled back and deciding goes
 * on, so a batch with two bad commands lists both.
 */
export async function dryRun(commands: readonly ParsedCommand[], isBatch: boolean, uow: UnitOfWork, steps: DryRunSteps): Promise<DryRunResult> {
  const violations: DryRunViolation[] = [];
  const outcomes: { command: ParsedCommand; index: number; previous: StoredEvent[] | null; refused: boolean }[] = [];
  for (const [index, command] of commands.entries()) {
    const mark = uow.mark();
    try {
      outcomes.push({ command, index, previous: await steps.stage(command, uow), refused: false });
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      uow.rollBackTo(mark);
      violations.push(violationOf(isBatch ? error.at(`[${index}]`) : error, index, command.metadata.commandId));
      outcomes.push({ command, index, previous: null, refused: true });
    }
  }
  const appends = uow.appends();
  steps.checkAppends(appends);
  const events = appends.flatMap(wouldBeEvents);
  const results: DryRunCommandOutcome[] = outcomes.map(({ command, index, previous, refused }) => ({
    index,
    commandId: command.metadata.commandId,
    type: command.definition.type,
    status: refused ? 'refused' : previous ? 'repeated' : 'would-apply',
    events: previous ? previous.map(summarise) : events.filter((e) => e.metadata.commandId === command.metadata.commandId),
  }));
  return { dryRun: true, ok: violations.length === 0, events, violations, commands: results };
}

function wouldBeEvents(append: StreamAppend): WouldBeEvent[] {
  const expected = typeof append.expectedVersion === 'number' ? append.expectedVersion : 0;
  return append.events.map((event, i) => ({
    id: event.id,
    type: event.type,
    stream: append.stream,
    streamVersion: expected + i + 1,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
  }));
}

/** The problem details a real write would have answered with for this error. */
function violationOf(error: LedgerError, index: number, commandId: string): DryRunViolation {
  const problems: readonly FieldProblem[] = error.problems;
  return {
    type: problemType(error.kind),
    title: error.title,
    status: error.status,
    detail: error.message,
    ...(problems.length > 0 && { errors: problems }),
    ...(error instanceof RuleViolation && { rule: error.rule }),
    ...(error instanceof ConcurrencyConflict && { stream: error.stream, expectedVersion: error.expectedVersion }),
    index,
    commandId,
  };
}

import { idOfRef } from '../domain/identity';
import { systemPrincipal, type Principal } from '../access/principal';
import { CommandIdReused, ConcurrencyConflict, ConcurrentWrite, Forbidden, LedgerError } from '../domain/ledger-errors';
import { summarise, type AppendedEventSummary, type StoredEvent } from '../events/event-envelope';
import type { EventStore, StreamAppend } from '../event-store/event-store.port';
import { parseCommandRequest, type ParsedCommand } from './command-parser';
import { dryRun, type DryRunResult } from './dry-run';
import { requireCitedDecision } from './meeting/cited-decision';
import { basisMetadataOf } from './shared/basis-claims';
import { CommandContext, type AliasLookup } from './shared/command-context';
import { rolesOf } from './shared/command-definition';
import type { EventLocator } from './shared/event-locator';
import { StateCache } from './shared/state-cache';
import { UnitOfWork } from './shared/unit-of-work';

export interface CommandOutcome {
  readonly commandId: string;
  readonly type: string;
  /** "applied" now, or "repeated": this commandId was applied before and nothing was appended. */
  readonly status: 'applied' | 'repeated';
  readonly events: readonly AppendedEventSummary[];
}

export interface WriteResult {
  /** True when at least one command appended events (HTTP 201), false when all were repeats (200). */
  readonly appended: boolean;
  readonly events: readonly AppendedEventSummary[];
  readonly commands: readonly CommandOutcome[];
  /** "caught-up" once every read model holds the new events; "lagging" if they did not in time. */
  readonly readModels: 'caught-up' | 'lagging';
}

export interface LedgerWriterOptions {
  readonly store: EventStore;
  readonly aliases: AliasLookup;
  /** Finds the stream of an event by id (RevokeEvent, CorrectEvent); the event-locator read model. */
  readonly locator?: EventLocator;
  /** Resolves once read models reached `position`; false when they did not in time. */
  readonly waitForReadModels: (position: number) => Promise<boolean>;
}

export interface ExecuteOptions {
  /** Decide everything, append nothing: answer what would be appended and every rule broken. */
  readonly dryRun?: boolean;
}

/**
 * Carries out a command or a batch: all or nothing. Every command is decided against the
 * state left by the ones before it; the events of the whole batch are appended at once,
 * each stream at the version it was read at.
 */
export class LedgerWriter {
  /** Groups' folded states: a command on a group evolves the state it had, instead of folding the group's history. */
  private states = new StateCache();

  constructor(private readonly options: LedgerWriterOptions) {}

  /**
   * Drops the folded states: a transaction rolled back. Under group commit a command reads
   * the events other requests wrote earlier in the same open transaction, so a state may
   * hold events that never got committed.
   */
  forgetStates(): void {
    this.states = new StateCache(this.states.maxStreams);
  }

  /** `by` is who sends it: a token's principal over HTTP, or a plain actor name for local processes (CLI, seed), which may send any command. */
  execute(body: unknown, by: string | Principal): Promise<WriteResult>;
  execute(body: unknown, by: string | Principal, options: ExecuteOptions & { dryRun: true }): Promise<DryRunResult>;
  execute(body: unknown, by: string | Principal, options?: ExecuteOptions): Promise<WriteResult | DryRunResult>;
  async execute(body: unknown, by: string | Principal, options: ExecuteOptions = {}): Promise<WriteResult | DryRunResult> {
    const principal = typeof by === 'string' ? systemPrincipal(by) : by;
    const { commands, isBatch } = parseCommandRequest(body);
    checkRoles(commands, principal, isBatch);
    if (options.dryRun) {
      return dryRun(commands, isBatch, new UnitOfWork(this.options.store, this.states), {
        stage: (command, uow) => this.stage(command, uow, principal.actor),
        checkAppends: (appends) => checkCorrectionTargets(appends, principal),
      });
    }
    // A lost race at append (another writer, in this process or another, moved a stream on
    // between our read and our append) is not the client's doing: read again, decide again.
    // Safe to repeat: a command the other writer already applied is found by its commandId.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(commands, isBatch, principal);
      } catch (error) {
        if (!(error instanceof LostRace)) throw error;
        if (attempt >= MAX_ATTEMPTS) {
          throw new ConcurrentWrite(`Other writers kept moving the streams on (${MAX_ATTEMPTS} attempts; last: ${error.conflict.message}); nothing of this request was written. Retry: the commandId makes that safe.`);
        }
        await pause(attempt);
      }
    }
  }

  /** Reads, decides and appends once; a LostRace when the append found a stream moved on. */
  private async attempt(commands: readonly ParsedCommand[], isBatch: boolean, principal: Principal): Promise<WriteResult> {
    const actor = principal.actor;
    const uow = new UnitOfWork(this.options.store, this.states);
    const outcomes: { command: ParsedCommand; previous: StoredEvent[] | null }[] = [];

    for (const [index, command] of commands.entries()) {
      try {
        outcomes.push({ command, previous: await this.stage(command, uow, actor) });
      } catch (error) {
        throw error instanceof LedgerError && isBatch ? error.at(`[${index}]`) : error;
      }
    }

    const appends = uow.appends();
    checkCorrectionTargets(appends, principal);
    const appended = await this.options.store.append(appends).catch((error: unknown) => {
      throw error instanceof ConcurrencyConflict || error instanceof ConcurrentWrite ? new LostRace(error) : error;
    });
    const byCommand = new Map<string, StoredEvent[]>();
    for (const event of appended) byCommand.set(event.metadata.commandId, [...(byCommand.get(event.metadata.commandId) ?? []), event]);
    const last = appended.at(-1)?.position;
    const caughtUp = last === undefined ? true : await this.options.waitForReadModels(last);

    const results: CommandOutcome[] = outcomes.map(({ command, previous }) => ({
      commandId: command.metadata.commandId,
      type: command.definition.type,
      status: previous ? 'repeated' : 'applied',
      events: (previous ?? byCommand.get(command.metadata.commandId) ?? []).map(summarise),
    }));
    return { appended: appended.length > 0, events: results.flatMap((r) => r.events), commands: results, readModels: caughtUp ? 'caught-up' : 'lagging' };
  }

  /** Stages one command's events; returns the earlier events instead when its commandId was applied before. */
  private async stage(command: ParsedCommand, uow: UnitOfWork, actor: string): Promise<StoredEvent[] | null> {
    const { definition, dto, metadata } = command;
    const previous = await this.options.store.readByCommandId(metadata.commandId);
    if (previous.length > 0) {
      if (previous[0]!.metadata.commandType !== definition.type) {
        throw new CommandIdReused(`commandId ${metadata.commandId} was used for a ${previous[0]!.metadata.commandType} command`, [
          { field: 'metadata.commandId', message: `already used for ${previous[0]!.metadata.commandType}` },
        ]);
      }
      return previous;
    }
    const ctx = new CommandContext(
      uow,
      {
        commandId: metadata.commandId,
        commandType: definition.type,
        correlationId: metadata.correlationId ?? metadata.commandId,
        actor,
        source: metadata.source ? { ...metadata.source } : null,
        decidedOn: metadata.decidedOn ?? null,
        decision: metadata.decision ? { meetingId: idOfRef('meeting', metadata.decision.meeting), item: metadata.decision.item } : null,
        ...basisMetadataOf(metadata),
      },
      this.options.aliases,
      this.options.locator,
    );
    if (metadata.decision) await requireCitedDecision(ctx, metadata.decision);
    if (metadata.expectedVersion !== undefined) {
      await uow.expectVersion(await definition.targetStream(dto, ctx), metadata.expectedVersion, 'metadata.expectedVersion');
    }
    await definition.execute(dto, ctx);
    return null;
  }
}

/** Attempts per request: a lost race is retried this many times less one, then answered 409 concurrent-write with Retry-After. */
const MAX_ATTEMPTS = 8;

/** The append found a stream moved on since it was read (or its event ids taken): decide again. */
class LostRace extends Error {
  constructor(readonly conflict: ConcurrencyConflict | ConcurrentWrite) {
    super(conflict.message);
  }
}

/** A short, growing, jittered pause, so two writers that keep colliding fall out of step. */
function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
}

/** Every command of the request must be one the principal's role may send; checked before anything is read or staged. */
function checkRoles(commands: readonly ParsedCommand[], principal: Principal, isBatch: boolean): void {
  if (principal.role === 'system') return;
  const role = principal.role;
  const refused = commands
    .map((command, index) => ({ command, index }))
    .filter(({ command }) => !(rolesOf(command.definition) as readonly string[]).includes(role));
  if (refused.length === 0) return;
  throw new Forbidden(
    `A ${role} token cannot send ${[...new Set(refused.map(({ command }) => command.definition.type))].join(', ')}`,
    refused.map(({ command, index }) => ({ field: `${isBatch ? `[${index}].` : ''}type`, message: `${command.definition.type} needs the ${rolesOf(command.definition).join(' or ')} role` })),
  );
}

/** Money streams: what the finance role records; everything else is the clerk's. */
const FINANCE_STREAM = /^(grant|project)-/;

/**
 * RevokeEvent and CorrectEvent are open to both writer roles, but each may only correct what
 * its role records: a clerk cannot revoke a grant entry, finance cannot revoke a seat.
 * Corrections are appended to the target's own stream, which tells whose it is.
 */
function checkCorrectionTargets(appends: readonly StreamAppend[], principal: Principal): void {
  if (principal.role === 'system') return;
  for (const { stream, events } of appends) {
    for (const event of events) {
      if (event.type !== 'EventRevoked' && event.type !== 'EventCorrected') continue;
      const finance = FINANCE_STREAM.test(stream);
      if (finance === (principal.role === 'finance') || (finance && principal.role === 'clerk' && stream.startsWith('project-'))) continue;
      const target = (event.data as { targetType?: string }).targetType ?? 'event';
      throw new Forbidden(`A ${principal.role} token cannot correct a ${target} event; that needs the ${finance ? 'finance' : 'clerk'} role`, [
        { field: 'data.event', message: `a ${target} event is corrected by the ${finance ? 'finance' : 'clerk'} role` },
      ]);
    }
  }
}

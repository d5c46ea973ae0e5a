import { jsonEvent, type EventData } from '@eventstore/db-client';
import { v5 as uuidv5 } from 'uuid';
import type { NewEvent } from '../../events/event-envelope';
import type { ExpectedVersion } from '../event-store.port';
import { isCommandIndexStream, type EsdbResolvedEvent } from './eventstoredb-mapping';

/**
 * The intent of an append batch, written to the command index BEFORE any of its events.
 *
 * ESDB recognises a retried write only at the same expected revision, so a batch that was
 * partly written (stream A written, stream B not, or the answer lost) and then decided again
 * would write the same event ids a second time at the streams' new revisions. With the plan
 * recorded first, a retry finds it: the events already in their streams are read back, the
 * missing ones are written as planned, and nothing is decided twice.
 *
 * The plan lives in the index stream of the batch's first command (`CommandIntent`); every
 * other command of the batch gets a `CommandIntentRef` naming that stream. An index stream
 * may hold several intents: the last one counts (an earlier one is superseded only when none
 * of its events was written, i.e. it took no effect).
 */
export const COMMAND_INTENT_EVENT_TYPE = 'CommandIntent';
export const COMMAND_INTENT_REF_EVENT_TYPE = 'CommandIntentRef';
const INTENT_NAMESPACE = '6f0c2d8e-3a71-4b9c-8e15-7d4a2c9b1e60';

export interface PlannedAppend {
  readonly stream: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly NewEvent[];
}

export interface CommandPlan {
  /** Every command of the batch, in order; the first one's index stream holds the plan. */
  readonly commandIds: readonly string[];
  readonly recordedAt: string;
  readonly appends: readonly PlannedAppend[];
}

export type CommandIndexRecord =
  | { readonly kind: 'intent'; readonly revision: bigint; readonly plan: CommandPlan }
  | { readonly kind: 'ref'; readonly revision: bigint; readonly batchCommandId: string }
  /** A `CommandRecorded` index written after the events (before intents existed). */
  | { readonly kind: 'recorded'; readonly revision: bigint; readonly resolved: EsdbResolvedEvent };

/** The id depends on the command and the index revision it is written at, so a retried write of it is idempotent. */
export function toIntentEventData(plan: CommandPlan, atRevision: bigint | null): EventData {
  return jsonEvent({
    id: uuidv5(`command-intent:${plan.commandIds[0]}:${atRevision ?? 'new'}`, INTENT_NAMESPACE),
    type: COMMAND_INTENT_EVENT_TYPE,
    data: JSON.parse(JSON.stringify(plan)) as Record<string, unknown>,
  });
}

export function toIntentRefEventData(commandId: string, batchCommandId: string, atRevision: bigint | null): EventData {
  return jsonEvent({
    id: uuidv5(`command-intent-ref:${commandId}:${batchCommandId}:${atRevision ?? 'new'}`, INTENT_NAMESPACE),
    type: COMMAND_INTENT_REF_EVENT_TYPE,
    data: { commandId, batchCommandId },
  });
}

/** Reads one index record back; throws when it is not one. */
export function fromIndexEvent(resolved: EsdbResolvedEvent): CommandIndexRecord {
  const event = resolved.event;
  if (event === undefined || !event.isJson || !isCommandIndexStream(event.streamId)) throw new Error(`Not a command index event: ${event?.id ?? 'no event'}`);
  const data = event.data as Record<string, unknown> | null;
  if (event.type === COMMAND_INTENT_EVENT_TYPE && isPlan(data)) return { kind: 'intent', revision: event.revision, plan: data };
  if (event.type === COMMAND_INTENT_REF_EVENT_TYPE && typeof data?.['batchCommandId'] === 'string') return { kind: 'ref', revision: event.revision, batchCommandId: data['batchCommandId'] };
  if (event.type === 'CommandRecorded') return { kind: 'recorded', revision: event.revision, resolved };
  throw new Error(`Malformed command index event ${event.id} (${event.type}) in ${event.streamId}`);
}

function isPlan(value: unknown): value is CommandPlan {
  const plan = value as Partial<CommandPlan> | null;
  return (
    typeof plan === 'object' && plan !== null && typeof plan.recordedAt === 'string' &&
    Array.isArray(plan.commandIds) && plan.commandIds.every((c) => typeof c === 'string') &&
    Array.isArray(plan.appends) &&
    plan.appends.every((a) => typeof a?.stream === 'string' && (a.expectedVersion === 'any' || Number.isSafeInteger(a.expectedVersion)) && Array.isArray(a.events))
  );
}

/** The commands of a batch, in the order their events come. */
export function commandIdsOf(appends: readonly PlannedAppend[]): string[] {
  return [...new Set(appends.flatMap((a) => a.events.map((e) => e.metadata.commandId)))];
}

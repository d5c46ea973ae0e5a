import type { BasisClaim } from '../domain/basis';
import type { EffectiveDate } from '../domain/effective-date';

/** Where a decision is written down: the document, its item (§ or number) and registry number. */
export interface SourceRef {
  readonly document?: string;
  readonly item?: string;
  readonly registryNumber?: string;
  readonly url?: string;
  /** Why a value was read the way it was (an inference, an unstated date). */
  readonly note?: string;
}

/** Which decision made this so: the meeting (a stream of its own) and the agenda item, e.g. "4" or "4.1". */
export interface DecisionRef {
  readonly meetingId: string;
  readonly item: string;
}

/** Metadata every event carries. `recordedAt` is set by the store, never by a client. */
export interface EventMetadata {
  readonly commandId: string;
  readonly commandType: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: string;
  readonly source: SourceRef | null;
  /** The meeting or procedure date at which it was decided. */
  readonly decidedOn: string | null;
  /** The meeting and item that decided it; absent on events recorded before decisions were cited. */
  readonly decision?: DecisionRef | null;
  /** What the command said about the basis of its facts (see src/domain/basis.ts); absent when it said nothing. */
  readonly basis?: BasisClaim;
  /** The basis of single fields of the command's data, where it differs from `basis`. */
  readonly fieldBasis?: Readonly<Record<string, BasisClaim>>;
  /** Valid time: from when the new state holds in the world. Null for facts without one. */
  readonly effectiveFrom: EffectiveDate | null;
  /** Transaction time, ISO 8601 UTC with milliseconds. */
  readonly recordedAt: string;
}

export type NewEventMetadata = Omit<EventMetadata, 'recordedAt'>;

/** An event about to be appended: it has its id already, not yet its place in the log. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: NewEventMetadata;
}

/** An event as stored: the full envelope. */
export interface StoredEvent<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly stream: string;
  /** 1-based position within its stream. */
  readonly streamVersion: number;
  /** 1-based position in the whole log. */
  readonly position: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** What clients see of an appended event in a command response. */
export interface AppendedEventSummary {
  readonly id: string;
  readonly type: string;
  readonly stream: string;
  readonly streamVersion: number;
  readonly position: number;
  readonly recordedAt: string;
}

export function summarise(event: StoredEvent): AppendedEventSummary {
  return {
    id: event.id,
    type: event.type,
    stream: event.stream,
    streamVersion: event.streamVersion,
    position: event.position,
    recordedAt: event.metadata.recordedAt,
  };
}

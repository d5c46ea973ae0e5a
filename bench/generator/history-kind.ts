import type { Prng } from './prng';
import type { BodySim, World } from './world';

/** A command in the wire format of POST /commands and `ledger import`. */
export interface BenchCommand {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: {
    readonly commandId: string;
    readonly decidedOn?: string;
    readonly source?: { readonly document: string; readonly item: string; readonly note?: string };
  };
}

/** A meeting of a body: the date and the protocol its decisions cite. */
export interface Meeting {
  readonly day: string;
  readonly year: number;
  /** True at the body's first meeting of a year (chairs rotate at the turn of the year). */
  readonly firstOfYear: boolean;
  readonly document: string;
}

export interface GenerationContext {
  readonly world: World;
  readonly rng: Prng;
  /** Adds a command to the current protocol, citing the next item number. */
  emit(type: string, data: Record<string, unknown>): void;
}

/**
 * One kind of history (parties, groups, seats, chairs, affiliations, and later meetings,
 * grants, corrections). Kinds run in registry order at go-live and at every meeting; each
 * may only emit commands the ledger accepts given what earlier kinds emitted.
 */
export interface HistoryKind {
  readonly name: string;
  /** What a body loads when it starts using the ledger (its current organisation). */
  goLive?(body: BodySim, meeting: Meeting, ctx: GenerationContext): void;
  /** What one meeting of the body decides. */
  meeting?(body: BodySim, meeting: Meeting, ctx: GenerationContext): void;
}

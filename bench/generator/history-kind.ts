import type { Prng } from './prng';
import type { BodySim, World } from './world';

/** A command in the wire format of POST /commands and `ledger import`. */
export interface BenchCommand {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: {
    readonly commandId: string;
    readonly decidedOn?: string;
    readonly source?: { readonly document: string; readonly item?: string; readonly note?: string };
    /** The meeting and agenda item that decided it; the ledger checks both exist. */
    readonly decision?: { readonly meeting: string; readonly item: string };
  };
}

/** A meeting of a body: the date and the protocol its decisions cite. */
export interface Meeting {
  readonly day: string;
  readonly year: number;
  /** True at the body's first meeting of a year (chairs rotate at the turn of the year). */
  readonly firstOfYear: boolean;
  readonly document: string;
  /** The meeting's slug ("<leadership slug>-<day>"), as the ledger derives it; null at go-live, which is no meeting. */
  readonly slug: string | null;
}

/**
 * What an agenda item is about. Commands on the same topic share one item ("Byte av
 * deltagare i Styrgrupp X", "Slutredovisning 2024"), as a protocol groups them; each adds a
 * sentence to the item's decision (decision items) or text (information items).
 */
export interface Topic {
  readonly key: string;
  readonly kind: 'decision' | 'information';
  readonly title: string;
  readonly says: string;
}

/** An agenda item as numbered in the protocol, with the sentences the commands under it added. */
export interface AgendaEntry {
  readonly number: string;
  readonly kind: 'decision' | 'information';
  readonly title: string;
  readonly sentences: readonly string[];
}

/** A command already emitted in the current protocol. */
export interface Emitted {
  readonly commandId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
}

export interface GenerationContext {
  readonly world: World;
  readonly rng: Prng;
  /**
   * Adds a command to the current protocol and returns its commandId (the ledger derives
   * its event ids from it). With a topic it is decided under that topic's agenda item and,
   * once the meeting is recorded, cites it in `metadata.decision`; without, it cites only
   * the document.
   */
  emit(type: string, data: Record<string, unknown>, topic?: Topic): string;
  /** The agenda items the topics so far have opened, in order. */
  agenda(): readonly AgendaEntry[];
  /**
   * Records the meeting (RecordMeeting) ahead of everything emitted so far, so the
   * decisions that cite it come after it; no topic may be opened afterwards.
   */
  recordMeeting(data: Record<string, unknown>): string;
  /** The commands of the current protocol so far, in the order the ledger will receive them. */
  protocol(): readonly Emitted[];
}

/**
 * One kind of history (parties, groups, seats, chairs, affiliations, grants, meetings,
 * corrections). Kinds run in registry order at go-live and at every meeting; each may only
 * emit commands the ledger accepts given what earlier kinds emitted.
 */
export interface HistoryKind {
  readonly name: string;
  /** What a body loads when it starts using the ledger (its current organisation). */
  goLive?(body: BodySim, meeting: Meeting, ctx: GenerationContext): void;
  /** What one meeting of the body decides. */
  meeting?(body: BodySim, meeting: Meeting, ctx: GenerationContext): void;
}

import type { AuditRecord } from '../event-store/event-store.port';
import { canonicalJson } from './canonical-json';
import { eventHash, GENESIS_HASH, isHash } from './event-hash';
import { merkleRoot } from './merkle-root';

/**
 * A small digest of the log that someone can sign off and keep elsewhere (print it, mail
 * it to the auditors, put it in the minutes). It proves later that the log still holds
 * exactly what it held at `position`, plus only appends after it:
 *
 * - each stream's head hash covers, through the chain, every event of that stream up to it;
 * - `root` is the RFC 6962 Merkle root over the heads of all streams as of `position`
 *   (leaves: canonicalJson({ stream, streamVersion, hash }) in stream-name order), so one
 *   hash covers every event at or before `position`;
 * - `events` counts them, so an event slipped in at or before `position` in a new stream
 *   is caught as well.
 *
 * To check, the heads are recomputed from the events as they are now, counting only those
 * at or before `position`, and compared; together with a full chain verification (which
 * shows that everything after `position` extends those chains) that is the proof.
 */
export interface LogDigest {
  readonly format: 'decision-ledger-digest/1';
  /** The last log position the digest covers. */
  readonly position: number;
  readonly events: number;
  readonly streams: number;
  readonly root: string;
  /** recordedAt of the event at `position` (transaction time the digest speaks for); null for an empty log. */
  readonly lastRecordedAt: string | null;
  /** When the digest was made (the wall clock of whoever made it; not covered by anything). */
  readonly createdAt: string;
}

export interface StreamHead {
  readonly stream: string;
  readonly streamVersion: number;
  readonly hash: string;
}

export interface ChainState {
  readonly heads: readonly StreamHead[];
  readonly events: number;
  readonly lastRecordedAt: string | null;
}

/** Recomputes every stream's head from the events themselves (not the recorded links), up to `position`. */
export function chainState(records: readonly AuditRecord[], position = Number.POSITIVE_INFINITY): ChainState {
  const heads = new Map<string, StreamHead>();
  let events = 0;
  let lastRecordedAt: string | null = null;
  for (const { event, position: at } of records) {
    if (at > position) break;
    if (!event) continue;
    const previous = heads.get(event.stream);
    heads.set(event.stream, { stream: event.stream, streamVersion: event.streamVersion, hash: eventHash(previous?.hash ?? GENESIS_HASH, event) });
    events += 1;
    lastRecordedAt = event.metadata.recordedAt;
  }
  return { heads: [...heads.values()].sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0)), events, lastRecordedAt };
}

export function headsRoot(heads: readonly StreamHead[]): string {
  return merkleRoot(heads.map((h) => canonicalJson({ stream: h.stream, streamVersion: h.streamVersion, hash: h.hash })));
}

export function makeDigest(records: readonly AuditRecord[], createdAt: string): LogDigest {
  const state = chainState(records);
  return {
    format: 'decision-ledger-digest/1',
    position: records.filter((r) => r.event).at(-1)?.position ?? 0,
    events: state.events,
    streams: state.heads.length,
    root: headsRoot(state.heads),
    lastRecordedAt: state.lastRecordedAt,
    createdAt,
  };
}

export interface DigestCheck {
  readonly ok: boolean;
  readonly digest: LogDigest;
  /** What the log holds now at or before the digest's position. */
  readonly now: { readonly events: number; readonly streams: number; readonly root: string };
  /** Events after the digest's position. */
  readonly appendedSince: number;
  readonly detail: string;
}

export function checkDigest(records: readonly AuditRecord[], digest: LogDigest): DigestCheck {
  const state = chainState(records, digest.position);
  const now = { events: state.events, streams: state.heads.length, root: headsRoot(state.heads) };
  const appendedSince = records.filter((r) => r.event && r.position > digest.position).length;
  const ok = now.root === digest.root && now.events === digest.events;
  const detail = ok
    ? `the log holds exactly the ${digest.events} events it held at position ${digest.position}, plus ${appendedSince} appended since`
    : now.events !== digest.events
      ? `at position ${digest.position} the digest counted ${digest.events} events, the log now holds ${now.events} there: events were removed or slipped in`
      : `the ${digest.events} events at or before position ${digest.position} are not the ones the digest covered (root ${now.root}, digest ${digest.root}): something there was changed, moved or replaced`;
  return { ok, digest, now, appendedSince, detail };
}

/** Reads a digest from JSON text; throws a message naming the field when it is not one. */
export function parseDigest(text: string): LogDigest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`the digest is not valid JSON (${(error as Error).message})`);
  }
  const d = value as Partial<LogDigest> | null;
  const bad = (field: string, why: string) => new Error(`the digest's ${field} ${why}`);
  if (typeof d !== 'object' || d === null) throw new Error('the digest is not a JSON object');
  if (d.format !== 'decision-ledger-digest/1') throw bad('format', 'must be "decision-ledger-digest/1"');
  for (const field of ['position', 'events', 'streams'] as const) {
    if (!Number.isSafeInteger(d[field]) || (d[field] as number) < 0) throw bad(field, 'must be a whole number >= 0');
  }
  if (!isHash(d.root)) throw bad('root', 'must be 64 lower-case hex characters');
  return d as LogDigest;
}

import * as crypto from 'node:crypto';
import type { StoredEvent } from '../events/event-envelope';
import { canonicalJson } from './canonical-json';

/**
 * The hash chain. Every event is chained within its stream:
 *
 *   hash(e) = sha256_hex( prevHash ‖ canonicalJson({ id, type, schemaVersion, stream, streamVersion, data, metadata }) )
 *
 * over the UTF-8 bytes, where `prevHash` is the hash of the event before it in the same
 * stream (64 lower-case hex characters), or GENESIS_HASH (64 zeros) for a stream's first
 * event, and ‖ is plain concatenation (unambiguous: `prevHash` has a fixed length).
 * `metadata` is the event's whole metadata as stored, `recordedAt` included.
 *
 * `position` (the place in the whole log) is deliberately NOT covered: EventStoreDB assigns
 * it after the write, so a hash covering it could not be computed at append there. The
 * order within a stream is covered by `streamVersion` and the chain itself; the order of
 * the whole log is checked by the verifier against the positions recorded with each
 * link, by `recordedAt` never running backwards, and by a digest (which covers how many
 * events lay at or before its position).
 *
 * The hash covers the event as stored, with the schema version it was written with: an
 * upcaster that changes how an old event is read never changes its hash.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** The part of a stored event that its hash covers. */
export type HashedEnvelope = Pick<StoredEvent, 'id' | 'type' | 'schemaVersion' | 'stream' | 'streamVersion' | 'data' | 'metadata'>;

export function hashedEnvelope(event: HashedEnvelope): HashedEnvelope {
  const { id, type, schemaVersion, stream, streamVersion, data, metadata } = event;
  return { id, type, schemaVersion, stream, streamVersion, data, metadata };
}

export function eventHash(prevHash: string, event: HashedEnvelope): string {
  return sha256Hex(prevHash + canonicalJson(hashedEnvelope(event)));
}

/**
 * The hash of an event about to be stored, from the values handed to the store rather than
 * from the row read back: the same hash whenever canonical JSON takes those values, since
 * for every value it takes, its JSON round trip (what a reader of the row gets) writes the
 * same canonical text (members whose value is undefined are left out by both; numbers and
 * strings read back as themselves; test/audit/canonical-json.spec.ts holds the two to
 * each other). A value it refuses (a Date, NaN, undefined in an array) is hashed as stored,
 * after the round trip, as before: `stored()` gives that form.
 */
export function eventHashAsStored(prevHash: string, event: HashedEnvelope, stored: () => HashedEnvelope): string {
  let text: string;
  try {
    text = canonicalJson(hashedEnvelope(event));
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    text = canonicalJson(hashedEnvelope(stored()));
  }
  return sha256Hex(prevHash + text);
}

/** Node's one-shot digest (20.12 on), without a Hash object per call: a third less time per event at append (bench/README.md). */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

export function sha256Hex(text: string): string {
  return oneShotHash ? oneShotHash('sha256', text, 'hex') : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

export function isHash(text: unknown): text is string {
  return typeof text === 'string' && /^[0-9a-f]{64}$/.test(text);
}

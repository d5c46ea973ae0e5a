import { createHash } from 'node:crypto';
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

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function isHash(text: unknown): text is string {
  return typeof text === 'string' && /^[0-9a-f]{64}$/.test(text);
}

import type { AuditRecord, ChainLink } from '../event-store/event-store.port';
import { eventHash, GENESIS_HASH } from './event-hash';

/**
 * What can be wrong with an event of a stream:
 * - changed: the event at this place is not what was appended (content, id or stream altered, or a damaged row);
 * - missing: an event that was appended is gone (its link remains, or its stream skips a version);
 * - reordered: the event is not where it was appended (another position, or out of stream order);
 * - inserted: an event that no append recorded (it has no chain link).
 */
export type ChainProblemKind = 'changed' | 'missing' | 'reordered' | 'inserted';

export interface ChainProblem {
  readonly stream: string;
  readonly kind: ChainProblemKind;
  readonly eventId: string;
  readonly position: number;
  readonly streamVersion: number;
  readonly detail: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  /** Position of the last record read (event or link). */
  readonly position: number;
  readonly events: number;
  readonly streams: number;
  /** The first bad event of each stream that has one, in log order. */
  readonly problems: readonly ChainProblem[];
  /** Every finding, the consequences of a first problem included. */
  readonly totalProblems: number;
}

interface StreamState {
  version: number;
  hash: string;
}

/**
 * Recomputes every stream's chain from the records and compares it with the links recorded
 * at append. Pure: the records can come from any store (`EventStore.readAudit`) or from an
 * export bundle. Reports per stream the first bad event; later findings in the same stream
 * are usually its consequences.
 */
export function verifyChains(records: readonly AuditRecord[]): VerifyReport {
  const linkById = new Map<string, ChainLink>();
  const eventAt = new Map<string, number>();
  for (const r of records) {
    if (r.link) linkById.set(r.link.eventId, r.link);
    if (r.ref) eventAt.set(r.ref.id, r.position);
  }

  const streams = new Map<string, StreamState>();
  const state = (stream: string) => {
    let s = streams.get(stream);
    if (!s) streams.set(stream, (s = { version: 0, hash: GENESIS_HASH }));
    return s;
  };
  const found: ChainProblem[] = [];
  let events = 0;
  let lastRecordedAt = '';

  for (const record of records) {
    const { ref, event } = record;
    if (!ref) {
      // A link with no event at its position: the event was deleted, unless it sits elsewhere now.
      const link = record.link!;
      if (eventAt.has(link.eventId)) continue;
      found.push({ ...placeOf(link), kind: 'missing', detail: `event ${link.eventId} (version ${link.streamVersion} of ${link.stream}), appended at position ${link.position}, is gone` });
      Object.assign(state(link.stream), { version: link.streamVersion, hash: link.hash });
      continue;
    }
    events += 1;
    const s = state(ref.stream);
    const link = linkById.get(ref.id);
    const problem = (kind: ChainProblemKind, detail: string) =>
      found.push({ stream: ref.stream, kind, eventId: ref.id, position: record.position, streamVersion: ref.streamVersion, detail });

    if (record.defect || !event) {
      problem('changed', `the stored event is damaged: ${record.defect ?? 'it cannot be read'}`);
    } else if (!link) {
      const linkHere = record.link;
      if (linkHere && !eventAt.has(linkHere.eventId)) {
        problem('changed', `position ${record.position} was appended as event ${linkHere.eventId} (version ${linkHere.streamVersion} of ${linkHere.stream}); it now holds ${ref.id}, which no append recorded`);
      } else {
        problem('inserted', `event ${ref.id} has no chain link: no append of the ledger recorded it`);
      }
    } else if (link.position !== record.position) {
      problem('reordered', `event ${ref.id} was appended at position ${link.position}, it now sits at position ${record.position}`);
    } else if (link.stream !== ref.stream) {
      problem('changed', `event ${ref.id} was appended to ${link.stream}, it now claims to belong to ${ref.stream}`);
    } else if (link.streamVersion !== ref.streamVersion) {
      problem('reordered', `event ${ref.id} was appended as version ${link.streamVersion} of its stream, it now claims version ${ref.streamVersion}`);
    } else if (ref.streamVersion > s.version + 1) {
      problem('missing', `version${ref.streamVersion - s.version > 2 ? 's' : ''} ${s.version + 1}${ref.streamVersion - s.version > 2 ? `–${ref.streamVersion - 1}` : ''} of ${ref.stream}, before event ${ref.id}, ${ref.streamVersion - s.version > 2 ? 'are' : 'is'} gone`);
    } else if (ref.streamVersion <= s.version) {
      problem('reordered', `event ${ref.id} (version ${ref.streamVersion}) comes after version ${s.version} of its stream`);
    } else if (link.prevHash !== s.hash) {
      problem('changed', `the chain link of event ${ref.id} does not follow the hash of the event before it in ${ref.stream}`);
    } else if (eventHash(link.prevHash, event) !== link.hash) {
      problem('changed', `event ${ref.id} no longer matches the hash recorded when it was appended`);
    } else if (event.metadata.recordedAt < lastRecordedAt) {
      problem('reordered', `event ${ref.id} was recorded at ${event.metadata.recordedAt}, before an event ahead of it in the log (${lastRecordedAt})`);
    }

    if (event && typeof event.metadata?.recordedAt === 'string' && event.metadata.recordedAt > lastRecordedAt) lastRecordedAt = event.metadata.recordedAt;
    // Carry on from this event, so one problem does not make every later event of the stream look bad.
    s.version = Math.max(s.version, ref.streamVersion);
    s.hash = link?.hash ?? (event ? eventHash(s.hash, event) : s.hash);
  }

  const first = new Map<string, ChainProblem>();
  for (const p of found) if (!first.has(p.stream)) first.set(p.stream, p);
  return {
    ok: found.length === 0,
    position: records.at(-1)?.position ?? 0,
    events,
    streams: streams.size,
    problems: [...first.values()].sort((a, b) => a.position - b.position),
    totalProblems: found.length,
  };
}

function placeOf(link: ChainLink) {
  return { stream: link.stream, eventId: link.eventId, position: link.position, streamVersion: link.streamVersion };
}

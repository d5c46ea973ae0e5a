import type { StoredEvent } from '../events/event-envelope';
import type { AuditRecord, ChainLink, Clock, EventStore } from '../event-store/event-store.port';
import { readAuditRecords } from './audit-records';
import { verifyChains, type ChainProblem, type VerifyReport } from './chain-verifier';
import { checkDigest, makeDigest, type DigestCheck, type LogDigest } from './log-digest';
import { writeBundle } from './log-bundle';

export interface AuditVerifyReport extends VerifyReport {
  /** Facts an auditor should know that are not problems (chains computed after the fact). */
  readonly notes: readonly string[];
}

export interface AuditFilter {
  readonly stream?: string;
  readonly type?: string;
  readonly actor?: string;
  /** recordedAt at or after (ISO timestamp). */
  readonly from?: string;
  /** recordedAt at or before (ISO timestamp). */
  readonly to?: string;
  /** Only events after this log position (the cursor). */
  readonly after?: number;
  readonly limit: number;
}

export interface AuditEventRow {
  readonly position: number;
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly stream: string;
  readonly streamVersion: number;
  readonly recordedAt: string;
  readonly actor: string;
  readonly commandId: string;
  readonly data: unknown;
  readonly metadata: StoredEvent['metadata'];
  readonly hash: string | null;
  readonly prevHash: string | null;
}

export interface AuditEventPage {
  readonly events: readonly AuditEventRow[];
  /** Pass as `after` for the next page; null on the last. */
  readonly next: number | null;
}

export interface CorrectionRef {
  readonly id: string;
  readonly type: 'EventRevoked' | 'EventCorrected';
  readonly position: number;
  readonly recordedAt: string;
  readonly actor: string;
  readonly reason: unknown;
  readonly correctedData?: unknown;
}

export interface ExplainedEvent {
  readonly event: AuditEventRow;
  readonly chain: {
    readonly hash: string | null;
    readonly prevHash: string | null;
    /** True when the stream's chain verifies up to and including this event. */
    readonly verified: boolean;
    readonly problem: ChainProblem | null;
  };
  readonly source: StoredEvent['metadata']['source'];
  readonly decision: StoredEvent['metadata']['decision'] | null;
  /** EventRevoked / EventCorrected events whose targetEventId is this event, in log order. */
  readonly correctedBy: readonly CorrectionRef[];
}

/**
 * The auditor's view of the log, on any store that implements `readAudit`: verify the
 * chains, make and check digests, export, browse and explain single events. Everything
 * here reads events as stored (never upcast).
 */
export class LedgerAudit {
  constructor(
    private readonly store: Pick<EventStore, 'readAudit' | 'name'>,
    private readonly clock: Clock,
    private readonly notes: () => string[] = () => [],
  ) {}

  records(until?: number): Promise<AuditRecord[]> {
    return readAuditRecords(this.store, until);
  }

  async verify(records?: readonly AuditRecord[]): Promise<AuditVerifyReport> {
    return { ...verifyChains(records ?? (await this.records())), notes: this.notes() };
  }

  async digest(): Promise<LogDigest> {
    return makeDigest(await this.records(), this.clock.now().toISOString());
  }

  /** Proof against a digest kept elsewhere: the chains verify and the log up to its position is what it covered. */
  async checkDigest(digest: LogDigest): Promise<{ ok: boolean; chains: AuditVerifyReport; digest: DigestCheck }> {
    const records = await this.records();
    const chains = await this.verify(records);
    const check = checkDigest(records, digest);
    return { ok: chains.ok && check.ok, chains, digest: check };
  }

  async exportTo(path: string): Promise<{ records: number; digest: LogDigest }> {
    const records = await this.records();
    const digest = await writeBundle(path, records, { exportedAt: this.clock.now().toISOString(), store: this.store.name });
    return { records: records.length, digest };
  }

  async browse(filter: AuditFilter): Promise<AuditEventPage> {
    const rows: AuditEventRow[] = [];
    let after = filter.after ?? 0;
    for (;;) {
      const page = await this.store.readAudit({ after, limit: 1000 });
      if (page.length === 0) return { events: rows, next: null };
      for (const record of page) {
        after = record.position;
        if (!record.event || !matches(record.event, filter)) continue;
        if (rows.length === filter.limit) return { events: rows, next: rows.at(-1)!.position };
        rows.push(toRow(record.event, record.link));
      }
    }
  }

  /** One event with its chain link, its sources and the events that corrected it; null when no event has that id. */
  async explain(id: string): Promise<ExplainedEvent | null> {
    const records = await this.records();
    const record = records.find((r) => r.event?.id === id);
    if (!record?.event) return null;
    const event = record.event;
    const problem = verifyChains(records).problems.find((p) => p.stream === event.stream && p.position <= record.position) ?? null;
    const correctedBy = records.flatMap(({ event: e }): CorrectionRef[] => {
      if (!e || e.stream !== event.stream || (e.type !== 'EventRevoked' && e.type !== 'EventCorrected')) return [];
      const data = e.data as { targetEventId?: unknown; reason?: unknown; correctedData?: unknown };
      if (data.targetEventId !== id) return [];
      return [
        {
          id: e.id,
          type: e.type,
          position: e.position,
          recordedAt: e.metadata.recordedAt,
          actor: e.metadata.actor,
          reason: data.reason,
          ...(e.type === 'EventCorrected' && { correctedData: data.correctedData }),
        },
      ];
    });
    return {
      event: toRow(event, record.link),
      chain: { hash: record.link?.hash ?? null, prevHash: record.link?.prevHash ?? null, verified: problem === null && record.link !== null, problem },
      source: event.metadata.source,
      decision: event.metadata.decision ?? null,
      correctedBy,
    };
  }
}

export function backfillNote(b: { events: number; upToPosition: number; doneAt: string }): string {
  return `the chains of the ${b.events} events up to position ${b.upToPosition} were computed on ${b.doneAt}, when a version of the ledger that hashes first opened the log: they prove nothing changed since then, not before`;
}

function matches(e: StoredEvent, f: AuditFilter): boolean {
  const at = e.metadata.recordedAt;
  return (
    (f.stream === undefined || e.stream === f.stream) &&
    (f.type === undefined || e.type === f.type) &&
    (f.actor === undefined || e.metadata.actor === f.actor) &&
    (f.from === undefined || at >= f.from) &&
    (f.to === undefined || at <= f.to)
  );
}

function toRow(e: StoredEvent, link: ChainLink | null): AuditEventRow {
  return {
    position: e.position,
    id: e.id,
    type: e.type,
    schemaVersion: e.schemaVersion,
    stream: e.stream,
    streamVersion: e.streamVersion,
    recordedAt: e.metadata.recordedAt,
    actor: e.metadata.actor,
    commandId: e.metadata.commandId,
    data: e.data,
    metadata: e.metadata,
    hash: link?.eventId === e.id ? link.hash : null,
    prevHash: link?.eventId === e.id ? link.prevHash : null,
  };
}

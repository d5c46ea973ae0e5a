import type { AuditRecord, EventStore } from '../event-store/event-store.port';

/**
 * The whole log as audit records, read a page at a time. Verification needs every record
 * in memory (to match moved events with their links); at the ledger's scale (thousands of
 * decisions) that is small.
 */
export async function readAuditRecords(store: Pick<EventStore, 'readAudit'>, until = Number.POSITIVE_INFINITY): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  let after = 0;
  for (;;) {
    const page = await store.readAudit({ after, limit: 1000 });
    for (const record of page) {
      if (record.position > until) return records;
      records.push(record);
    }
    if (page.length === 0) return records;
    after = page.at(-1)!.position;
  }
}

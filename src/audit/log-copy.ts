import { existsSync } from 'node:fs';
import { connectPostgres } from '../event-store/postgres/postgres-event-store';
import { systemClock } from '../event-store/event-store.port';
import { LedgerAudit } from './ledger-audit';
import { openAuditLog } from './open-audit-log';

export interface LogCopyReport {
  readonly events: number;
  readonly sourceVerified: boolean;
  readonly targetVerified: boolean;
}

/**
 * Moves an embedded (SQLite) ledger to a PostgreSQL server with its hash chain intact: the
 * source must verify, every record is written as recorded (positions, recordedAt, links),
 * and the copy is verified on the server before it is reported done. Read models are not
 * copied: each app node builds its own from the log.
 */
export async function copySqliteLogToPostgres(from: string, to: string): Promise<LogCopyReport> {
  if (!existsSync(from)) throw new Error(`--from ${from}: no such SQLite file`);
  const source = await openAuditLog({ store: 'sqlite', dbPath: from, eventStoreConnectionString: null });
  let records;
  try {
    records = await source.audit.records();
    const verified = await source.audit.verify(records);
    if (!verified.ok) throw new Error(`--from ${from}: the log does not verify (run \`ledger verify --db ${from}\`); nothing was copied`);
  } finally {
    await source.close();
  }
  const target = await connectPostgres(to, systemClock);
  try {
    const events = await target.importRecords(records);
    const copied = await new LedgerAudit(target, systemClock).verify();
    if (!copied.ok) throw new Error(`the copy on ${redact(to)} does not verify`);
    return { events, sourceVerified: true, targetVerified: true };
  } finally {
    await target.close();
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openAuditLog } from '../audit/open-audit-log';
import { LedgerAudit, type AuditVerifyReport } from '../audit/ledger-audit';
import { systemClock } from '../event-store/event-store.port';
import { connectPostgres } from '../event-store/postgres/postgres-event-store';
import { UsageError } from './cli-args';
import { formatVerify } from './audit-commands';
import type { CliIo } from './ledger-cli';

export const COPY_USAGE = `  copy --from <sqlite file> --to <postgres://user@host:port/database>
      Move an embedded ledger's log to PostgreSQL: every event at its position with the hash
      chain recorded at append. Verifies the source first and the target after; an interrupted
      copy resumes where it stopped. Then run the server with LEDGER_STORE=postgres.
`;

const PAGE = 1000;

/** `ledger copy`: SQLite log → PostgreSQL log, chains intact; exit code 1 unless both verify. */
export async function runCopyCommand(options: Record<string, string | true>, io: CliIo): Promise<number> {
  const from = options.from;
  const to = options.to;
  if (typeof from !== 'string') throw new UsageError('copy needs --from <sqlite file>');
  if (typeof to !== 'string' || !/^postgres(ql)?:\/\//.test(to)) throw new UsageError('copy needs --to <postgres://…>');
  const source = resolve(from);
  if (!existsSync(source)) throw new UsageError(`copy: ${source} does not exist`);

  const log = await openAuditLog({ store: 'sqlite', dbPath: source, eventStoreConnectionString: null });
  const target = await connectPostgres(to, systemClock);
  try {
    const records = await log.audit.records();
    const before = await log.audit.verify(records);
    io.out(`source ${source}: ${formatVerify(before)}`);
    if (!before.ok) {
      io.err('ledger: the source log does not verify; nothing was copied (a copy would carry the damage over).\n');
      return 1;
    }
    // Resume: the target may already hold a prefix of this very log (an interrupted copy), never anything else.
    const head = await target.headPosition();
    if (head > 0) {
      const [theirs] = await target.readAudit({ after: head - 1, limit: 1 });
      const ours = records.find((r) => r.position === head);
      if (!theirs || !ours || theirs.event?.id !== ours.event?.id || theirs.link?.hash !== ours.link?.hash) {
        io.err(`ledger: the target already holds a different log (up to position ${head}); copy only into an empty database or to resume a copy of this file.\n`);
        return 1;
      }
      io.out(`target already holds this log up to position ${head}: resuming after it.\n`);
    }
    const all = records.filter((r) => r.position > head);
    let copied = 0;
    for (let i = 0; i < all.length; i += PAGE) copied += await target.copyIn(all.slice(i, i + PAGE));
    const after: AuditVerifyReport = await new LedgerAudit(target, systemClock).verify();
    io.out(`copied ${copied} event(s) to ${redact(to)}\n`);
    io.out(`target: ${formatVerify(after)}`);
    const same = after.events === before.events && after.position === before.position;
    if (!same) io.err(`ledger: the target holds ${after.events} events up to ${after.position}, the source ${before.events} up to ${before.position}.\n`);
    return after.ok && same ? 0 : 1;
  } finally {
    await target.close();
    await log.close();
  }
}

/** The URL without its password, for output. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

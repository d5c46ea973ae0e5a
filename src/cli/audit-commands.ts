import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AuditVerifyReport } from '../audit/ledger-audit';
import { checkDigest, parseDigest } from '../audit/log-digest';
import { readBundleRecords, verifyBundle } from '../audit/log-bundle';
import { copyLogPrefix, type ReplayUntil } from '../audit/log-replay';
import { openAuditLog } from '../audit/open-audit-log';
import type { LedgerConfig } from '../config/ledger-config';
import { openLedger } from '../ledger';
import type { RebuiltModel } from '../projections/shadow-rebuild';
import { parseKnownAt } from '../queries/temporal-params';
import { UsageError } from './cli-args';
import type { CliIo } from './ledger-cli';
import { progressReporter } from './progress-bar';

export const AUDIT_USAGE = `  verify [--digest <file>] [--json]
      Recompute every hash chain; with --digest, also prove the log still holds exactly
      what it held when that digest was made, plus only later appends. Exit code 1 if not.
  verify --bundle <file> [--digest <file>] [--json]
      Verify an export offline, without any database.
  digest
      Print a digest of the log (position, event count, Merkle root of the stream heads) as JSON.
  export --out <file>
      Write the whole log with its hashes as JSON lines (header, one record a line, trailer with the digest).
  replay --until <position | ISO timestamp> --out <file>
      Copy the log up to that point into a new database and build every read model from it;
      then ask it anything with --db <file>.
  rebuild
      Drop and rebuild every read model from the log, and prove the result equal to what was there.
`;

type Options = Record<string, string | true>;
const AUDIT_COMMANDS = new Set(['verify', 'digest', 'export', 'replay', 'rebuild']);

export function isAuditCommand(command: string): boolean {
  return AUDIT_COMMANDS.has(command);
}

/** The auditor's commands. They open the log alone (no read models) except `rebuild` and the read side of `replay`. */
export async function runAuditCommand(command: string, options: Options, config: LedgerConfig, io: CliIo): Promise<number> {
  const text = (name: string) => {
    const value = options[name];
    if (value === true) throw new UsageError(`--${name} needs a value`);
    return value;
  };
  const required = (name: string) => text(name) ?? fail(`${command} needs --${name}`);
  const digestFile = text('digest');

  if (command === 'verify' && text('bundle') !== undefined) {
    const bundle = verifyBundle(resolve(required('bundle')));
    const against = digestFile === undefined ? null : checkDigest(readBundleRecords(resolve(required('bundle'))).records, readDigest(digestFile));
    const ok = bundle.ok && (against?.ok ?? true);
    if (options.json) io.out(`${JSON.stringify({ ok, bundle, digest: against }, null, 2)}\n`);
    else {
      for (const p of bundle.fileProblems) io.out(`file: ${p}\n`);
      io.out(formatVerify({ ...bundle.chains, notes: [] }));
      if (bundle.trailer) io.out(`trailer digest: ${bundle.trailer.ok && bundle.trailer.appendedSince === 0 ? 'matches the records' : `does NOT match the records (${bundle.trailer.detail})`}\n`);
      if (against) io.out(`digest ${digestFile}: ${against.ok ? 'OK' : 'NOT OK'}: ${against.detail}\n`);
      io.out(ok ? `The bundle verifies: OK (${bundle.records} records).\n` : 'The bundle does NOT verify.\n');
    }
    return ok ? 0 : 1;
  }

  if (command === 'rebuild') {
    const ledger = await openLedger(config);
    try {
      const progress = progressReporter(io);
      const models = await ledger.rebuildReadModels(progress.update);
      progress.done();
      const equal = models.every((m) => m.equal);
      io.out(options.json ? `${JSON.stringify({ equal, models }, null, 2)}\n` : formatRebuild(models));
      return equal ? 0 : 1;
    } finally {
      await ledger.close();
    }
  }

  const log = await openAuditLog(config);
  try {
    switch (command) {
      case 'verify': {
        if (digestFile !== undefined) {
          const result = await log.audit.checkDigest(readDigest(digestFile));
          if (options.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
          else io.out(`${formatVerify(result.chains)}digest ${digestFile}: ${result.digest.ok ? 'OK' : 'NOT OK'}: ${result.digest.detail}\n`);
          return result.ok ? 0 : 1;
        }
        const report = await log.audit.verify();
        io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatVerify(report));
        return report.ok ? 0 : 1;
      }
      case 'digest':
        io.out(`${JSON.stringify(await log.audit.digest(), null, 2)}\n`);
        return 0;
      case 'export': {
        const out = resolve(required('out'));
        const { records, digest } = await log.audit.exportTo(out);
        io.out(`Exported ${records} records to ${out}\n${JSON.stringify(digest, null, 2)}\n`);
        return 0;
      }
      case 'replay': {
        const until = parseUntil(required('until'));
        const out = resolve(required('out'));
        const records = await log.audit.records();
        const copy = copyLogPrefix(records, until, out, new Date().toISOString(), config.dbPath);
        const replayed = await openLedger({ ...config, store: 'sqlite', dbPath: out });
        const verified = await replayed.audit.verify();
        await replayed.close();
        io.out(
          `Replayed ${copy.events} events (up to position ${copy.position}${copy.lastRecordedAt ? `, recorded up to ${copy.lastRecordedAt}` : ''}) into ${out}; ` +
            `every read model was built from them. The copy's chains verify: ${verified.ok ? 'OK' : 'NOT OK'}.\n` +
            `Ask it as the ledger stood then, e.g.: npx ledger roster <group> --db ${out}   or   LEDGER_DB=${out} LEDGER_SEED=off npm start\n`,
        );
        return verified.ok ? 0 : 1;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    await log.close();
  }
}

function fail(message: string): never {
  throw new UsageError(message);
}

function parseUntil(value: string): ReplayUntil {
  if (/^\d+$/.test(value)) return { position: Number(value) };
  const recordedAt = parseKnownAt(value, '--until');
  return { recordedAt: recordedAt! };
}

function readDigest(file: string) {
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the digest ${file}: ${(error as Error).message}`);
  }
  try {
    return parseDigest(text);
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
}

export function formatVerify(report: AuditVerifyReport): string {
  const head = `Verified ${report.events} events in ${report.streams} streams up to position ${report.position}: `;
  const notes = report.notes.map((n) => `note: ${n}\n`).join('');
  if (report.ok) return `${head}OK, every chain recomputes.\n${notes}`;
  const lines = report.problems.map((p) => `  ${p.kind.padEnd(9)} ${p.stream} version ${p.streamVersion}, position ${p.position}: ${p.detail}`);
  return `${head}NOT OK: ${report.problems.length} stream(s) have a bad event (${report.totalProblems} finding(s) in all). First bad event of each:\n${lines.join('\n')}\n${notes}`;
}

export function formatRebuild(models: readonly RebuiltModel[]): string {
  const lines: string[] = [];
  for (const m of models) {
    for (const t of m.tables) {
      const verdict = t.before === null ? 'new (nothing comparable before)' : t.equal ? 'equal' : `DIFFERENT (was ${t.before.rows} rows, sha256 ${t.before.hash.slice(0, 16)}…)`;
      lines.push(`  ${`${m.name} v${m.version}`.padEnd(22)} ${t.table.padEnd(18)} ${String(t.after.rows).padStart(5)} rows  ${t.after.hash === null ? 'not hashed' : `sha256 ${t.after.hash.slice(0, 16)}…`}  ${verdict}`);
      for (const row of t.onlyBefore.slice(0, 20)) lines.push(`      - was:     ${row}`);
      for (const row of t.onlyAfter.slice(0, 20)) lines.push(`      + rebuilt: ${row}`);
      const more = t.onlyBefore.length + t.onlyAfter.length - Math.min(20, t.onlyBefore.length) - Math.min(20, t.onlyAfter.length);
      if (more > 0) lines.push(`      (${more} more differing rows; --json lists them all)`);
    }
  }
  const equal = models.every((m) => m.equal);
  const position = models[0]?.position ?? 0;
  return (
    `Rebuilt ${models.length} read models from the log up to position ${position}:\n${lines.join('\n')}\n` +
    (equal ? 'Every read model is equal to what was there: the rebuild changed nothing.\n' : 'The rebuilt read models differ from what was there (rows above); the rebuilt ones are now in place.\n')
  );
}

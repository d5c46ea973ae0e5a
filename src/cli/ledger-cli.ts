import { ConfigError, loadConfig } from '../config/ledger-config';
import { LedgerError } from '../domain/ledger-errors';
import { openLedger, type Ledger } from '../ledger';
import { findGroup } from '../queries/group-roster.query';
import { parseAt, parseKnownAt } from '../queries/temporal-params';
import { importCommands } from '../seed/kalmar-seed';
import { AUDIT_USAGE, isAuditCommand, runAuditCommand } from './audit-commands';
import { COPY_USAGE, runCopyCommand } from './copy-command';
import { parseArgs, UsageError } from './cli-args';
import { FINANCE_USAGE, runFinanceCommand } from './finance-cli';
import { formatRosterTable } from './roster-table';
import { TOKEN_USAGE, tokenCommand } from './token-command';
import { MEETING_USAGE, runMeetingCli } from './meeting-cli';
import { INTAKE_USAGE, runIntakeCli } from './intake-cli';

const USAGE = `Usage: ledger <command> [options]

  roster <group> [--at YYYY-MM-DD] [--known-at <ISO timestamp>] [--json]
      Who sat on the group on a day, as the ledger knew it at a time.
  import <file.json | directory>
      Record the commands in a file (a JSON array, all or nothing) or every *.json file
      of a directory, in name order. Commands already recorded (same commandId) are skipped.
  groups [--json]
      Every group.
${MEETING_USAGE}${INTAKE_USAGE}
${FINANCE_USAGE}
${TOKEN_USAGE}

For auditors:
${AUDIT_USAGE}
Moving to a server:
${COPY_USAGE}
Options for every command:
  --db <path>   the SQLite database (default: LEDGER_DB or ./data/ledger.db)
`;

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** stderr is a terminal: progress is drawn as a bar rather than written as lines. */
  readonly errIsTTY?: boolean;
}

/** Runs the CLI on the same code as the server; returns the exit code. */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  let ledger: Ledger | null = null;
  try {
    const { positionals, options } = parseArgs(argv, ['json', 'help', 'commands']);
    const [command, ...rest] = positionals;
    if (!command || options.help) {
      io.out(USAGE);
      return command || options.help ? 0 : 2;
    }
    if (command === 'copy') return await runCopyCommand(options, io);
    const config = loadConfig({ ...env, ...(typeof options.db === 'string' && { LEDGER_DB: options.db }) });
    if (isAuditCommand(command)) return await runAuditCommand(command, options, config, io);
    ledger = await openLedger(config);
    switch (command) {
      case 'roster': {
        const group = rest[0];
        if (!group) throw new UsageError('roster needs a group slug or id');
        const knownAt = parseKnownAt(options['known-at'], '--known-at');
        const at = parseAt(options.at, ledger.clock.now().toISOString().slice(0, 10), '--at');
        const roster = ledger.rosters.roster(findGroup(ledger, group, knownAt), { at, knownAt });
        io.out(options.json ? `${JSON.stringify(roster, null, 2)}\n` : formatRosterTable(roster));
        return 0;
      }
      case 'import': {
        const path = rest[0];
        if (!path) throw new UsageError('import needs a file or directory');
        const report = await importCommands(ledger, path, `cli:${env.USER ?? 'unknown'}`);
        io.out(`Imported ${report.files} file(s): ${report.applied} command(s) applied, ${report.repeated} already recorded, ${report.events} event(s) appended.\n`);
        return 0;
      }
      case 'groups': {
        const groups = ledger.directory.listGroups(null);
        io.out(options.json ? `${JSON.stringify(groups, null, 2)}\n` : groups.map((g) => `${g.slug.padEnd(60)} ${g.kind.padEnd(20)} ${g.name}`).join('\n') + '\n');
        return 0;
      }
      case 'intake':
        return await runIntakeCli(rest, options, ledger, io, `cli:${env.USER ?? 'unknown'}`);
      case 'protocol':
      case 'meetings':
      case 'person':
        return await runMeetingCli(command, rest, options, ledger, io);
      case 'token':
        return tokenCommand(ledger, rest, options, io.out);
      default: {
        const code = runFinanceCommand(ledger, command, rest, options, io.out);
        if (code === null) throw new UsageError(`unknown command "${command}"`);
        return code;
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`ledger: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    if (error instanceof LedgerError) {
      const fields = error.problems.map((p) => `  ${p.field || 'input'}: ${p.message}`).join('\n');
      io.err(`ledger: ${error.message}${fields ? `\n${fields}` : ''}\n`);
      return 1;
    }
    io.err(`ledger: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await ledger?.close();
  }
}

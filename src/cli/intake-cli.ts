import { readFileSync } from 'node:fs';
import type { DryRunResult } from '../commands/dry-run';
import { systemPrincipal } from '../access/principal';
import type { NameResolution, Proposal, SourceLine } from '../intake/intake-result';
import { protocolTextOf } from '../intake/protocol-text';
import { readProtocolWithDryRun, type ProtocolIntake } from '../intake/read-protocol';
import type { Ledger } from '../ledger';
import { UsageError } from './cli-args';
import type { CliIo } from './ledger-cli';

export const INTAKE_USAGE = `  intake <protocol.txt> [--json | --commands]
      Read a protocol's plain text (UTF-8) and list the commands it proposes, with their source
      lines, confidence and name resolution, and a dry run of confirming them all. Appends nothing.
      --json: the whole reading and dry run; --commands: only the proposed commands, as a batch
      to review, edit and record with "ledger import".
`;

/** `ledger intake`: the same reading and dry run as POST /intake/protocol, on the local database. */
export async function runIntakeCli(rest: readonly string[], options: Record<string, string | true>, ledger: Ledger, io: CliIo, actor: string): Promise<number> {
  const path = rest[0];
  if (!path) throw new UsageError('intake needs the protocol as a text file');
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const result = await readProtocolWithDryRun(ledger, protocolTextOf(bytes, 'file'), systemPrincipal(actor), 'file');
  if (options.commands) io.out(`${JSON.stringify(result.intake.proposals.map((p) => p.command), null, 2)}\n`);
  else io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatIntake(result));
  return 0;
}

export function formatIntake({ intake, dryRun }: ProtocolIntake): string {
  const m = intake.meeting;
  const out = [
    `${m.title}${m.title.includes(m.date) ? '' : ` ${m.date}`}${m.place ? `, ${m.place}` : ''}${m.registryNumber ? ` (${m.registryNumber})` : ''}  [${m.ref}]`,
    `${intake.proposals.length} proposal(s), ${intake.counts.ambiguous} name(s) to pick, ${intake.notUnderstood.length} passage(s) not understood, ${intake.amounts.length} kronor figure(s)`,
    '',
    'Proposed commands (nothing recorded yet):',
  ];
  for (const p of intake.proposals) out.push(...proposalLines(p, dryRun));
  if (intake.amounts.length > 0) {
    out.push('', 'Kronor figures (for finance to check; the intake records no money):');
    for (const a of intake.amounts) out.push(`  ${lineRange(a.lines).padEnd(12)} ${a.printed.padEnd(16)} ${a.belongsTo}`);
  }
  if (intake.notUnderstood.length > 0) {
    out.push('', 'Not understood (read these lines yourself):');
    for (const n of intake.notUnderstood) out.push(`  ${lineRange(n.lines).padEnd(12)} ${n.reason}`, ...n.lines.slice(0, 3).map((l) => `      | ${l.text}`));
  }
  out.push('', dryRunLine(dryRun), '');
  return out.join('\n');
}

function proposalLines(p: Proposal, dryRun: DryRunResult): string[] {
  const violations = dryRun.violations.filter((v) => v.commandId === p.command.metadata.commandId);
  return [
    `  ${p.id.padEnd(4)} ${p.command.type.padEnd(24)} ${p.confidence.padEnd(8)} ${lineRange(p.lines).padEnd(12)} ${p.summary}`,
    ...[...new Set(p.names.map(nameLine))].map((n) => `         name: ${n}`),
    ...p.notes.map((note) => `         note: ${note}`),
    ...violations.map((v) => `         REFUSED by the dry run: ${v.detail ?? v.title}`),
  ];
}

function nameLine(n: NameResolution): string {
  switch (n.kind) {
    case 'existing':
      return `${n.name} = ${n.slug} (by ${n.matchedBy})`;
    case 'new':
      return `${n.name}: a new person (${n.slug})`;
    case 'ambiguous':
      return `${n.name}: AMBIGUOUS, pick one of ${n.candidates.map((c) => `${c.slug} (${c.why})`).join(', ')}`;
  }
}

function lineRange(lines: readonly SourceLine[]): string {
  if (lines.length === 0) return '';
  const first = lines[0]!.line;
  const last = lines.at(-1)!.line;
  return first === last ? `line ${first}` : `lines ${first}-${last}`;
}

function dryRunLine(d: DryRunResult): string {
  return d.ok
    ? `Dry run: confirming every proposal would append ${d.events.length} event(s); no rule is broken.`
    : `Dry run: ${d.violations.length} proposal(s) refused (see REFUSED above); the others would append ${d.events.length} event(s). Sent as one batch, the ledger would refuse it all.`;
}

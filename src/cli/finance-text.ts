import type { Basis } from '../domain/basis';
import { formatKronor } from '../domain/money';
import type { Figure } from '../queries/finance/figure';
import type { GrantBalance } from '../queries/finance/grant-balance.reader';
import type { Reconciliation } from '../queries/finance/grant-reconciliation.reader';

/** A grant's balance and reconciliation as plain text for a terminal. */
function amount(f: Figure): string {
  if (f.amount !== null) return `${formatKronor(f.amount)}${f.uncertain ? ' (?)' : ''}`;
  return `unknown${f.knownPart ? ` (its known entries come to ${formatKronor(f.knownPart)})` : ''}: ${f.reason}`;
}

function heading(b: Pick<GrantBalance, 'grant' | 'at' | 'knownAt'>): string {
  return `${b.grant.name} (${b.grant.slug}), held by ${b.grant.holder.name}, on ${b.at}${b.knownAt ? `, as known at ${b.knownAt}` : ''}`;
}

/** "~ " before an entry whose basis is inferred. */
const inferred = (basis: Basis | null) => (basis?.kind === 'inferred' ? '~ ' : '');

export function formatBalance(b: GrantBalance): string {
  const rows: [string, string][] = [
    ['received', amount(b.received)],
    ...b.parts.map((p): [string, string] => [`  part: ${p.area}`, p.amount === null ? `unknown: ${p.reason}` : formatKronor(p.amount)]),
    ['allocated', amount(b.allocated)],
    ...b.allocations.map((a): [string, string] => [`  ${inferred(a.basis)}${a.allocation}`, amount(a.figure)]),
    ['unallocated', amount(b.unallocated)],
    ['forecast unused', amount(b.forecastUnused)],
    ['distributed early', amount(b.distributedEarly)],
    ...b.distributedEarlyByParty.map((p): [string, string] => [`  to ${p.party.name}`, amount(p.figure)]),
    ['used', amount(b.used)],
    [`remaining (${b.remaining.basis})`, amount(b.remaining)],
    ['settled', amount(b.settled)],
    ...b.settledByParty.map((p): [string, string] => [`  to ${p.party.name}`, amount(p.figure)]),
    ['not yet invoiced', amount(b.notYetInvoiced)],
    ['invoiced', amount(b.invoiced)],
    ...b.invoices.map((i): [string, string] => [`  ${inferred(i.basis)}${i.invoice}: ${i.issuer.name} → ${i.payer.name}`, `${amount(i.invoiced)}, ${i.status}`]),
    ['paid', amount(b.paid)],
    ['outstanding', amount(b.outstanding)],
    ['funds held', amount(b.fundsHeld)],
  ];
  const width = Math.min(70, Math.max(...rows.map(([k]) => k.length)));
  const line = ([k, v]: [string, string]) => `${(k.length > width ? `${k.slice(0, width - 1)}…` : k).padEnd(width)}  ${v}`;
  const uncertain = [b.received, b.allocated, b.used, b.remaining, b.settled, b.invoiced, b.paid].some((f) => f.uncertain) ? '\n(?) an entry dated only by month or year may fall after that day' : '';
  const anyInferred = [...b.allocations, ...b.invoices].some((x) => x.basis?.kind === 'inferred');
  const notes = uncertain + (anyInferred ? '\n~ inferred (antaget), not stated by a source: see the entry\'s basis (--json)' : '');
  return [heading(b), '', ...rows.map(line)].join('\n') + notes + '\n';
}

const MARK = { pass: 'PASS', fail: 'FAIL', unknown: '  ? ' } as const;

export function formatReconciliation(r: Reconciliation): string {
  const lines = r.checks.map((c) => `${MARK[c.status]}  ${c.check}: ${c.detail}`);
  return [`${heading(r)}: ${r.status}`, '', ...lines].join('\n') + '\n';
}

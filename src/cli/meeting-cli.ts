import type { Basis } from '../domain/basis';
import type { Ledger } from '../ledger';
import { INFERRED_MARKER } from './roster-table';
import { findMeeting } from '../queries/meeting.queries';
import { findPersonProfile } from '../queries/person-profile.query';
import type { PersonProfile } from '../queries/person-profile.reader';
import { protocolHtml, protocolMarkdown } from '../queries/protocol-render';
import { parseKnownAt } from '../queries/temporal-params';
import { UsageError } from './cli-args';
import type { CliIo } from './ledger-cli';

export const MEETING_USAGE = `  protocol <meeting> [--known-at <ISO timestamp>] [--format md|html|json]
      A meeting's protocol rebuilt from the log (Markdown by default), as known at a time.
  meetings [--json]
      Every meeting: date, body, status.
  person <person> [--known-at <ISO timestamp>] [--json]
      A person's seats, chair roles, affiliations and the meetings attended.
`;

/** The meeting slice's CLI commands, on the same readers as the HTTP API. */
export async function runMeetingCli(command: string, rest: readonly string[], options: Record<string, string | true>, ledger: Ledger, io: CliIo): Promise<number> {
  const knownAt = parseKnownAt(options['known-at'], '--known-at');
  switch (command) {
    case 'protocol': {
      const ref = rest[0];
      if (!ref) throw new UsageError('protocol needs a meeting slug or id');
      const format = options.format ?? (options.json ? 'json' : 'md');
      if (format !== 'md' && format !== 'html' && format !== 'json') throw new UsageError('--format must be md, html or json');
      const meeting = findMeeting(ledger, ref, knownAt);
      io.out(format === 'json' ? `${JSON.stringify(meeting, null, 2)}\n` : format === 'html' ? protocolHtml(meeting) : protocolMarkdown(meeting));
      return 0;
    }
    case 'meetings': {
      const meetings = ledger.meetings.list({ knownAt });
      io.out(options.json ? `${JSON.stringify(meetings, null, 2)}\n` : meetings.map((m) => `${m.date}  ${m.status.padEnd(10)}  ${m.slug}`).join('\n') + '\n');
      return 0;
    }
    case 'person': {
      const ref = rest[0];
      if (!ref) throw new UsageError('person needs a person slug or id');
      const profile = findPersonProfile(ledger, ref, knownAt);
      io.out(options.json ? `${JSON.stringify(profile, null, 2)}\n` : formatProfile(profile));
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function formatProfile(p: PersonProfile): string {
  const span = (from: string | null, to: string | null) => `${from ?? 'unknown'} – ${to ?? ''}`.trimEnd();
  const lines = [`${p.person.name} (${p.person.slug})${p.knownAt ? `, as known at ${p.knownAt}` : ''}`, ''];
  const reasons: string[] = [];
  // "~ " marks what is inferred rather than stated by a source; the reasoning is listed at the end.
  const marked = (text: string, basis: Basis) => {
    if (basis.kind === 'stated') return text;
    reasons.push(`${INFERRED_MARKER} ${text}: inferred (antaget): ${basis.reasoning}`);
    return `${INFERRED_MARKER} ${text}`;
  };
  const section = (title: string, rows: string[]) => lines.push(`${title}:`, ...(rows.length > 0 ? rows.map((r) => `  ${r}`) : ['  (none recorded)']), '');
  section('Seats', p.memberships.map((m) => marked(`${m.group.name}: ${[m.role, m.field, m.representing?.name].filter(Boolean).join(', ')}, ${span(m.from, m.to)}`, m.basis)));
  section('Chair roles', p.chairs.map((c) => marked(`${c.group.name}: ${c.role}, ${span(c.from, c.to)}`, c.basis)));
  section('Affiliations', p.affiliations.map((a) => marked(`from ${a.from}: ${[a.title, a.unit, a.organisation?.name].filter(Boolean).join(', ')}`, a.basis)));
  section(
    'Meetings attended',
    p.meetingsAttended.map((m) =>
      marked(`${m.meeting.date} ${m.meeting.body?.name ?? ''}: ${m.role === 'member' ? 'member present' : 'taking part'}${m.acting ? ' (tf.)' : ''}${m.party ? `, ${m.party.name}` : ''}${m.capacity ? `, ${m.capacity}` : ''}`, m.basis),
    ),
  );
  if (reasons.length > 0) section('Inferred (antaget), not stated by a source', reasons);
  return lines.join('\n');
}

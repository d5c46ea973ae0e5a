import { streamOf, type EntityKind } from '../domain/identity';
import type { EventStore } from '../event-store/event-store.port';
import type { StoredEvent } from '../events/event-envelope';
import type { DirectoryReader } from '../queries/directory.reader';
import { describeChange, type ChangeArea, type ChangedFact, type FactNames } from './changed-facts';
import type { AuditFilter, LedgerAudit } from './ledger-audit';

/** The answer to "what changed between K1 and K2?" (recorded time), one page of it. */
export interface ChangesReport {
  readonly from: string | null;
  readonly to: string | null;
  readonly changes: readonly ChangedFact[];
  /** Events of this page by the part of the record they changed. */
  readonly byArea: Partial<Record<ChangeArea, number>>;
  /** Corrections and revocations among them: facts recorded earlier that the window changed. */
  readonly corrections: number;
  /** Pass as `after` for the next page; null on the last. */
  readonly next: number | null;
}

/**
 * Reads the window from the log (not from read models: the auditor asks what was recorded),
 * and names what each event refers to: people, groups and organisations from the directory,
 * meetings, grants and projects from the events that created them.
 */
export async function changesBetween(audit: LedgerAudit, store: EventStore, directory: DirectoryReader, filter: AuditFilter): Promise<ChangesReport> {
  const page = await audit.browse(filter);
  const targets = new Map<string, StoredEvent>();
  const streams = new Map<string, Promise<StoredEvent[]>>();
  const streamEvents = (stream: string) => {
    if (!streams.has(stream)) streams.set(stream, store.readStream(stream));
    return streams.get(stream)!;
  };
  for (const e of page.events) {
    if (e.type !== 'EventRevoked' && e.type !== 'EventCorrected') continue;
    const targetId = (e.data as { targetEventId?: unknown }).targetEventId;
    const target = (await streamEvents(e.stream)).find((x) => x.id === targetId);
    if (target) targets.set(target.id, target);
  }
  const datas = [...page.events.map((e) => e.data), ...[...targets.values()].map((t) => t.data), ...page.events.map((e) => (e.data as { correctedData?: unknown }).correctedData)];
  const ids = collectIds(datas);
  const persons = directory.persons(ids.person);
  const groups = directory.groups(ids.group);
  const parties = directory.parties(ids.party);
  const created = new Map<string, string>();
  for (const kind of ['meeting', 'grant', 'project'] as const) {
    for (const id of ids[kind]) {
      const first = (await streamEvents(streamOf(kind, id)))[0];
      if (first) created.set(`${kind}:${id}`, nameOfCreated(kind, first.data as Record<string, unknown>));
    }
  }
  const names: FactNames = {
    person: (id) => persons.get(id)?.name ?? null,
    group: (id) => groups.get(id)?.name ?? null,
    party: (id) => parties.get(id)?.name ?? null,
    meeting: (id) => created.get(`meeting:${id}`) ?? null,
    grant: (id) => created.get(`grant:${id}`) ?? null,
    project: (id) => created.get(`project:${id}`) ?? null,
  };
  const changes = page.events.map((e) => describeChange(e, targets.get((e.data as { targetEventId?: string }).targetEventId ?? '') ?? null, names));
  const byArea: Partial<Record<ChangeArea, number>> = {};
  for (const c of changes) byArea[c.area] = (byArea[c.area] ?? 0) + 1;
  return { from: filter.from ?? null, to: filter.to ?? null, changes, byArea, corrections: changes.filter((c) => c.correction).length, next: page.next };
}

function nameOfCreated(kind: 'meeting' | 'grant' | 'project', d: Record<string, unknown>): string {
  if (kind === 'meeting') return `mötet ${String(d.date)}${typeof d.title === 'string' ? ` (${d.title})` : ''}`;
  if (kind === 'grant') return `${String(d.name)} ${String(d.year)}`;
  return `projektet ${String(d.name)}`;
}

type IdKind = Extract<EntityKind, 'person' | 'group' | 'party' | 'meeting' | 'grant' | 'project'>;

const ID_FIELDS: Record<string, IdKind> = {
  personId: 'person',
  groupId: 'group',
  representingId: 'party',
  organisationId: 'party',
  recipientId: 'party',
  payerId: 'party',
  issuerId: 'party',
  meetingId: 'meeting',
  grantId: 'grant',
  projectId: 'project',
};

/** The ids named anywhere in the events' data (nested: a replacement's outgoing and incoming person). */
function collectIds(datas: readonly unknown[]): Record<IdKind, string[]> {
  const out: Record<IdKind, Set<string>> = { person: new Set(), group: new Set(), party: new Set(), meeting: new Set(), grant: new Set(), project: new Set() };
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    for (const [key, v] of Object.entries(value)) {
      const kind = ID_FIELDS[key];
      if (kind && typeof v === 'string') out[kind].add(v);
      else visit(v, depth + 1);
    }
  };
  datas.forEach((d) => visit(d, 0));
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v]])) as Record<IdKind, string[]>;
}

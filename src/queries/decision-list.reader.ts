import type Database from 'better-sqlite3';
import type { DirectoryReader, NamedRef } from './directory.reader';
import type { DecisionRow, DecisionView, MeetingReader } from './meeting.reader';
import { KNOWN_AT_SQL } from './temporal-params';

export type DecisionStatusFilter = 'pending' | 'decided' | 'ratified' | 'all';
export const DECISION_STATUS_FILTERS: readonly DecisionStatusFilter[] = ['pending', 'decided', 'ratified', 'all'];

export interface ListedDecision extends DecisionView {
  readonly meeting: { readonly id: string; readonly slug: string; readonly date: string; readonly body: NamedRef | null };
}

/** Decisions across meetings by status: "what is still waiting (deferred, unratified), and for what?" */
export class DecisionListReader {
  constructor(
    private readonly db: Database.Database,
    private readonly directory: DirectoryReader,
    private readonly meetings: MeetingReader,
  ) {}

  list(status: DecisionStatusFilter, knownAt: string | null): { knownAt: string | null; status: DecisionStatusFilter; decisions: ListedDecision[] } {
    const rows = this.db
      .prepare<{ status: string; knownAt: string | null }, DecisionRow & { slug: string }>(
        `SELECT d.*, m.slug FROM rm_decisions d JOIN rm_meetings m ON m.meeting_id = d.meeting_id AND ${KNOWN_AT_SQL.replace(/known_(from|until)/g, 'm.known_$1')}
         WHERE ${KNOWN_AT_SQL.replace(/known_(from|until)/g, 'd.known_$1')} AND (@status = 'all' OR d.status = @status)
         ORDER BY d.meeting_date, d.sort_key`,
      )
      .all({ status, knownAt });
    const bodies = this.directory.groups(rows.map((r) => r.body_id));
    const effects = new Map([...new Set(rows.map((r) => r.meeting_id))].map((id) => [id, this.meetings.effects(id, knownAt)]));
    const views = this.meetings.decisionViews(rows, new Map(), knownAt);
    return {
      knownAt,
      status,
      decisions: rows.map((r, i) => ({
        ...views[i]!,
        effects: effects.get(r.meeting_id)?.get(r.item) ?? [],
        meeting: { id: r.meeting_id, slug: r.slug, date: r.meeting_date, body: bodies.get(r.body_id) ?? null },
      })),
    };
  }
}

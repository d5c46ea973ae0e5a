import { basisOf, type Basis } from '../../domain/basis';
import type Database from 'better-sqlite3';
import { earliestDay, latestDay, type EffectiveDate } from '../../domain/effective-date';
import { lastDayOf, type ProjectEntryRef, type ProjectView } from '../../projections/project-view';
import type { Financing } from '../../events/project.events';
import type { DirectoryReader, NamedRef } from '../directory.reader';
import type { GrantDirectoryReader } from './grant-directory.reader';
import { KNOWN_AT_SQL } from '../temporal-params';

export interface ProjectRunning {
  readonly project: { readonly id: string; readonly slug: string; readonly name: string };
  readonly owner: NamedRef | null;
  readonly from: string | null;
  readonly fromPrecision: string;
  /** The last day as recorded (inclusive); null when the sources give none. */
  readonly until: string | null;
  readonly untilPrecision: string | null;
  /** True when an imprecise start or end leaves open whether it ran on `at`. */
  readonly uncertain: boolean;
  /** The basis of the project's start (its name, owner and start date). */
  readonly basis: Basis;
  readonly extensions: readonly {
    readonly until: string | null;
    readonly previousEnd: string | null;
    readonly effectiveFrom: string | null;
    readonly decidedOn: string | null;
    /** The decision behind the extension: the meeting and agenda item. */
    readonly decision: ProjectEntryRef['decision'];
    readonly financing: readonly (Omit<Financing, 'grantId'> & { readonly grant: { readonly id: string; readonly slug: string } | null })[];
    readonly source: ProjectEntryRef['source'];
    readonly basis: Basis;
    readonly event: string;
  }[];
  readonly ended: { readonly lastDay: string | null; readonly event: string; readonly basis: Basis } | null;
  readonly events: readonly string[];
  readonly sources: readonly NonNullable<ProjectEntryRef['source']>[];
}

/** Which projects run on a day, until when, and the decisions behind each extension, as known at a time. */
export class ProjectsReader {
  constructor(
    private readonly db: Database.Database,
    private readonly directory: DirectoryReader,
    private readonly grants: GrantDirectoryReader,
  ) {}

  /** Every project's slug by id, as recorded now. */
  slugs(): Map<string, string> {
    return new Map(this.db.prepare<[], { project_id: string; slug: string }>('SELECT DISTINCT project_id, slug FROM rm_projects').all().map((r) => [r.project_id, r.slug]));
  }

  running(at: string, knownAt: string | null): ProjectRunning[] {
    const rows = this.db.prepare<{ knownAt: string | null }, { view: string; events: string }>(`SELECT view, events FROM rm_projects WHERE ${KNOWN_AT_SQL}`).all({ knownAt });
    const views = rows.map((r) => ({ view: JSON.parse(r.view) as ProjectView, events: JSON.parse(r.events) as string[] }));
    const owners = this.directory.parties(views.map((v) => v.view.ownerId).filter((x): x is string => x !== null));
    const grantSlugs = new Map(this.grants.list(knownAt).map((g) => [g.id, g.slug]));
    return views
      .filter(({ view }) => earliestDay(view.start) <= at && mayRunUntil(lastDayOf(view)) >= at)
      .map(({ view, events }) => {
        const end = lastDayOf(view);
        return {
          project: { id: view.projectId, slug: view.slug, name: view.name },
          owner: view.ownerId ? (owners.get(view.ownerId) ?? null) : null,
          from: view.start.date,
          fromPrecision: view.start.precision,
          until: end?.date ?? null,
          untilPrecision: end?.precision ?? null,
          uncertain: latestDay(view.start) > at || (end !== null && earliestDay(end) < at),
          basis: basisOfEntry(view.started),
          extensions: view.extensions.map((x) => ({
            until: x.until.date,
            previousEnd: x.previousEnd?.date ?? null,
            effectiveFrom: x.effectiveFrom?.date ?? null,
            decidedOn: x.decidedOn,
            decision: x.decision,
            financing: x.financing.map(({ grantId, ...f }) => ({ ...f, grant: grantId ? { id: grantId, slug: grantSlugs.get(grantId) ?? '' } : null })),
            source: x.source,
            basis: basisOfEntry(x),
            event: x.event,
          })),
          ended: view.ended ? { lastDay: view.ended.lastDay.date, event: view.ended.event, basis: basisOfEntry(view.ended) } : null,
          events,
          sources: [view.started, ...view.extensions, ...(view.ended ? [view.ended] : [])].map((e) => e.source).filter((s): s is NonNullable<typeof s> => s !== null),
        };
      })
      .sort((a, b) => a.project.name.localeCompare(b.project.name, 'sv'));
  }
}

const basisOfEntry = (e: ProjectEntryRef): Basis => e.basis ?? basisOf({ source: e.source, decision: e.decision });

/** The latest day a recorded end can stand for; open-ended runs on. */
function mayRunUntil(end: EffectiveDate | null): string {
  return end === null ? '9999-12-31' : latestDay(end);
}

import type { Projection } from './projection';
import { statement } from './projection';
import { applyToProjectView, type ProjectView } from './project-view';

const PROJECT_EVENTS = new Set(['ProjectStarted', 'ProjectExtended', 'ProjectEnded', 'EventRevoked']);

/**
 * Projects with their start, extensions (each with its financing and the decision behind
 * it) and end. Each change closes the current row version (known_until) and inserts the
 * next, so `knownAt` reads what the ledger believed then.
 */
export const projectProjection: Projection = {
  name: 'project',
  version: 2,
  tables: ['rm_projects'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_projects (
      project_id TEXT NOT NULL, slug TEXT NOT NULL, view TEXT NOT NULL, events TEXT NOT NULL,
      known_from TEXT NOT NULL, known_until TEXT, position INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS rm_projects_by_id ON rm_projects (project_id, known_until)`);
  },
  apply(db, event) {
    if (!PROJECT_EVENTS.has(event.type) || !event.stream.startsWith('project-')) return;
    const projectId = event.stream.slice('project-'.length);
    const current = statement(db, 'SELECT view, events FROM rm_projects WHERE project_id = ? AND known_until IS NULL').get(projectId) as { view: string; events: string } | undefined;
    const before = current ? (JSON.parse(current.view) as ProjectView) : null;
    const after = applyToProjectView(before, event);
    if (before === null && after === null) return;
    statement(db, 'UPDATE rm_projects SET known_until = ? WHERE project_id = ? AND known_until IS NULL').run(event.metadata.recordedAt, projectId);
    if (after === null) return;
    const events = [...(current ? (JSON.parse(current.events) as string[]) : []), event.id];
    statement(db, 'INSERT INTO rm_projects (project_id, slug, view, events, known_from, position) VALUES (?, ?, ?, ?, ?, ?)').run(
      projectId,
      after.slug,
      JSON.stringify(after),
      JSON.stringify(events),
      event.metadata.recordedAt,
      event.position,
    );
  },
};

import type { ProjectCommand } from '../../src/commands/project/project.commands';
import { projectDecider } from '../../src/commands/project/project.decider';
import type { EventRevoked } from '../../src/events/correction.events';
import type { Financing, ProjectEnded, ProjectExtended, ProjectStarted } from '../../src/events/project.events';
import { at, date, deciderSpec } from '../support/decider-spec';

const PROJECT = 'project-hab-rehab';
const FINANCING: Financing[] = [{ description: 'statsbidrag kopplat till överenskommelse Psykisk hälsa och suicidprevention', grantId: null, amount: { unknown: 'not stated' } }];

const start = (from: string, plannedEnd: string | null = null): ProjectCommand => ({
  type: 'StartProject',
  data: { projectId: PROJECT, slug: 'framtidens-hab-rehab-ar-nara', name: 'Framtidens hab/rehab är Nära', ownerId: null, start: date(from), plannedEnd: plannedEnd === null ? null : date(plannedEnd) },
});
const started = (plannedEnd: string | null = null): ProjectStarted => ({
  type: 'ProjectStarted',
  data: { projectId: PROJECT, slug: 'framtidens-hab-rehab-ar-nara', name: 'Framtidens hab/rehab är Nära', ownerId: null, plannedEnd: plannedEnd === null ? null : date(plannedEnd) },
});
const extend = (until: string): ProjectCommand => ({ type: 'ExtendProject', data: { until: date(until), financing: FINANCING } });
const extended = (until: string, previousEnd: string | null): ProjectExtended => ({
  type: 'ProjectExtended',
  data: { projectId: PROJECT, until: date(until), previousEnd: previousEnd === null ? null : date(previousEnd), financing: FINANCING },
});
const end = (lastDay: string): ProjectCommand => ({ type: 'EndProject', data: { lastDay: date(lastDay) } });
const ended = (lastDay: string): ProjectEnded => ({ type: 'ProjectEnded', data: { projectId: PROJECT, lastDay: date(lastDay) } });
const revoked = (targetEventId: string): EventRevoked => ({ type: 'EventRevoked', data: { targetEventId, targetType: 'ProjectExtended', reason: 'wrong' } });

const spec = deciderSpec(projectDecider);

describe('Projects: start, extension, end', () => {
  it('starts a project with an unknown start and extends it t o m 2026-12-31 with its financing', () => {
    spec.given().when(start('unknown')).then([started()]);
    spec.given(at('unknown', started())).when(extend('2026-12-31')).then([extended('2026-12-31', null)]);
  });

  it('an extension must run past the current end; it records the end it replaces', () => {
    const s = at('2023', started('2024-12-31'));
    spec.given(s).when(extend('2024-12-31')).thenThrows('extension-must-be-later', 'data.until');
    spec.given(s).when(extend('2026-12-31')).then([extended('2026-12-31', '2024-12-31')]);
    spec.given(s, at('2024-12-13', extended('2026-12-31', '2024-12-31'))).when(extend('2025-12-31')).thenThrows('extension-must-be-later', 'data.until');
  });

  it('a revoked extension gives back the end before it', () => {
    const s = at('2023', started('2024-12-31'));
    spec.given(s, at('2024-12-13', extended('2026-12-31', '2024-12-31')), revoked('evt-2')).when(extend('2025-06-30')).then([extended('2025-06-30', '2024-12-31')]);
  });

  it('ends a project; an ended project is not extended or ended again; the end is not before the start', () => {
    const s = at('2023', started());
    spec.given(s).when(end('2025-06-30')).then([ended('2025-06-30')]);
    spec.given(s, ended('2025-06-30')).when(extend('2026-12-31')).thenThrows('project-ended', 'data.project');
    spec.given(s, ended('2025-06-30')).when(end('2025-07-01')).thenThrows('project-ended', 'data.project');
    spec.given(s).when(end('2022-12-31')).thenThrows('effective-date-order', 'data.lastDay');
  });

  it('refuses to extend an unknown project, to start one twice, or to plan its end before its start', () => {
    spec.given().when(extend('2026-12-31')).thenThrows('project-must-exist', 'data.project');
    spec.given(started()).when(start('2023')).thenThrows('project-exists', 'data.slug');
    spec.given().when(start('2025-01-01', '2024-12-31')).thenThrows('effective-date-order', 'data.plannedEnd');
  });
});

import { decisionStatus } from '../commands/meeting/decision-status';
import { evolveMeeting, foldMeeting, followUpsOf, itemSortKey } from '../commands/meeting/meeting.state';
import { meetingIdOf } from './meeting.projection';
import { KNOWN_COLUMNS, type Projection } from './projection';
import { ScopedFold, ScopedLog } from './scoped-log';
import { replacedEntries, replacedKeys } from './changed-keys';
import { json, syncKeyedRows, syncVersionedRows } from './versioned-rows';

const TYPES = ['MeetingRecorded', 'AgendaItemAdded', 'AgendaItemAmended', 'DeferredDecisionRecorded', 'RatificationRecorded'];
const log = new ScopedLog('rm_decision_log');
// A meeting's events come close together in the log (recorded, attendance, sign-off): a few hundred held meetings cover every body meeting at once at 10^6.
const meetings = new ScopedFold(log, foldMeeting, evolveMeeting, 256);

/**
 * Every decision item and where it stands (decided, ratified, pending: deferred or awaiting
 * ratifications), with the later decision and each ratification; versioned in transaction time.
 */
export const decisionStatusProjection: Projection = {
  name: 'decision-status',
  version: 2,
  tables: ['rm_decisions', 'rm_decision_log'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_decisions (
      meeting_id TEXT NOT NULL, item TEXT NOT NULL, sort_key TEXT NOT NULL, meeting_date TEXT NOT NULL, body_id TEXT NOT NULL,
      title TEXT NOT NULL, outcome TEXT NOT NULL, text TEXT, deferral TEXT, ratifiers TEXT NOT NULL,
      ratifications TEXT NOT NULL, later_decision TEXT, status TEXT NOT NULL, waiting_for TEXT NOT NULL,
      events TEXT NOT NULL, ${KNOWN_COLUMNS});
      CREATE INDEX IF NOT EXISTS rm_decisions_by_meeting ON rm_decisions (meeting_id, sort_key);
      CREATE INDEX IF NOT EXISTS rm_decisions_by_status ON rm_decisions (status, known_until);
      ${log.setupSql()}`);
  },
  forget: () => meetings.forget(),
  apply(db, event) {
    const meetingId = log.scopeFor(db, event, meetingIdOf(TYPES));
    if (meetingId === null) return;
    const { state: m, before } = meetings.step(db, meetingId, event);
    // Evolved from a recorded meeting on the same day and body: only the items the event replaced, or whose follow-ups it replaced, can have other rows.
    const evolvedFrom = before !== undefined && before.status !== 'unknown' && m.status !== 'unknown' && before.date === m.date && before.bodyId === m.bodyId ? before : undefined;
    const changed = evolvedFrom && m.status !== 'unknown' ? new Set([...replacedKeys(evolvedFrom.items, m.items, (i) => i.number), ...replacedEntries(evolvedFrom.followUps, m.followUps)]) : undefined;
    const rows =
      m.status === 'unknown'
        ? []
        : m.items
            .filter((i) => i.decision !== null && (changed === undefined || changed.has(i.number)))
            .map((i) => {
              const followUps = followUpsOf(m, i.number);
              const { status, waitingFor } = decisionStatus(i, followUps);
              const d = i.decision!;
              return {
                meeting_id: meetingId,
                item: i.number,
                sort_key: itemSortKey(i.number),
                meeting_date: m.date,
                body_id: m.bodyId,
                title: i.title,
                outcome: d.outcome,
                text: d.text,
                deferral: d.deferral ? json(d.deferral) : null,
                ratifiers: json(d.ratifiers),
                ratifications: json(followUps.ratifications),
                later_decision: followUps.laterDecision ? json(followUps.laterDecision) : null,
                status,
                waiting_for: json(waitingFor),
                events: json([...i.events, ...(followUps.laterDecision?.events ?? []), ...followUps.ratifications.flatMap((r) => r.events)]),
              };
            });
    const scope = { column: 'meeting_id', value: meetingId };
    if (changed) syncKeyedRows(db, 'rm_decisions', scope, 'item', changed, rows, event);
    else syncVersionedRows(db, 'rm_decisions', scope, ['item'], rows, event);
  },
};

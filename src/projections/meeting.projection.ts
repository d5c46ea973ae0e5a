import { evolveMeeting, foldMeeting, itemSortKey, type ItemState, type RecordedMeeting } from '../commands/meeting/meeting.state';
import type { LedgerEvent } from '../events/ledger-event';
import { KNOWN_COLUMNS, type Projection } from './projection';
import { ScopedFold, ScopedLog } from './scoped-log';
import { movedOrReplacedKeys, replacedKeys } from './changed-keys';
import { json, syncKeyedRows, syncVersionedRows } from './versioned-rows';

const MEETING_TYPES = ['MeetingRecorded', 'AgendaItemAdded', 'AgendaItemAmended', 'AttendanceRecorded', 'SourceAttached', 'MeetingSignedOff'];
const log = new ScopedLog('rm_meeting_log');
// A meeting's events come close together in the log (recorded, attendance, sign-off): a few hundred held meetings cover every body meeting at once at 10^6.
const meetings = new ScopedFold(log, foldMeeting, evolveMeeting, 256);

export const meetingIdOf = (types: readonly string[]) => (e: LedgerEvent) => (types.includes(e.type) ? (e.data as { meetingId: string }).meetingId : null);

/**
 * The protocol as the log says: the meeting (with its sign-off), its agenda items and its
 * attendance, each row versioned in transaction time so `knownAt` rebuilds the protocol as
 * it was known then. Every row lists the events it came from.
 */
export const meetingProjection: Projection = {
  name: 'meeting',
  version: 3,
  tables: ['rm_meetings', 'rm_agenda_items', 'rm_attendance', 'rm_meeting_log'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS rm_meetings (
      meeting_id TEXT NOT NULL, slug TEXT NOT NULL, body_id TEXT NOT NULL, date TEXT NOT NULL, place TEXT, form TEXT,
      registry_number TEXT, chair_id TEXT, title TEXT, status TEXT NOT NULL,
      signed_on TEXT, signed_on_precision TEXT, signer_ids TEXT NOT NULL,
      source TEXT, attached_sources TEXT NOT NULL, basis TEXT NOT NULL, events TEXT NOT NULL, ${KNOWN_COLUMNS});
      CREATE INDEX IF NOT EXISTS rm_meetings_by_id ON rm_meetings (meeting_id, known_until);
      CREATE INDEX IF NOT EXISTS rm_meetings_by_date ON rm_meetings (date);
      CREATE TABLE IF NOT EXISTS rm_agenda_items (
        meeting_id TEXT NOT NULL, number TEXT NOT NULL, sort_key TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL,
        presenters TEXT NOT NULL, text TEXT NOT NULL, decision TEXT, after_decision TEXT, events TEXT NOT NULL, sources TEXT NOT NULL, basis TEXT NOT NULL, ${KNOWN_COLUMNS});
      CREATE INDEX IF NOT EXISTS rm_agenda_items_by_meeting ON rm_agenda_items (meeting_id, sort_key);
      CREATE TABLE IF NOT EXISTS rm_attendance (
        meeting_id TEXT NOT NULL, person_id TEXT NOT NULL, seq INTEGER NOT NULL, role TEXT NOT NULL, acting INTEGER NOT NULL,
        party_id TEXT, capacity TEXT, printed_name TEXT, events TEXT NOT NULL, basis TEXT NOT NULL, ${KNOWN_COLUMNS});
      CREATE INDEX IF NOT EXISTS rm_attendance_by_meeting ON rm_attendance (meeting_id, seq);
      CREATE INDEX IF NOT EXISTS rm_attendance_by_person ON rm_attendance (person_id);
      ${log.setupSql()}`);
  },
  forget: () => meetings.forget(),
  apply(db, event) {
    const meetingId = log.scopeFor(db, event, meetingIdOf(MEETING_TYPES));
    if (meetingId === null) return;
    const { state: m, before } = meetings.step(db, meetingId, event);
    const scope = { column: 'meeting_id', value: meetingId };
    // evolveMeeting replaces only the parts an event changes: rows made from a part it kept are as they were (an attendance list leaves the meeting row and the items alone).
    // The recorded meeting this event evolved (undefined when refolded, or when either side is not a recorded meeting): rows may be synced by difference from it.
    const evolvedFrom = before !== undefined && before.status !== 'unknown' && m.status !== 'unknown' ? before : undefined;
    const kept = (part: (state: RecordedMeeting) => unknown) => evolvedFrom !== undefined && part(evolvedFrom) === part(m as RecordedMeeting);
    const meetingRowKept = before !== undefined && before.status === m.status && Object.keys(m).every((k) => k === 'items' || k === 'attendance' || k === 'followUps' || (before as unknown as Record<string, unknown>)[k] === (m as unknown as Record<string, unknown>)[k]);
    const meetingRows = () =>
      m.status === 'unknown'
        ? []
        : [
            {
              meeting_id: m.id,
              slug: m.slug,
              body_id: m.bodyId,
              date: m.date,
              place: m.place,
              form: m.form,
              registry_number: m.registryNumber,
              chair_id: m.chairId,
              title: m.title,
              status: m.status,
              signed_on: m.signOff?.signedOn.date ?? null,
              signed_on_precision: m.signOff?.signedOn.precision ?? null,
              signer_ids: json(m.signOff?.signerIds ?? []),
              source: json(m.source),
              attached_sources: json(m.attachedSources),
              basis: json({ ...m.basis, signOff: m.signOff?.basis ?? null }),
              events: json([...m.events, ...(m.signOff?.events ?? [])]),
            },
          ];
    if (!meetingRowKept) syncVersionedRows(db, 'rm_meetings', scope, ['meeting_id'], meetingRows(), event);
    const items = m.status === 'unknown' ? [] : m.items;
    const itemRows = (only: readonly ItemState[]) => only.map((i) => ({
      meeting_id: meetingId,
      number: i.number,
      sort_key: itemSortKey(i.number),
      kind: i.kind,
      title: i.title,
      presenters: json(i.presenters),
      text: i.text,
      decision: i.decision ? json(i.decision) : null,
      after_decision: i.afterDecision ?? null,
      events: json(i.events),
      sources: json(i.sources),
      basis: json(i.basis),
    }));
    if (!kept((s) => s.items)) {
      // An item event replaces one item (or a few): only the rows of the numbers whose item is not the one held before are read and written.
      if (evolvedFrom) {
        const changed = replacedKeys(evolvedFrom.items, items, (i) => i.number);
        syncKeyedRows(db, 'rm_agenda_items', scope, 'number', changed, itemRows(items.filter((i) => changed.has(i.number))), event);
      } else syncVersionedRows(db, 'rm_agenda_items', scope, ['number'], itemRows(items), event);
    }
    const attendance = m.status === 'unknown' ? [] : m.attendance;
    const attendanceRows = (only?: ReadonlySet<string>) => attendance.flatMap((a, seq) => (only && !only.has(a.personId) ? [] : [{
      meeting_id: meetingId,
      person_id: a.personId,
      seq,
      role: a.role,
      acting: a.acting ? 1 : 0,
      party_id: a.partyId,
      capacity: a.capacity,
      printed_name: a.printedName,
      events: json(a.events),
      basis: json(a.basis),
    }]));
    if (!kept((s) => s.attendance)) {
      // More names on the list: only the rows of the people whose entry (or place in the list) is not the one held before.
      if (evolvedFrom) {
        const changed = movedOrReplacedKeys(evolvedFrom.attendance, attendance, (a) => a.personId);
        syncKeyedRows(db, 'rm_attendance', scope, 'person_id', changed, attendanceRows(changed), event);
      } else syncVersionedRows(db, 'rm_attendance', scope, ['person_id'], attendanceRows(), event);
    }
  },
};

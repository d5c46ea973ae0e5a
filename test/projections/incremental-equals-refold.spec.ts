import Database from 'better-sqlite3';
import { generateHistory } from '../../bench/generator/generate-history';
import { applyCorrections } from '../../src/events/apply-corrections';
import type { LedgerEvent } from '../../src/events/ledger-event';
import { asLedgerEvent } from '../../src/events/ledger-event';
import { openLedger, type Ledger } from '../../src/ledger';
import { attestedSeatMeetingsOf, attestedSeatProjection, attestedSeatsOf } from '../../src/projections/attested-seat.projection';
import { termsOf } from '../../src/projections/chair-term.projection';
import { seatsOf } from '../../src/projections/group-membership.projection';
import { decisionStatusProjection } from '../../src/projections/decision-status.projection';
import { meetingProjection } from '../../src/projections/meeting.projection';
import { FixedClock, tempDir } from '../support/fixtures';

/**
 * The interval projections patch the rows an appended event touches and refold a group only
 * on a correction (src/projections/current-rows.ts). Given the benchmark's generated history
 * (replacements, ended seats, chair rotations, meetings, grants, its own corrections) and more
 * corrections in the middle, when it is
 * imported, then the rows believed now equal a refold of every group's corrected events.
 */
describe('incremental interval projections equal a refold of the whole history', () => {
  const tmp = tempDir('incremental-refold-');
  const clock = new FixedClock();
  let ledger: Ledger;
  let corrections = 0;

  const importCommands = async (commands: Generator<{ at: Date; command: unknown }>, count: number) => {
    for (let done = 0; done < count; done += 100) {
      const batch = Array.from({ length: 100 }, () => commands.next().value);
      clock.set(batch[0]!.at.toISOString());
      await ledger.writer.execute(batch.map((c) => c.command), 'test');
    }
  };

  /** Corrects the title of a few open seats, revokes a few affiliations: events that later appends build on. */
  const correctSome = async () => {
    const open = ledger.engine.db
      .prepare<[], { membership_id: string }>("SELECT membership_id FROM rm_memberships WHERE known_until IS NULL AND to_precision IS NULL ORDER BY rowid LIMIT 40")
      .all()
      .map((r) => r.membership_id);
    const affiliations = ledger.engine.db.prepare<[], { event_id: string }>('SELECT event_id FROM rm_affiliations WHERE known_until IS NULL ORDER BY rowid LIMIT 5').all();
    clock.advance(60_000);
    for (const [i, id] of open.filter((_, i) => i % 4 === 0).entries()) {
      await ledger.writer.execute({ type: 'CorrectEvent', data: { event: id, reason: 'Fel titel i protokollet', data: { title: `rättad titel ${i}` } } }, 'test');
      corrections += 1;
    }
    for (const { event_id } of affiliations) {
      await ledger.writer.execute({ type: 'RevokeEvent', data: { event: event_id, reason: 'Felaktigt inläst' } }, 'test');
      corrections += 1;
    }
  };

  beforeAll(async () => {
    ledger = await openLedger({ store: 'sqlite', dbPath: tmp.file("ledger.db"), eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock });
    const { commands } = generateHistory({ seed: 3, bodies: 2 });
    await importCommands(commands, 1500);
    await correctSome();
    await importCommands(commands, 1500);
  });
  afterAll(async () => {
    await ledger.close();
    tmp.cleanup();
  });

  const eventsByGroup = async (types: readonly string[]) => {
    const all = (await ledger.store.readAll()).map(asLedgerEvent);
    const groupOf = new Map<string, string>();
    const byGroup = new Map<string, LedgerEvent[]>();
    for (const e of all) {
      const target = (e.data as { targetEventId?: string }).targetEventId;
      const group = types.includes(e.type) ? (e.data as { groupId: string }).groupId : target !== undefined ? groupOf.get(target) : undefined;
      if (group === undefined) continue;
      groupOf.set(e.id, group);
      byGroup.set(group, [...(byGroup.get(group) ?? []), e]);
    }
    return byGroup;
  };
  const believedNow = (table: string, group: string) =>
    ledger.engine.db
      .prepare(`SELECT * FROM ${table} WHERE group_id = ? AND known_until IS NULL ORDER BY rowid`)
      .all(group)
      .map((r) => {
        const { known_from: _f, known_until: _u, known_from_position: _p, ...row } = r as Record<string, unknown>;
        return row;
      });
  const byId = (key: string) => (a: Record<string, unknown>, b: Record<string, unknown>) => String(a[key]).localeCompare(String(b[key]));

  it('was given corrections to work through', () => {
    expect(corrections).toBeGreaterThanOrEqual(10);
  });

  it('holds for the seats of every group', async () => {
    const groups = await eventsByGroup(['MemberAppointed', 'MemberReplaced', 'MembershipEnded']);
    expect(groups.size).toBeGreaterThan(20);
    for (const [group, events] of groups) {
      expect({ group, rows: believedNow('rm_memberships', group).sort(byId('membership_id')) }).toEqual({ group, rows: seatsOf(applyCorrections(events)).sort(byId('membership_id')) });
    }
  });

  it('holds for the chair terms of every group', async () => {
    const groups = await eventsByGroup(['ChairAppointed']);
    expect(groups.size).toBeGreaterThan(10);
    for (const [group, events] of groups) {
      expect({ group, rows: believedNow('rm_chair_terms', group).sort(byId('term_id')) }).toEqual({ group, rows: termsOf(applyCorrections(events)).sort(byId('term_id')) });
    }
  });

  it('holds for the effects of every decision (rows kept without a copy of the events)', async () => {
    const believed = applyCorrections((await ledger.store.readAll()).map(asLedgerEvent)).filter((e) => e.metadata.decision);
    const expected = believed.map((e) => ({
      event_id: e.id,
      meeting_id: e.metadata.decision!.meetingId,
      item: e.metadata.decision!.item,
      stream: e.stream,
      type: e.type,
      data: JSON.stringify(e.data),
      effective_from: JSON.stringify(e.metadata.effectiveFrom),
      position: e.position,
      events: JSON.stringify([e.id, ...e.correctedBy]),
    }));
    const rows = ledger.engine.db
      .prepare('SELECT * FROM rm_decision_effects WHERE known_until IS NULL')
      .all()
      .map((r) => {
        const { known_from: _f, known_until: _u, known_from_position: _p, ...row } = r as Record<string, unknown>;
        return row;
      });
    expect(expected.length).toBeGreaterThan(500);
    expect(expected.some((e) => JSON.parse(e.events).length > 1)).toBe(true);
    expect(rows.sort(byId('event_id'))).toEqual(expected.sort(byId('event_id')));
  });

  it('holds for the attested seats of every body (its meetings and attendance lists, refolded)', async () => {
    const all = (await ledger.store.readAll()).map(asLedgerEvent);
    const bodyOfMeeting = new Map<string, string>();
    const scopeOf = new Map<string, string>();
    const byBody = new Map<string, LedgerEvent[]>();
    for (const e of all) {
      const target = (e.data as { targetEventId?: string }).targetEventId;
      if (e.type === 'MeetingRecorded') bodyOfMeeting.set(e.data.meetingId, e.data.bodyId);
      const body =
        e.type === 'MeetingRecorded' ? e.data.bodyId : e.type === 'AttendanceRecorded' ? bodyOfMeeting.get(e.data.meetingId) : target !== undefined ? scopeOf.get(target) : undefined;
      if (body === undefined) continue;
      scopeOf.set(e.id, body);
      byBody.set(body, [...(byBody.get(body) ?? []), e]);
    }
    const key = (r: Record<string, unknown>) => JSON.stringify([r.person_id, r.party_id, r.capacity, r.meeting_id ?? null]);
    const sorted = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
    const believedNow = (table: string, body: string) =>
      ledger.engine.db
        .prepare(`SELECT * FROM ${table} WHERE body_id = ? AND known_until IS NULL`)
        .all(body)
        .map((r) => {
          const { known_from: _f, known_until: _u, known_from_position: _p, ...row } = r as Record<string, unknown>;
          return row;
        });
    let seats = 0;
    let attended = 0;
    for (const [body, events] of byBody) {
      const rows = believedNow('rm_attested_seats', body);
      const meetings = believedNow('rm_attested_seat_meetings', body);
      seats += rows.length;
      attended += meetings.length;
      expect({ body, rows: sorted(rows) }).toEqual({ body, rows: sorted(attestedSeatsOf(body, events)) });
      expect({ body, meetings: sorted(meetings) }).toEqual({ body, meetings: sorted(attestedSeatMeetingsOf(body, events)) });
    }
    expect(attended).toBeGreaterThan(seats);
    expect(seats).toBeGreaterThan(0);
  });

  it('holds for the protocols, decision statuses and attested seats: every version of every row as if each meeting were refolded at each of its events', async () => {
    // These read models evolve the meeting (or body) state they hold (ScopedFold); these are fed the same events with that state forgotten before each one.
    const refolded = new Database(tmp.file('refolded.db'));
    const projections = [meetingProjection, decisionStatusProjection, attestedSeatProjection];
    for (const p of projections) p.setup(refolded);
    const events = (await ledger.store.readAll()).map(asLedgerEvent);
    refolded.transaction(() => {
      for (const e of events) {
        for (const p of projections) {
          p.forget!();
          p.apply(refolded, e);
        }
      }
    })();
    expect(events.filter((e) => e.type === 'MeetingRecorded').length).toBeGreaterThan(10);
    expect(events.filter((e) => (e.type === 'EventCorrected' || e.type === 'EventRevoked') && e.stream.startsWith('meeting-')).length).toBeGreaterThan(0);
    for (const table of projections.flatMap((p) => p.tables)) {
      const rows = (db: Database.Database) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
      const held = rows(ledger.engine.db);
      expect(held.length).toBeGreaterThan(10);
      expect({ table, rows: held }).toEqual({ table, rows: rows(refolded) });
    }
    refolded.close();
  });

  it('rebuilds to the same tables, row for row', async () => {
    const rebuilt = await ledger.rebuildReadModels();
    expect(rebuilt.filter((m) => !m.equal).map((m) => m.name)).toEqual([]);
  });
});

import { openLedger, type Ledger } from '../../src/ledger';
import type { Roster } from '../../src/queries/group-roster.reader';
import { FixedClock, tempDir } from '../support/fixtures';
import { attendance, recordMeeting, setup } from '../support/meeting-fixtures';

/**
 * The seats a body's attendance lists attest, on a real SQLite file through the command
 * pipeline: each seat's first and last meeting, and for each meeting whether the member
 * was acting ("tjänstgörande"), as the list said. Asked of the ledger as written (the
 * fold held in memory) and after a restart (the fold made again from the projection's log).
 */
const BODY = 'lansgemensam-ledning-i-samverkan';
const FEBRUARY = 'lansgemensam-ledning-i-samverkan-2025-02-28';
const MARCH = 'lansgemensam-ledning-i-samverkan-2025-03-28';

const moreOfFebruary = {
  type: 'RecordAttendance',
  data: { meeting: FEBRUARY, present: [{ person: { name: 'Bo Extra' }, for: 'borgholms-kommun' }] },
  metadata: { commandId: 'attendance-2025-02-28-more' },
};
const march = {
  type: 'RecordMeeting',
  data: { body: BODY, date: '2025-03-28', items: [{ number: '1', kind: 'information', title: 'Välkomna' }] },
  metadata: { commandId: 'meeting-2025-03-28', source: { document: 'Protokoll Länsgemensam ledning 2025-03-28' } },
};
const marchAttendance = {
  type: 'RecordAttendance',
  data: {
    meeting: MARCH,
    present: [
      { person: 'anne-hallberg', for: 'kalmar-kommun' },
      { person: 'sofia-hartz', for: 'rkl', acting: true },
    ],
  },
  metadata: { commandId: 'attendance-2025-03-28' },
};

type Seen = { slug: string; representing: string | null; capacity: string | null; from: string; to: string; attendedOn: boolean; meetings: { date: string; acting: boolean }[] };

describe('attested seats: what the attendance lists say, meeting by meeting', () => {
  const tmp = tempDir('attested-seats-');
  const config = { store: 'sqlite' as const, dbPath: tmp.file('ledger.db'), eventStoreConnectionString: null, readModelWaitMs: 0 };
  let ledger: Ledger;

  const seen = (at: string): Seen[] => {
    const group = ledger.directory.group(BODY, null)!;
    const roster: Roster = ledger.rosters.roster(group, { at, knownAt: null });
    return roster.attested
      .map((s) => ({
        slug: s.person.slug,
        representing: s.representing?.slug ?? null,
        capacity: s.capacity,
        from: s.from,
        to: s.to,
        attendedOn: s.attendedOn,
        meetings: s.meetings.map((m) => ({ date: m.date, acting: m.acting })),
      }))
      .sort((a, b) => a.slug.localeCompare(b.slug));
  };

  const FEB_28: Seen[] = [
    { slug: 'anne-hallberg', representing: 'kalmar-kommun', capacity: null, from: '2025-02-28', to: '2025-03-28', attendedOn: true, meetings: [{ date: '2025-02-28', acting: true }, { date: '2025-03-28', acting: false }] },
    { slug: 'bo-extra', representing: 'borgholms-kommun', capacity: null, from: '2025-02-28', to: '2025-02-28', attendedOn: true, meetings: [{ date: '2025-02-28', acting: false }] },
    { slug: 'rune-jansson', representing: null, capacity: 'Brukarrepresentant', from: '2025-02-28', to: '2025-02-28', attendedOn: true, meetings: [{ date: '2025-02-28', acting: false }] },
    { slug: 'sofia-hartz', representing: 'region-kalmar-lan', capacity: null, from: '2025-02-28', to: '2025-03-28', attendedOn: true, meetings: [{ date: '2025-02-28', acting: false }, { date: '2025-03-28', acting: true }] },
  ];
  // Between the meetings only the seats attested on both sides are read as held.
  const MAR_15: Seen[] = FEB_28.filter((s) => s.to === '2025-03-28').map((s) => ({ ...s, attendedOn: false }));

  beforeAll(async () => {
    ledger = await openLedger(config, { clock: new FixedClock(new Date('2026-01-15T09:00:00.000Z')) });
    const write = (body: unknown) => ledger.writer.execute(body, 'test');
    await write([...setup, recordMeeting, attendance]);
    await write(moreOfFebruary);
    await write([march, marchAttendance]);
  });
  afterAll(async () => {
    await ledger.close();
    tmp.cleanup();
  });

  it('given two meetings, one list in two parts and a member acting at one meeting and not the other, when the roster is read, then each seat spans its meetings with acting as listed', () => {
    expect(seen('2025-02-28')).toEqual(FEB_28);
    expect(seen('2025-03-15')).toEqual(MAR_15);
  });

  it('given the same log, when the ledger starts again and a further list arrives, then the seats are the same and the new list extends its seat', async () => {
    await ledger.close();
    ledger = await openLedger(config, { clock: new FixedClock(new Date('2026-02-01T09:00:00.000Z')) });
    expect(seen('2025-02-28')).toEqual(FEB_28);
    await ledger.writer.execute({ type: 'RecordAttendance', data: { meeting: MARCH, present: [{ person: 'bo-extra', for: 'borgholms-kommun', acting: true }] }, metadata: { commandId: 'attendance-2025-03-28-more' } }, 'test');
    expect(seen('2025-03-15').map((s) => s.slug)).toEqual(['anne-hallberg', 'bo-extra', 'sofia-hartz']);
    expect(seen('2025-03-28').find((s) => s.slug === 'bo-extra')!.meetings).toEqual([
      { date: '2025-02-28', acting: false },
      { date: '2025-03-28', acting: true },
    ]);
  });
});

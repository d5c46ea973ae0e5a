import { openLedger, type Ledger } from '../../src/ledger';
import { FixedClock, tempDir } from '../support/fixtures';
import { setup } from '../support/meeting-fixtures';

/** Corrections of seats, chair terms and affiliations on a real SQLite file: a knownAt before the correction still shows the old belief. */
const T_RECORDED = '2026-01-15T09:00:00.000Z';
const T_BETWEEN = '2026-01-20T00:00:00.000Z';
const T_CORRECTED = '2026-02-01T10:00:00.000Z';

describe('corrections of group and person events, bitemporally', () => {
  const tmp = tempDir('corrections-projection-');
  const clock = new FixedClock(new Date(T_RECORDED));
  let ledger: Ledger;
  const write = (body: unknown) => ledger.writer.execute(body, 'test');
  const eventOf = async (commandId: string, type: string) => (await ledger.store.readByCommandId(commandId)).find((e) => e.type === type)!.id;
  const roster = (at: string, knownAt: string | null) => ledger.rosters.roster(ledger.directory.group('samordnande-grupp-aldre', null)!, { at, knownAt }).members;

  beforeAll(async () => {
    ledger = await openLedger({ store: 'sqlite', dbPath: tmp.file('ledger.db'), eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock });
    await write([
      ...setup,
      { type: 'AppointMember', data: { group: 'samordnande-grupp-aldre', person: { name: 'Bo Ek' }, effectiveFrom: '2025-03-01' }, metadata: { commandId: 'appoint-bo' } },
      { type: 'RecordAffiliation', data: { person: 'bo-ek', organisation: 'kalmar-kommun', title: 'socialchef', effectiveFrom: '2025-03-01' }, metadata: { commandId: 'aff-bo' } },
      { type: 'AppointChair', data: { group: 'samordnande-grupp-aldre', person: 'bo-ek', role: 'chair', effectiveFrom: '2025-05-01', effectiveTo: '2025-12' }, metadata: { commandId: 'chair-bo' } },
    ]);
    clock.set(T_CORRECTED);
    await write([
      { type: 'CorrectEvent', data: { event: await eventOf('appoint-bo', 'MemberAppointed'), reason: 'Fel datum i protokollet', data: { effectiveFrom: '2025-04-01', field: 'hab/rehab' } } },
      { type: 'CorrectEvent', data: { event: await eventOf('aff-bo', 'AffiliationRecorded'), reason: 'Fel titel', data: { title: 'verksamhetschef', organisation: 'borgholms-kommun' } } },
      { type: 'CorrectEvent', data: { event: await eventOf('chair-bo', 'ChairAppointed'), reason: 'Perioden gäller t o m 2026', data: { effectiveTo: '2026-12' } } },
    ]);
  });
  afterAll(async () => {
    await ledger.close();
    tmp.cleanup();
  });

  it('moves a seat whose date was corrected, and keeps the old belief for a knownAt before the correction', () => {
    expect(roster('2025-03-15', T_BETWEEN).map((m) => m.person.name)).toContain('Bo Ek');
    expect(roster('2025-03-15', null).map((m) => m.person.name)).not.toContain('Bo Ek');
    const now = roster('2025-04-15', null).find((m) => m.person.slug === 'bo-ek')!;
    expect(now).toMatchObject({ from: '2025-04-01', field: 'hab/rehab' });
    expect(now.events).toHaveLength(4); // the seat and its correction, the affiliation and its correction: which events produced the answer
  });

  it('shows the corrected title and employer from the correction on', () => {
    expect(roster('2025-05-01', T_BETWEEN).find((m) => m.person.slug === 'bo-ek')).toMatchObject({ title: 'socialchef', organisation: { slug: 'kalmar-kommun' } });
    expect(roster('2025-05-01', null).find((m) => m.person.slug === 'bo-ek')).toMatchObject({ title: 'verksamhetschef', organisation: { slug: 'borgholms-kommun' } });
    const history = ledger.people.history(ledger.directory.person('bo-ek', null)!, null);
    expect(history.affiliations).toHaveLength(1);
    expect(history.affiliations[0]!.events).toHaveLength(2);
  });

  it('extends a chair term whose end was corrected', () => {
    expect(roster('2026-06-01', T_BETWEEN).find((m) => m.person.slug === 'bo-ek')?.role).toBe('member');
    expect(roster('2026-06-01', null).find((m) => m.person.slug === 'bo-ek')?.role).toBe('chair');
    expect(ledger.people.history(ledger.directory.person('bo-ek', null)!, T_BETWEEN).chairs).toMatchObject([{ to: '2025-12' }]);
  });
});

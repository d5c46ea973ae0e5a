import Database from 'better-sqlite3';
import { asLedgerEvent } from '../../src/events/ledger-event';
import { openLedger, type Ledger } from '../../src/ledger';
import { decisionStatusProjection } from '../../src/projections/decision-status.projection';
import { FixedClock, tempDir } from '../support/fixtures';
import { attendance, MEETING, recordMeeting, replaceCitingMeeting, setup, signOff } from '../support/meeting-fixtures';

/**
 * The meeting read models on a real SQLite file, written through the ledger's own command
 * pipeline; the FixedClock moves between writes so transaction time (knownAt) can be asked.
 */
const T_RECORDED = '2026-01-15T09:00:00.000Z';
const T_BETWEEN = '2026-01-20T00:00:00.000Z';
const T_CORRECTED = '2026-02-01T10:00:00.000Z';
const T_RATIFIED = '2026-03-01T10:00:00.000Z';

describe('meeting read models (real SQLite)', () => {
  const tmp = tempDir('meeting-projection-');
  const dbPath = tmp.file('ledger.db');
  const clock = new FixedClock(new Date(T_RECORDED));
  const config = { store: 'sqlite' as const, dbPath, eventStoreConnectionString: null, readModelWaitMs: 0 };
  let ledger: Ledger;
  const write = (body: unknown) => ledger.writer.execute(body, 'test');
  const idOf = async (commandId: string, type: string) => (await ledger.store.readByCommandId(commandId)).find((e) => e.type === type)!.id;

  beforeAll(async () => {
    ledger = await openLedger(config, { clock });
    await write([...setup, recordMeeting, replaceCitingMeeting, attendance, signOff]);
    clock.set(T_CORRECTED);
    const item41 = (await ledger.store.readByCommandId('meeting-2025-02-28')).find((e) => e.type === 'AgendaItemAdded' && (e.data as { number: string }).number === '4.1')!.id;
    await write([
      { type: 'CorrectEvent', data: { event: item41, reason: 'Titeln var fel', data: { title: 'Byte av deltagare - Beslut' } }, metadata: { commandId: 'correct-4.1' } },
      { type: 'RevokeEvent', data: { event: await idOf('replace-jilken', 'MemberReplaced'), reason: 'Registrerad på fel grupp' }, metadata: { commandId: 'revoke-replace' } },
    ]);
  });
  afterAll(async () => {
    await ledger.close();
    tmp.cleanup();
  });

  it('rebuilds the protocol as known before the correction, and as corrected after it', () => {
    const before = ledger.meetings.detail(MEETING, T_BETWEEN)!;
    const now = ledger.meetings.detail(MEETING, null)!;
    const item = (m: typeof now) => m.items.find((i) => i.number === '4.1')!;
    expect(item(before).title).toBe('Byte av deltagare inom samordnande grupp äldre - Beslut');
    expect(item(now).title).toBe('Byte av deltagare - Beslut');
    expect(item(now).events).toHaveLength(2); // the item and its correction: "which events produced this answer?"
    expect(item(now).events).toEqual(expect.arrayContaining(item(before).events));
    expect(now.status).toBe('signed-off');
    expect(now.signOff).toMatchObject({ signedOn: '2025-03-05', signers: [{ slug: 'sofia-hartz' }] });
  });

  it('shows a decision\'s effect while it was believed, and not after it was revoked; the roster follows', () => {
    const before = ledger.meetings.detail(MEETING, T_BETWEEN)!;
    // Every event the cited command appended is an effect: the new person's registration, then the replacement.
    expect(before.items.find((i) => i.number === '4.1')!.effects.map((e) => e.summary).sort()).toEqual([
      'Katarina Nilsson Ederam is registered in the ledger',
      'Katarina Nilsson Ederam replaces Karin Jilkén in Samordnande grupp Äldre from 2025-02-28',
    ]);
    expect(ledger.meetings.detail(MEETING, null)!.items.find((i) => i.number === '4.1')!.effects.map((e) => e.type)).toEqual(['PersonRegistered']);
    const roster = (knownAt: string | null) => ledger.rosters.roster(ledger.directory.group('samordnande-grupp-aldre', null)!, { at: '2025-03-01', knownAt }).members.map((m) => m.person.name);
    expect(roster(T_BETWEEN)).toEqual(['Katarina Nilsson Ederam']);
    expect(roster(null)).toEqual(['Karin Jilkén']);
    const history = ledger.people.history(ledger.directory.person('karin-jilken', null)!, null);
    expect(history.memberships).toMatchObject([{ to: null }]);
  });

  it('lists attendance as printed: capacity or party, acting, and the printed spelling of a name', () => {
    const { present, others } = ledger.meetings.detail(MEETING, null)!.attendance;
    expect(present.map((a) => [a.name, a.capacity ?? a.party?.slug, a.acting])).toEqual([
      ['Rune Jansson', 'Brukarrepresentant', false],
      ['Sofia Hartz', 'region-kalmar-lan', false],
      ['Anne Hallberg', 'kalmar-kommun', true],
    ]);
    expect(others.map((a) => a.name)).toEqual(['Katrín Karlsson']);
    expect(ledger.profiles.profile(ledger.directory.person('anne-hallberg', null)!, null).meetingsAttended).toMatchObject([{ meeting: { slug: MEETING }, role: 'member', acting: true }]);
  });

  it('tracks a ratification as known at a time; the decision stays pending while a party has not ratified', async () => {
    clock.set(T_RATIFIED);
    await write({ type: 'RecordRatification', data: { meeting: MEETING, item: '5', ratifier: 'ledamoter-inom-skola', ratifiedOn: '2025-05-23', forum: 'skolchefsnätverksmöte' }, metadata: { commandId: 'ratify-skola' } });
    const pending = (knownAt: string | null) => ledger.decisions.list('pending', knownAt).decisions.find((d) => d.item === '5')!;
    expect(pending(T_BETWEEN).ratifications).toEqual([]);
    expect(pending(null).ratifications).toMatchObject([{ ratifier: { name: 'Ledamöter inom skola' }, ratifiedOn: '2025-05-23', forum: 'skolchefsnätverksmöte' }]);
    expect(pending(null).waitingFor).toMatchObject([{ kind: 'ratification', ratifier: { name: 'Kalmar kommun' } }]);
    await write({ type: 'RecordRatification', data: { meeting: MEETING, item: '5', ratifier: 'kalmar-kommun', ratifiedOn: '2025-09-01', forum: 'kommunfullmäktige' }, metadata: { commandId: 'ratify-kalmar' } });
    expect(ledger.decisions.list('ratified', null).decisions.map((d) => d.item)).toEqual(['5']);
    expect(ledger.decisions.list('pending', null).decisions.map((d) => d.item)).toEqual(['6']);
    expect(ledger.decisions.list('pending', T_BETWEEN).decisions.map((d) => d.item)).toEqual(['5', '6']);
  });

  it('writes the same decision rows, version for version, when it syncs only the items and follow-ups an event replaced as when it refolds the meeting at every event', async () => {
    // Given the ratifications above, a later decision on the deferred item and an amended item
    clock.set('2026-03-02T10:00:00.000Z');
    await write({ type: 'RecordDeferredDecision', data: { meeting: MEETING, item: '6', decidedOn: '2025-06-02', procedure: 'per capsulam (mejl)', text: 'Handlingsplanen antas.' }, metadata: { commandId: 'decide-6' } });
    clock.set('2026-03-03T10:00:00.000Z');
    const item5 = (await ledger.store.readByCommandId('meeting-2025-02-28')).find((e) => e.type === 'AgendaItemAdded' && (e.data as { number: string }).number === '5')!.id;
    await write({ type: 'CorrectEvent', data: { event: item5, reason: 'Titeln var fel', data: { title: 'Skolans dokument' } }, metadata: { commandId: 'correct-5' } });
    // When the decision-status read model is fed the same log with its held meeting forgotten before every event
    const events = await ledger.store.readAll();
    const refolded = new Database(':memory:');
    decisionStatusProjection.setup(refolded);
    refolded.transaction(() => {
      for (const e of events) {
        decisionStatusProjection.forget!();
        decisionStatusProjection.apply(refolded, asLedgerEvent(e));
      }
    })();
    // Then every version of every row is the same
    const rows = (db: Database.Database) => db.prepare('SELECT * FROM rm_decisions ORDER BY rowid').all();
    const held = rows(ledger.engine.db);
    expect(held.filter((r) => (r as { later_decision: string | null }).later_decision !== null).length).toBeGreaterThan(0);
    expect(held.length).toBeGreaterThan(4);
    expect(rows(refolded)).toEqual(held);
    refolded.close();
  });

  it('gives the same answers after every meeting read model is rebuilt from the log', async () => {
    const before = [ledger.meetings.detail(MEETING, T_BETWEEN), ledger.meetings.detail(MEETING, null), ledger.decisions.list('all', T_BETWEEN)];
    await ledger.close();
    const db = new Database(dbPath);
    db.prepare("UPDATE projection_checkpoints SET version = 0 WHERE name IN ('meeting', 'decision-status', 'decision-effects', 'group-membership')").run();
    db.close();
    ledger = await openLedger(config, { clock });
    expect([...ledger.rebuilt].sort()).toEqual(['decision-effects', 'decision-status', 'group-membership', 'meeting']);
    expect([ledger.meetings.detail(MEETING, T_BETWEEN), ledger.meetings.detail(MEETING, null), ledger.decisions.list('all', T_BETWEEN)]).toEqual(before);
  });
});

import { groupFolder, foldGroup, type EstablishedGroup } from '../../src/commands/group/group.state';
import { StateCache } from '../../src/commands/shared/state-cache';
import { UnitOfWork } from '../../src/commands/shared/unit-of-work';
import { idFromSlug, idOfRef, streamOf } from '../../src/domain/identity';
import { asLedgerEvent } from '../../src/events/ledger-event';
import { openLedger, type Ledger } from '../../src/ledger';
import { FixedClock, tempDir } from '../support/fixtures';
import { attendance, MEETING, recordMeeting, setup, signOff } from '../support/meeting-fixtures';
import { meetingStream } from '../../src/commands/meeting/meeting-context';
import { foldMeeting, meetingFolder } from '../../src/commands/meeting/meeting.state';

/**
 * The writer's folded group states (src/commands/shared/state-cache.ts) on a real SQLite
 * file, with a second connection writing behind the cache's back: whatever the cache holds,
 * the state a command decides on equals a fold of the stream as stored.
 */
describe('folded states reused between batches', () => {
  const tmp = tempDir('state-cache-');
  const clock = new FixedClock();
  const stream = streamOf('group', idFromSlug('group', 'samordnande-grupp-aldre'));
  let mine: Ledger;
  let other: Ledger;
  const cache = new StateCache();
  const decidedOn = async () => new UnitOfWork(mine.store, cache).state(stream, groupFolder);
  const stored = async () => foldGroup((await mine.store.readStream(stream)).map(asLedgerEvent));
  const seated = (state: unknown) => (state as EstablishedGroup).memberships.filter((m) => m.to === null).map((m) => m.personId).sort();
  const appoint = (ledger: Ledger, name: string, commandId: string) =>
    ledger.writer.execute({ type: 'AppointMember', data: { group: 'samordnande-grupp-aldre', person: { name }, effectiveFrom: '2025-03-01' }, metadata: { commandId } }, 'test');

  beforeAll(async () => {
    const path = tmp.file('ledger.db');
    mine = await openLedger({ store: 'sqlite', dbPath: path, eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock });
    other = await openLedger({ store: 'sqlite', dbPath: path, eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock });
    await mine.writer.execute(setup, 'test');
  });
  afterAll(async () => {
    await other.close();
    await mine.close();
    tmp.cleanup();
  });

  it('given a first read, folds the whole stream and keeps the state', async () => {
    expect(await decidedOn()).toEqual(await stored());
    expect(cache.get(groupFolder, stream)?.version).toBe((await mine.store.readStream(stream)).length);
  });

  it('given events appended by another process, evolves the kept state with them', async () => {
    await appoint(other, 'Åsa Berg', 'appoint-berg');
    await appoint(other, 'Per Lind', 'appoint-lind');
    const state = await decidedOn();
    expect(state).toEqual(await stored());
    expect(seated(state)).toHaveLength(3);
    expect(cache.get(groupFolder, stream)?.version).toBe((await mine.store.readStream(stream)).length);
  });

  it('given a revocation in the new events, folds the whole stream again', async () => {
    const appointed = (await mine.store.readByCommandId('appoint-lind')).find((e) => e.type === 'MemberAppointed')!;
    await other.writer.execute({ type: 'RevokeEvent', data: { event: appointed.id, reason: 'Fel grupp' } }, 'test');
    const state = await decidedOn();
    expect(state).toEqual(await stored());
    expect(seated(state)).toHaveLength(2);
  });

  it('includes what the batch staged, and keeps only what is stored', async () => {
    const uow = new UnitOfWork(mine.store, cache);
    const before = await uow.state(stream, groupFolder);
    const staged = await mine.store.readByCommandId('appoint-berg');
    await uow.stage(stream, [{ ...staged.find((e) => e.type === 'MemberAppointed')!, id: 'staged-only' }]);
    expect((await uow.state(stream, groupFolder) as EstablishedGroup).memberships).toHaveLength((before as EstablishedGroup).memberships.length + 1);
    expect(await uow.events(stream)).toHaveLength((await mine.store.readStream(stream)).length + 1);
    expect(await decidedOn()).toEqual(await stored());
  });

  it('decides through the writer on the kept state: a second seat for the same person is refused', async () => {
    await appoint(mine, 'Eva Holm', 'appoint-holm');
    expect(cache.get(groupFolder, stream)?.version).toBe((await mine.store.readStream(stream)).length - 1);
    await expect(
      mine.writer.execute({ type: 'AppointMember', data: { group: 'samordnande-grupp-aldre', person: 'eva-holm', effectiveFrom: '2025-04-01' } }, 'test'),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      mine.writer.execute({ type: 'AppointMember', data: { group: 'samordnande-grupp-aldre', person: 'karin-jilken', effectiveFrom: '2025-04-01' } }, 'test'),
    ).rejects.toMatchObject({ status: 422 });
  });
});

/** The same for a meeting's protocol (meetingFolder): items, attendance and a correction added behind the cache's back. */
describe('folded meeting states reused between batches', () => {
  const tmp = tempDir('state-cache-meeting-');
  const clock = new FixedClock();
  const stream = meetingStream(idOfRef('meeting', MEETING));
  let mine: Ledger;
  let other: Ledger;
  const cache = new StateCache();
  const decidedOn = async () => new UnitOfWork(mine.store, cache).state(stream, meetingFolder);
  const stored = async () => foldMeeting((await mine.store.readStream(stream)).map(asLedgerEvent));
  const item = (number: string, title: string, commandId = `item-${number}`) => ({ type: 'AddAgendaItem', data: { meeting: MEETING, item: { number, kind: 'information', title } }, metadata: { commandId } });

  beforeAll(async () => {
    const path = tmp.file('ledger.db');
    mine = await openLedger({ store: 'sqlite', dbPath: path, eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock });
    other = await openLedger({ store: 'sqlite', dbPath: path, eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock });
    await mine.writer.execute([...setup, recordMeeting], 'test');
  });
  afterAll(async () => {
    await other.close();
    await mine.close();
    tmp.cleanup();
  });

  it('given a first read, then more items and the attendance from another process, evolves the kept state to what a fold of the stream gives', async () => {
    expect(await decidedOn()).toEqual(await stored());
    await other.writer.execute(item('9', 'Övriga frågor'), 'test');
    await other.writer.execute(attendance, 'test');
    const state = await decidedOn();
    expect(state).toEqual(await stored());
    expect(state.status === 'unknown' ? [] : state.items.map((i) => i.number)).toContain('9');
    expect(cache.get(meetingFolder, stream)?.version).toBe((await mine.store.readStream(stream)).length);
  });

  it('given a correction of an item, folds the whole stream again', async () => {
    const added = (await mine.store.readByCommandId('item-9')).find((e) => e.type === 'AgendaItemAdded')!;
    await other.writer.execute({ type: 'RevokeEvent', data: { event: added.id, reason: 'Fel protokoll' } }, 'test');
    const state = await decidedOn();
    expect(state).toEqual(await stored());
    expect(state.status === 'unknown' ? [] : state.items.map((i) => i.number)).not.toContain('9');
  });

  it('decides through the writer on the kept state: an item number taken is refused, the sign-off lands', async () => {
    await expect(mine.writer.execute(item('1', 'Välkomna igen', 'item-1-again'), 'test')).rejects.toMatchObject({ status: 422 });
    await mine.writer.execute(signOff, 'test');
    const state = await decidedOn();
    expect(state).toEqual(await stored());
    expect(state.status).toBe('signed-off');
  });
});

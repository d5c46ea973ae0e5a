import { UnitOfWork } from '../../src/commands/shared/unit-of-work';
import { openLedger, type Ledger } from '../../src/ledger';
import { FixedClock, newEvent, tempDir } from '../support/fixtures';

/** mark()/rollBackTo(): a dry run drops a refused command's staged events and goes on (src/commands/dry-run.ts). */
describe('UnitOfWork mark and roll back', () => {
  const tmp = tempDir('uow-rollback-');
  let ledger: Ledger;
  beforeAll(async () => {
    ledger = await openLedger({ store: 'sqlite', dbPath: tmp.file('ledger.db'), eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock: new FixedClock() });
    await ledger.store.append([{ stream: 'test-a', expectedVersion: 0, events: [newEvent('Stored')] }]);
  });
  afterAll(async () => {
    await ledger.close();
    tmp.cleanup();
  });

  it('given events staged before and after a mark, when rolled back, then only the ones before remain, in their order and at their versions', async () => {
    const uow = new UnitOfWork(ledger.store);
    await uow.stage('test-b', [newEvent('B1')]);
    const mark = uow.mark();
    await uow.stage('test-a', [newEvent('A-late')]);
    await uow.stage('test-b', [newEvent('B2')]);
    await uow.stage('test-c', [newEvent('C-late')]);

    uow.rollBackTo(mark);

    expect(uow.staged().map((e) => e.type)).toEqual(['B1']);
    expect(uow.appends().map((a) => a.stream)).toEqual(['test-b']);
    expect(await uow.version('test-a')).toBe(1);
    expect((await uow.events('test-b')).map((e) => e.type)).toEqual(['B1']);
  });

  it('after a roll back, a stream staged anew is appended after the ones staged before the mark', async () => {
    const uow = new UnitOfWork(ledger.store);
    await uow.stage('test-b', [newEvent('B1')]);
    const mark = uow.mark();
    await uow.stage('test-a', [newEvent('A-refused')]);
    uow.rollBackTo(mark);
    await uow.stage('test-c', [newEvent('C1')]);
    await uow.stage('test-a', [newEvent('A1')]);
    expect(uow.appends().map((a) => [a.stream, a.expectedVersion, a.events.map((e) => e.type)])).toEqual([
      ['test-b', 0, ['B1']],
      ['test-c', 0, ['C1']],
      ['test-a', 1, ['A1']],
    ]);
  });
});

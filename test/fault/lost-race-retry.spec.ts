import { LedgerWriter } from '../../src/commands/ledger-writer';
import { ConcurrentWrite } from '../../src/domain/ledger-errors';
import type { EventStore, StreamAppend } from '../../src/event-store/event-store.port';
import type { Ledger } from '../../src/ledger';
import { tempDir } from '../support/fixtures';
import { dumpReadModels, open, rebuiltFromLog } from './fault-fixtures';

const GROUP = 'racing-group';
const appoint = (name: string, commandId: string) => ({ type: 'AppointMember', data: { group: GROUP, person: { name }, effectiveFrom: '2025-02-01' }, metadata: { commandId } });

/**
 * The writer's answer to a race lost at append (issue 16): read again, decide again, retry,
 * bounded. The race is made deterministic: just before this writer appends, a second ledger
 * on the same file appends to the same group stream.
 */
describe('a writer that loses the race at append', () => {
  const tmp = tempDir('ledger-race-');
  const db = tmp.file('ledger.db');
  let mine: Ledger;
  let other: Ledger;
  beforeAll(async () => {
    mine = await open(db);
    other = await open(db);
    await mine.writer.execute({ type: 'EstablishGroup', data: { name: 'Racing group', slug: GROUP, kind: 'working-group', effectiveFrom: '2025-01-01' } }, 'test');
  });
  afterAll(async () => {
    await other.close();
    await mine.close();
    tmp.cleanup();
  });

  /** `mine`'s store, but `before` runs (as another process would) between deciding and each append. */
  function racingWriter(before: (attempt: number) => Promise<unknown>): { writer: LedgerWriter; attempts: () => number } {
    let attempts = 0;
    const store: EventStore = Object.assign(Object.create(mine.store) as EventStore, {
      append: async (appends: readonly StreamAppend[]) => {
        await before(++attempts);
        return mine.store.append(appends);
      },
    });
    return { writer: new LedgerWriter({ store, aliases: mine.directory, waitForReadModels: async () => true }), attempts: () => attempts };
  }

  it('given another writer appended to the stream first, decides again and lands its command once', async () => {
    const { writer, attempts } = racingWriter(async (attempt) => attempt === 1 && other.writer.execute(appoint('Först Före', 'race-other-1'), 'other'));
    const result = await writer.execute(appoint('Sen Efter', 'race-mine-1'), 'mine');
    expect(result.commands).toMatchObject([{ commandId: 'race-mine-1', status: 'applied' }]);
    expect(attempts()).toBe(2);
    const appointed = (await mine.store.readAll()).filter((e) => e.type === 'MemberAppointed').map((e) => e.metadata.commandId);
    expect(appointed).toEqual(['race-other-1', 'race-mine-1']);
    expect(dumpReadModels(mine.engine.db)).toEqual(await rebuiltFromLog(mine));
  });

  it('given the other writer applied the very same command first, answers it as repeated and appends nothing more', async () => {
    const { writer } = racingWriter(async (attempt) => attempt === 1 && other.writer.execute(appoint('Samma Person', 'race-same'), 'other'));
    const result = await writer.execute(appoint('Samma Person', 'race-same'), 'mine');
    expect(result).toMatchObject({ appended: false, commands: [{ commandId: 'race-same', status: 'repeated' }] });
    expect((await mine.store.readByCommandId('race-same')).filter((e) => e.type === 'MemberAppointed')).toHaveLength(1);
  });

  it('given it loses every time, gives up after 8 attempts with 409 concurrent-write and Retry-After, having written nothing', async () => {
    const { writer, attempts } = racingWriter((attempt) => other.writer.execute(appoint(`Alltid Före ${attempt}`, `race-always-${attempt}`), 'other'));
    const error = await writer.execute(appoint('Aldrig Fram', 'race-never'), 'mine').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrentWrite);
    expect(error).toMatchObject({ status: 409, headers: { 'Retry-After': '1' } });
    expect(attempts()).toBe(8);
    expect(await mine.store.readByCommandId('race-never')).toEqual([]);
  });
});

import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { defer, firstValueFrom, of } from 'rxjs';
import { SettledReadsInterceptor } from '../../src/http/settled-reads.interceptor';
import type { Ledger } from '../../src/ledger';
import { open } from '../fault/fault-fixtures';
import { newEvent, tempDir } from '../support/fixtures';

/**
 * Under group commit a request other than POST /commands must not run while the shared
 * transaction is open (it would read events that could still roll back), nor answer before
 * what it wrote is committed. The interceptor on a real ledger, with a group held open by
 * an append of the same turn.
 */
describe('requests beside an open group commit', () => {
  const tmp = tempDir('settled-reads-');
  let ledger: Ledger;
  beforeAll(async () => {
    ledger = await open(tmp.file('ledger.db'));
  });
  afterAll(async () => {
    await ledger.close();
    tmp.cleanup();
  });

  const http = (method: string, path: string) =>
    ({ getType: () => 'http', switchToHttp: () => ({ getRequest: () => ({ method, path }) }) }) as unknown as ExecutionContext;
  const db = () => ledger.engine.db;
  const events = () => (db().prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  // The store's append writes in the caller's turn (a command's append, without the deciding before it).
  const append = (stream: string) => ledger.store.append([{ stream, expectedVersion: 0, events: [newEvent('TestNoted')] }]);

  it('given events appended in this turn, when a page is asked for, then it runs once the COMMIT is done and sees them', async () => {
    const before = events();
    const appended = append('test-a');
    // The append wrote in an open transaction, committed after this turn.
    expect(db().inTransaction).toBe(true);
    let seen: { inTransaction: boolean; events: number } | null = null;
    const handler: CallHandler = { handle: () => defer(() => of((seen = { inTransaction: db().inTransaction, events: events() }))) };
    const answer = firstValueFrom(new SettledReadsInterceptor(ledger).intercept(http('GET', '/groups'), handler));
    await answer;
    await appended;
    expect(seen).toEqual({ inTransaction: false, events: before + 1 });
  });

  it('given a request that writes while a group is open, then it answers only after the COMMIT', async () => {
    let writtenInTransaction = false;
    const handler: CallHandler = {
      handle: () =>
        defer(() => {
          // As if a command of another request opened a group while this one's handler ran.
          void append('test-b');
          writtenInTransaction = db().inTransaction;
          return of('svar');
        }),
    };
    const answered = await firstValueFrom(new SettledReadsInterceptor(ledger).intercept(http('POST', '/admin/tokens'), handler));
    expect(answered).toBe('svar');
    expect(writtenInTransaction).toBe(true);
    expect(db().inTransaction).toBe(false);
  });

  it('given POST /commands, then it runs at once: its own append settles with its COMMIT', async () => {
    const appended = append('test-c');
    let ranInTransaction: boolean | null = null;
    const handler: CallHandler = { handle: () => defer(() => of((ranInTransaction = db().inTransaction))) };
    await firstValueFrom(new SettledReadsInterceptor(ledger).intercept(http('POST', '/commands'), handler));
    expect(ranInTransaction).toBe(true);
    await appended;
  });
});

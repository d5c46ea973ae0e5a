import Database from 'better-sqlite3';
import { applyCorrections } from '../../src/events/apply-corrections';
import type { LedgerEvent } from '../../src/events/ledger-event';
import { ScopedFold, ScopedLog } from '../../src/projections/scoped-log';
import { tempDir } from '../support/fixtures';

/**
 * ScopedFold keeps a scope's folded state between its events. The state here is the list
 * of (corrected) event ids, so what it holds is visible; `folds` counts the refolds.
 */
describe('a scope state held between events (ScopedFold)', () => {
  const tmp = tempDir('scoped-fold-');
  let db: Database.Database;
  let log: ScopedLog;
  let fold: ScopedFold<string[]>;
  let folds: number;
  let position: number;

  const event = (id: string, type = 'AgendaItemAdded', data: Record<string, unknown> = {}): LedgerEvent =>
    ({ id, type, schemaVersion: 1, stream: 'meeting-m', streamVersion: 1, position: ++position, data, metadata: { recordedAt: '2026-01-01T00:00:00.000Z' } }) as unknown as LedgerEvent;
  const next = (e: LedgerEvent) => fold.next(db, 'm', e);
  const label = (e: LedgerEvent) => `${e.id}${(e.data as { v?: number }).v ?? ''}`;

  beforeEach(() => {
    db = new Database(tmp.file(`fold-${Date.now()}-${Math.random()}.db`));
    log = new ScopedLog('t_log');
    db.exec(log.setupSql());
    folds = 0;
    position = 0;
    fold = new ScopedFold<string[]>(
      log,
      (events) => {
        folds += 1;
        return applyCorrections(events).map(label);
      },
      (state, e) => [...state, label(e)],
      2,
    );
  });
  afterEach(() => db.close());
  afterAll(() => tmp.cleanup());

  it('given a scope it holds, when an event follows its last one, then it evolves the state without reading the scope again', () => {
    next(event('a'));
    expect(next(event('b'))).toEqual(['a', 'b']);
    expect(folds).toBe(1);
  });

  it('given a held scope, when a correction comes, then it refolds from the log', () => {
    next(event('a'));
    next(event('b'));
    expect(next(event('r', 'EventRevoked', { targetEventId: 'a' }))).toEqual(['b']);
    expect(folds).toBe(2);
  });

  it('given a held scope, when another writer logged an event of it meanwhile, then it refolds and sees that event', () => {
    next(event('a'));
    log.append(db, 'm', event('elsewhere'));
    expect(next(event('b'))).toEqual(['a', 'elsewhere', 'b']);
    expect(folds).toBe(2);
  });

  it('given a transaction that rolled back, when told to forget, then nothing of the rolled-back event is evolved on', () => {
    next(event('a'));
    expect(() =>
      db.transaction(() => {
        next(event('x', 'AgendaItemAdded', { v: 1 }));
        throw new Error('append failed');
      })(),
    ).toThrow('append failed');
    fold.forget();
    // Another writer appends the same command again, decided anew: the same id at the same position, other content.
    position -= 1;
    log.append(db, 'm', event('x', 'AgendaItemAdded', { v: 2 }));
    expect(next(event('b'))).toEqual(['a', 'x2', 'b']);
  });

  it('given more scopes than it may hold, then the least recently used is dropped and refolded when it comes back', () => {
    fold.next(db, 's1', event('1'));
    fold.next(db, 's2', event('2'));
    fold.next(db, 's3', event('3'));
    expect(folds).toBe(3);
    expect(fold.next(db, 's1', event('1b'))).toEqual(['1', '1b']);
    expect(folds).toBe(4);
    expect(fold.next(db, 's3', event('3b'))).toEqual(['3', '3b']);
    expect(folds).toBe(4);
  });
});

import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { StoredEvent } from '../../src/events/event-envelope';
import type { Projection } from '../../src/projections/projection';
import { buildShadow, withoutJournal } from '../../src/projections/shadow-rebuild';
import { tempDir } from '../support/fixtures';

/**
 * A rebuild builds its read models into a shadow file that is thrown away on any error, so
 * the shadow runs without a rollback journal. better-sqlite3's defensive flag refuses
 * `journal_mode = OFF` without an error; these tests would pass on the refused pragma only
 * if the mode really changed.
 */
describe('the read-model shadow of a rebuild', () => {
  const tmp = tempDir('shadow-build-');

  const event = (position: number): StoredEvent => ({
    id: `e-${position}`,
    type: 'ProbeRecorded',
    schemaVersion: 1,
    stream: 'probe-1',
    streamVersion: position,
    position,
    data: { n: position },
    metadata: { recordedAt: '2026-01-01T00:00:00.000Z' } as StoredEvent['metadata'],
  });

  it('given a fresh connection, when the journal is switched off, then SQLite reports it off and a transaction leaves no journal file', () => {
    const path = tmp.file('plain.db');
    const db = new Database(path);
    try {
      expect(db.pragma('journal_mode = OFF', { simple: true })).toBe('delete'); // what the defensive flag does to the plain pragma
      withoutJournal(db);
      expect(db.pragma('journal_mode', { simple: true })).toBe('off');
      db.exec('CREATE TABLE t (x)');
      let journalDuringWrite = true;
      db.transaction(() => {
        db.prepare('INSERT INTO t VALUES (1)').run();
        journalDuringWrite = existsSync(`${path}-journal`);
      })();
      expect(journalDuringWrite).toBe(false);
      // The defensive flag is back on for everything else.
      expect(db.pragma('journal_mode = DELETE', { simple: true })).toBe('delete');
      expect(db.pragma('journal_mode = OFF', { simple: true })).toBe('delete');
    } finally {
      db.close();
    }
  });

  it('given a log of two pages, when a shadow is built, then every event is applied in a transaction with no journal file and the head is reached', async () => {
    const path = tmp.file('shadow.db');
    const seen: { position: number; mode: unknown; journal: boolean }[] = [];
    const probe: Projection = {
      name: 'probe',
      version: 1,
      tables: ['probe_rows'],
      setup: (db) => db.exec('CREATE TABLE IF NOT EXISTS probe_rows (position INTEGER PRIMARY KEY, data TEXT NOT NULL)'),
      apply: (db, e) => {
        db.prepare('INSERT INTO probe_rows VALUES (?, ?)').run(e.position, JSON.stringify(e.data));
        seen.push({ position: e.position, mode: db.pragma('journal_mode', { simple: true }), journal: existsSync(`${path}-journal`) });
      },
    };
    const log = Array.from({ length: 7_000 }, (_, i) => event(i + 1));
    const reached = await buildShadow(path, [probe], async (after, limit) => log.filter((e) => e.position > after).slice(0, limit), 6_500);

    expect(reached).toBe(6_500);
    expect(seen.map((s) => s.position)).toEqual(log.slice(0, 6_500).map((e) => e.position));
    expect(seen.filter((s) => s.mode !== 'off' || s.journal)).toEqual([]);
    const shadow = new Database(path, { readonly: true });
    try {
      expect(shadow.prepare('SELECT COUNT(*) AS n, MAX(position) AS last FROM probe_rows').get()).toEqual({ n: 6_500, last: 6_500 });
    } finally {
      shadow.close();
    }
  });
});

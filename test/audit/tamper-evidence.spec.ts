import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { eventHash, GENESIS_HASH } from '../../src/audit/event-hash';
import type { LogDigest } from '../../src/audit/log-digest';
import { openAuditLog } from '../../src/audit/open-audit-log';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { openLedger } from '../../src/ledger';
import { FixedClock, tempDir } from '../support/fixtures';
import { eventRows, kalmarLedger, sqliteConfig, tamper, type EventRowLite } from '../support/audit-fixtures';

/**
 * Tampering for real: the Kalmar dataset in a SQLite file, changed from outside the product
 * (the sqlite3 tool, or better-sqlite3 with the append-only triggers dropped), then verified.
 */
describe('tamper evidence', () => {
  const tmp = tempDir('ledger-tamper-');
  const pristine = tmp.file('pristine.db');
  let rows: EventRowLite[];
  let digest: LogDigest;
  let n = 0;

  /** A fresh copy of the untouched log for one test. */
  const copy = () => {
    const file = tmp.file(`copy-${++n}.db`);
    copyFileSync(pristine, file);
    return file;
  };
  const verify = async (file: string) => {
    const log = await openAuditLog(sqliteConfig(file));
    try {
      return await log.audit.verify();
    } finally {
      await log.close();
    }
  };
  /** An event in the middle of a stream with at least three events. */
  const middle = () => {
    const byStream = new Map<string, EventRowLite[]>();
    for (const r of rows) byStream.set(r.stream, [...(byStream.get(r.stream) ?? []), r]);
    const stream = [...byStream.values()].find((s) => s.length >= 3)!;
    return { before: stream[0]!, target: stream[1]!, after: stream[2]!, stream: stream[0]!.stream };
  };

  beforeAll(async () => {
    const { ledger } = await kalmarLedger(pristine);
    digest = await ledger.audit.digest();
    await ledger.close();
    expect(existsSync(`${pristine}-wal`)).toBe(false);
    rows = eventRows(pristine);
  });
  afterAll(() => tmp.cleanup());

  it('an untouched log verifies', async () => {
    const report = await verify(copy());
    expect(report).toMatchObject({ ok: true, problems: [], totalProblems: 0, events: rows.length, position: rows.at(-1)!.position });
  });

  it('one byte of one event changed with the sqlite3 tool: "changed", naming the event', async () => {
    const file = copy();
    const { target } = middle();
    const at = target.data.indexOf('":"') + 3; // 0-based: the first character of the first string value
    expect(target.data[at]).not.toBe('X');
    const sql = `DROP TRIGGER events_are_never_updated; UPDATE events SET data = substr(data, 1, ${at}) || 'X' || substr(data, ${at + 2}) WHERE id = '${target.id}';`;
    execFileSync('sqlite3', [file, sql]);
    const changed = eventRows(file).find((r) => r.id === target.id)!.data;
    expect(changed).not.toBe(target.data);
    expect(changed).toHaveLength(target.data.length);

    const report = await verify(file);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'changed', eventId: target.id, stream: target.stream, position: target.position, streamVersion: target.stream_version }),
    ]);
    expect(report.problems[0]!.detail).toContain('no longer matches the hash recorded when it was appended');
  });

  it('a byte change that breaks the JSON is "changed" too, and verify does not crash', async () => {
    const file = copy();
    const { target } = middle();
    tamper(file, (db) => db.prepare("UPDATE events SET data = '{' || substr(data, 3) WHERE id = ?").run(target.id));
    const report = await verify(file);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'changed', eventId: target.id })]);
    expect(report.problems[0]!.detail).toContain('not valid JSON');
  });

  it('a column changed outside the hashed envelope (recorded_at) is caught as "changed"', async () => {
    const file = copy();
    const { target } = middle();
    tamper(file, (db) => db.prepare("UPDATE events SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE id = ?").run(target.id));
    const report = await verify(file);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'changed', eventId: target.id })]);
    expect(report.problems[0]!.detail).toContain('recorded_at');
  });

  it('a deleted row: "missing", naming the event that is gone', async () => {
    const file = copy();
    const { target } = middle();
    tamper(file, (db) => db.prepare('DELETE FROM events WHERE id = ?').run(target.id));
    const report = await verify(file);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'missing', eventId: target.id, stream: target.stream, streamVersion: target.stream_version })]);
    expect(report.events).toBe(rows.length - 1);
  });

  it('reads the log as recorded a page at a time as at once, links of deleted events in their places', async () => {
    const file = copy();
    const deleted = [rows[10]!, rows[11]!, rows[50]!, rows[200]!, rows.at(-1)!];
    tamper(file, (db) => deleted.forEach((r) => db.prepare('DELETE FROM events WHERE id = ?').run(r.id)));
    const db = new Database(file);
    const store = new SqliteEventStore(db, { clock: new FixedClock() });
    try {
      const shape = (records: Awaited<ReturnType<typeof store.readAudit>>) => records.map((r) => [r.position, r.ref?.id ?? null, r.link?.eventId ?? null]);
      const whole = await store.readAudit();
      for (const limit of [1, 7, 100]) {
        const paged: Awaited<ReturnType<typeof store.readAudit>> = [];
        for (let page = await store.readAudit({ limit }); page.length > 0; page = await store.readAudit({ after: page.at(-1)!.position, limit })) {
          expect(page.length).toBeLessThanOrEqual(limit);
          paged.push(...page);
        }
        expect(shape(paged)).toEqual(shape(whole));
      }
      expect(whole.filter((r) => r.ref === null).map((r) => r.link!.eventId)).toEqual(deleted.map((r) => r.id));
      expect(whole.map((r) => r.position)).toEqual(rows.map((r) => r.position));
    } finally {
      await store.close();
      db.close();
    }
  });

  it('a deleted row with its hash deleted too: "missing", from the gap in the stream', async () => {
    const file = copy();
    const { target, after } = middle();
    tamper(file, (db) => {
      db.prepare('DELETE FROM events WHERE id = ?').run(target.id);
      db.prepare('DELETE FROM event_hashes WHERE event_id = ?').run(target.id);
    });
    const report = await verify(file);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'missing', stream: target.stream, eventId: after.id })]);
    expect(report.problems[0]!.detail).toContain(`version ${target.stream_version} of ${target.stream}`);
  });

  it('two rows swapped: "reordered", naming both events', async () => {
    const file = copy();
    const { before } = middle();
    const other = rows.find((r) => r.stream !== before.stream && r.position > before.position)!;
    tamper(file, (db) => {
      // Swap the places of an event of one stream and an event of another.
      db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(before.position);
      db.prepare('UPDATE events SET position = ? WHERE position = ?').run(before.position, other.position);
      db.prepare('UPDATE events SET position = ? WHERE position = -1').run(other.position);
    });
    const report = await verify(file);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'reordered', eventId: before.id, stream: before.stream, position: other.position }),
        expect.objectContaining({ kind: 'reordered', eventId: other.id, stream: other.stream, position: before.position }),
      ]),
    );
    expect(report.problems).toHaveLength(2);
  });

  it('two events of one stream swapped in their stream order: "reordered"', async () => {
    const file = copy();
    const { target, after } = middle();
    tamper(file, (db) => {
      db.prepare('UPDATE events SET stream_version = -1 WHERE id = ?').run(target.id);
      db.prepare('UPDATE events SET stream_version = ? WHERE id = ?').run(target.stream_version, after.id);
      db.prepare('UPDATE events SET stream_version = ? WHERE id = ?').run(after.stream_version, target.id);
    });
    const report = await verify(file);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'reordered', eventId: target.id, stream: target.stream })]);
  });

  it('a forged row inserted: "inserted", naming it; opening the file with the product does not legitimise it', async () => {
    const file = copy();
    const { stream } = middle();
    const last = rows.filter((r) => r.stream === stream).at(-1)!;
    const forgedId = '00000000-0000-4000-8000-000000000001';
    tamper(file, (db) => {
      const source = db.prepare('SELECT * FROM events WHERE id = ?').get(last.id) as Record<string, unknown>;
      db.prepare(
        `INSERT INTO events (id, stream, stream_version, type, schema_version, data, metadata, command_id, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(forgedId, stream, last.stream_version + 1, source.type, source.schema_version, source.data, source.metadata, source.command_id, source.recorded_at);
    });
    // The product opens it (and would compute missing chains only for a log that has none).
    const ledger = await openLedger(sqliteConfig(file), { clock: new FixedClock() });
    expect(ledger.chainBackfill).toBeNull();
    await ledger.close();

    const report = await verify(file);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'inserted', eventId: forgedId, stream, streamVersion: last.stream_version + 1 })]);
  });

  describe('digest', () => {
    it('proves an untouched log holds what it held, plus later appends', async () => {
      const file = copy();
      const clock = new FixedClock(new Date('2026-06-01T00:00:00.000Z'));
      const ledger = await openLedger(sqliteConfig(file), { clock });
      await ledger.writer.execute({ type: 'RegisterParty', data: { name: 'Nytt förbund', kind: 'association' }, metadata: { commandId: 'later-1' } }, 'test');
      const result = await ledger.audit.checkDigest(digest);
      await ledger.close();
      expect(result.ok).toBe(true);
      expect(result.digest.appendedSince).toBe(1);
      expect(result.digest.detail).toContain(`exactly the ${rows.length} events it held at position ${digest.position}, plus 1 appended since`);
    });

    it('catches a rewrite that recomputed every hash, which the chains alone cannot see', async () => {
      const file = copy();
      const { target, stream } = middle();
      tamper(file, (db) => {
        db.prepare("UPDATE events SET data = json_set(data, '$.forged', 1) WHERE id = ?").run(target.id);
        // Recompute the stream's whole chain, as a careful intruder would.
        const events = db.prepare('SELECT * FROM events WHERE stream = ? ORDER BY stream_version').all(stream) as Record<string, unknown>[];
        let prev = GENESIS_HASH;
        for (const e of events) {
          const hash = eventHash(prev, {
            id: e.id as string,
            type: e.type as string,
            schemaVersion: e.schema_version as number,
            stream,
            streamVersion: e.stream_version as number,
            data: JSON.parse(e.data as string) as unknown,
            metadata: JSON.parse(e.metadata as string),
          });
          db.prepare('UPDATE event_hashes SET hash = ?, prev_hash = ? WHERE event_id = ?').run(hash, prev, e.id);
          prev = hash;
        }
      });
      expect((await verify(file)).ok).toBe(true);

      const log = await openAuditLog(sqliteConfig(file));
      const result = await log.audit.checkDigest(digest);
      await log.close();
      expect(result.ok).toBe(false);
      expect(result.chains.ok).toBe(true);
      expect(result.digest.detail).toContain(`are not the ones the digest covered`);
    });

    it('catches a deleted event together with its hash', async () => {
      const file = copy();
      const last = rows.at(-1)!;
      tamper(file, (db) => {
        db.prepare('DELETE FROM events WHERE id = ?').run(last.id);
        db.prepare('DELETE FROM event_hashes WHERE event_id = ?').run(last.id);
      });
      const log = await openAuditLog(sqliteConfig(file));
      const result = await log.audit.checkDigest(digest);
      await log.close();
      expect(result.chains.ok).toBe(true);
      expect(result.ok).toBe(false);
      expect(result.digest.detail).toContain(`the digest counted ${rows.length} events, the log now holds ${rows.length - 1}`);
    });
  });
});

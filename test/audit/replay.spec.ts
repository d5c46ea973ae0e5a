import request from 'supertest';
import { runCli } from '../../src/cli/ledger-cli';
import { openLedger, type Ledger } from '../../src/ledger';
import { FixedClock, tempDir } from '../support/fixtures';
import { startTestApp } from '../support/test-app';
import { kalmarLedger, sqliteConfig } from '../support/audit-fixtures';

/**
 * Replay to a point: the Kalmar dataset is recorded on 2026-01-15; on 2026-06-01 a later
 * decision is recorded: Ny Person replaces Katarina Nilsson Ederam in samordnande grupp
 * Äldre from 2026-09-01. A replay to before that shows Katarina on 2026-10-01.
 */
describe('replay', () => {
  const tmp = tempDir('ledger-replay-');
  const db = tmp.file('ledger.db');
  const BEFORE_REPLACEMENT = '2026-05-01T00:00:00.000Z';
  let positionBefore: number;
  let recordedBefore: string;
  const names = (ledger: Ledger, at: string) =>
    ledger.rosters.roster(ledger.directory.group('samordnande-grupp-aldre', null)!, { at, knownAt: null }).members.map((m) => m.person.name);
  const cli = async (...args: string[]) => {
    let out = '';
    let err = '';
    const code = await runCli(args, { LEDGER_SEED: 'off' }, { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  };

  beforeAll(async () => {
    const { ledger, clock } = await kalmarLedger(db);
    positionBefore = await ledger.store.headPosition();
    recordedBefore = (await ledger.store.readAll({ after: positionBefore - 1, limit: 1 }))[0]!.metadata.recordedAt;
    clock.set('2026-06-01T10:00:00.000Z');
    await ledger.writer.execute(
      {
        type: 'ReplaceMember',
        data: { group: 'samordnande-grupp-aldre', outgoing: 'katarina-nilsson-ederam', incoming: { name: 'Ny Person' }, effectiveFrom: '2026-09-01' },
        metadata: { commandId: 'lgl-2026-06-01-item-4' },
      },
      'test',
    );
    expect(names(ledger, '2026-10-01')).toEqual(['Ny Person']);
    await ledger.close();
  });
  afterAll(() => tmp.cleanup());

  it('to a timestamp: the roster as the ledger stood then, before the replacement was recorded', async () => {
    const out = tmp.file('replay-time.db');
    const replay = await cli('replay', '--until', BEFORE_REPLACEMENT, '--out', out, '--db', db);
    expect(replay.code).toBe(0);
    expect(replay.out).toContain(`(up to position ${positionBefore}, recorded up to ${recordedBefore})`);
    expect(replay.out).toContain("The copy's chains verify: OK");

    const roster = await cli('roster', 'samordnande-grupp-aldre', '--at', '2026-10-01', '--db', out);
    expect(roster.code).toBe(0);
    expect(roster.out).toContain('Katarina Nilsson Ederam');
    expect(roster.out).not.toContain('Ny Person');
    // The source still answers with the later decision.
    expect((await cli('roster', 'samordnande-grupp-aldre', '--at', '2026-10-01', '--db', db)).out).toContain('Ny Person');
  });

  it('to a position: the same earlier answer, also from the API started on the replayed file', async () => {
    const out = tmp.file('replay-position.db');
    expect((await cli('replay', '--until', String(positionBefore), '--out', out, '--db', db)).code).toBe(0);
    const replayed = await openLedger(sqliteConfig(out), { clock: new FixedClock() });
    expect(await replayed.store.headPosition()).toBe(positionBefore);
    expect(names(replayed, '2026-10-01')).toEqual(['Katarina Nilsson Ederam']);
    await replayed.close();

    const app = await startTestApp({ LEDGER_DB: out });
    try {
      const response = await request(app.server).get('/groups/samordnande-grupp-aldre/roster?at=2026-10-01').expect(200);
      expect(response.body.members.map((m: { person: { name: string } }) => m.person.name)).toEqual(['Katarina Nilsson Ederam']);
      const verify = await request(app.server).get('/audit/verify').set('Authorization', app.auth.auditor).expect(200);
      expect(verify.body).toMatchObject({ ok: true, position: positionBefore });
    } finally {
      await app.close();
    }
  });

  it('refuses to overwrite a file and a bad --until, leaving the log unchanged', async () => {
    const existing = tmp.file('replay-time.db');
    const again = await cli('replay', '--until', '5', '--out', existing, '--db', db);
    expect(again.code).toBe(1);
    expect(again.err).toContain('exists already');
    const bad = await cli('replay', '--until', 'yesterday', '--out', tmp.file('x.db'), '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--until must be an ISO 8601 timestamp');
    const verify = await cli('verify', '--db', db);
    expect(verify.code).toBe(0);
  });
});

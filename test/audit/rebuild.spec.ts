import Database from 'better-sqlite3';
import { runCli } from '../../src/cli/ledger-cli';
import { openLedger, type Ledger } from '../../src/ledger';
import { ALL_PROJECTIONS } from '../../src/projections/all-projections';
import { availableParallelism } from 'node:os';
import { splitForHelper, WEIGHT } from '../../src/projections/parallel-shadow-build';
import type { Projection } from '../../src/projections/projection';
import { FixedClock, tempDir } from '../support/fixtures';
import { kalmarLedger, sqliteConfig } from '../support/audit-fixtures';

const roster = (ledger: Ledger, group: string, at: string) => ledger.rosters.roster(ledger.directory.group(group, null)!, { at, knownAt: null });

describe('rebuild with proof', () => {
  const tmp = tempDir('ledger-rebuild-');
  afterAll(() => tmp.cleanup());

  it('drops and rebuilds every read model and proves each equal to what was there', async () => {
    const { ledger } = await kalmarLedger(tmp.file('equal.db'));
    const before = roster(ledger, 'samordnande-grupp-psykisk-halsa', '2025-06-01');
    const head = await ledger.store.headPosition();
    const progress: number[] = [];
    const models = await ledger.rebuildReadModels((position) => progress.push(position));
    expect(models.map((m) => m.name)).toEqual(ALL_PROJECTIONS.map((p) => p.name));
    for (const m of models) {
      expect(m).toMatchObject({ equal: true, position: head });
      for (const t of m.tables) expect(t.before).toEqual(t.after);
    }
    expect(models.find((m) => m.name === 'group-membership')!.tables[0]!.after.rows).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(head);
    expect(roster(ledger, 'samordnande-grupp-psykisk-halsa', '2025-06-01')).toStrictEqual(before);
    expect(await ledger.store.headPosition()).toBe(head);
    await ledger.close();
  });

  it('given a ledger file and a second core, when rebuilding, then a second thread builds part of the read models (the proof above covers both parts)', () => {
    const split = splitForHelper(ALL_PROJECTIONS, { logFile: tmp.file('equal.db') });
    if (availableParallelism() < 2) return expect(split).toBeNull();
    expect(split!.helper.length).toBeGreaterThan(0);
    expect(split!.here.length).toBeGreaterThan(0);
    expect([...split!.here, ...split!.helper].map((p) => p.name).sort()).toEqual(ALL_PROJECTIONS.map((p) => p.name).sort());
    // A test's own projections (not the ledger's instances) and a log without a file stay in one thread.
    expect(splitForHelper(ALL_PROJECTIONS.map((p) => ({ ...p })), { logFile: tmp.file('equal.db') })).toBeNull();
    expect(splitForHelper(ALL_PROJECTIONS, null)).toBeNull();
  });

  it('weighs read models by their own names, and splits the weight about evenly', () => {
    const names = ALL_PROJECTIONS.map((p) => p.name);
    expect(Object.keys(WEIGHT).filter((name) => !names.includes(name))).toEqual([]);
    const split = splitForHelper(ALL_PROJECTIONS, { logFile: tmp.file('equal.db') });
    if (!split) return;
    const sum = (ps: readonly { name: string }[]) => ps.reduce((total, p) => total + (WEIGHT[p.name] ?? 1), 0);
    expect(Math.abs(sum(split.here) - sum(split.helper))).toBeLessThanOrEqual(4);
  });

  it('lists the rows that differ when a read model was changed behind the ledger, and puts the right ones back', async () => {
    const file = tmp.file('differs.db');
    const { ledger } = await kalmarLedger(file);
    const right = roster(ledger, 'samordnande-grupp-aldre', '2025-03-01').members.map((m) => m.person.slug);
    await ledger.close();
    const raw = new Database(file);
    const forged = raw.prepare("UPDATE rm_memberships SET field = 'forged' WHERE known_until IS NULL AND rowid = (SELECT MIN(rowid) FROM rm_memberships WHERE known_until IS NULL)").run();
    expect(forged.changes).toBe(1);
    raw.close();

    let out = '';
    let err = '';
    const code = await runCli(['rebuild', '--db', file], { LEDGER_SEED: 'off' }, { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false });
    expect(code).toBe(1);
    expect(out).toMatch(/group-membership v\d+ +rm_memberships +\d+ rows +sha256 [0-9a-f]{16}… +DIFFERENT/);
    expect(out).toMatch(/- was: +\{.*"field":"forged"/);
    expect(out).toMatch(/\+ rebuilt: +\{/);
    expect(out).toMatch(/group-directory v1 +rm_groups .* equal/);
    expect(err).toContain('rebuilding read models: 100%');

    const reopened = await openLedger(sqliteConfig(file), { clock: new FixedClock() });
    expect(roster(reopened, 'samordnande-grupp-aldre', '2025-03-01').members.map((m) => m.person.slug)).toEqual(right);
    const again = await reopened.rebuildReadModels();
    expect(again.every((m) => m.equal)).toBe(true);
    await reopened.close();
  });

  it('a changed projection version rebuilds on start beside the old model and swaps it in whole: no reader sees it half-built', async () => {
    const file = tmp.file('version.db');
    const { ledger } = await kalmarLedger(file);
    const before = roster(ledger, 'samordnande-grupp-psykisk-halsa', '2025-06-01');
    await ledger.close();

    // Another connection (another process, say) reads the read model while the rebuild runs.
    const reader = new Database(file, { readonly: true });
    const count = () => (reader.prepare('SELECT COUNT(*) AS n FROM rm_memberships').get() as { n: number }).n;
    const rowsBefore = count();
    const seen: number[] = [];
    const membership = ALL_PROJECTIONS.find((p) => p.name === 'group-membership')!;
    const bumped: Projection = {
      ...membership,
      version: membership.version + 1,
      apply(db, event) {
        membership.apply(db, event);
        if (event.type === 'MemberAppointed' || event.type === 'MemberReplaced') seen.push(count());
      },
    };
    const reopened = await openLedger(sqliteConfig(file), { clock: new FixedClock(), projections: ALL_PROJECTIONS.map((p) => (p === membership ? bumped : p)) });
    try {
      expect(reopened.rebuilt).toEqual(['group-membership']);
      expect(seen.length).toBeGreaterThan(10);
      // During the build the old model was served whole, every time it was looked at.
      expect(new Set(seen)).toEqual(new Set([rowsBefore]));
      expect(count()).toBe(rowsBefore);
      expect(roster(reopened, 'samordnande-grupp-psykisk-halsa', '2025-06-01')).toStrictEqual(before);
      const checkpoint = reader.prepare("SELECT version, position FROM projection_checkpoints WHERE name = 'group-membership'").get();
      expect(checkpoint).toEqual({ version: membership.version + 1, position: await reopened.store.headPosition() });
    } finally {
      reader.close();
      await reopened.close();
    }
  });
});

import Database from 'better-sqlite3';
import { RuleViolation } from '../../src/domain/ledger-errors';
import { openLedger, type Ledger } from '../../src/ledger';
import { ALL_PROJECTIONS } from '../../src/projections/all-projections';
import type { Roster, RosterMember } from '../../src/queries/group-roster.reader';
import { FixedClock, tempDir } from '../support/fixtures';

/**
 * The roster and person history read models on a real SQLite file, written through the
 * ledger's own command pipeline. Valid time is `at`; transaction time is `knownAt`, driven
 * by a FixedClock that the test moves between writes.
 */

const GROUP = 'samordnande-grupp-aldre';

const T_SETUP = '2026-01-15T09:00:00.000Z';
const T_BETWEEN = '2026-01-20T00:00:00.000Z';
const T_REPLACED = '2026-02-01T10:00:00.000Z';
const T_LATER = '2026-03-01T10:00:00.000Z';

const PROTOCOL_JAN = { document: 'Protokoll LGL 2025-01-01', item: '§ 3' };
const PROTOCOL_FEB = { document: 'Protokoll LGL 2025-02-28', item: '§ 5', registryNumber: 'RS DRN 2025/51' };

type Body = { type: string; data: Record<string, unknown>; metadata: Record<string, unknown> };
const command = (commandId: string, type: string, data: Record<string, unknown>, metadata: Record<string, unknown> = {}): Body => ({
  type,
  data,
  metadata: { commandId, ...metadata },
});

interface Harness {
  ledger: Ledger;
  clock: FixedClock;
  dbPath: string;
  reopen(): Promise<Ledger>;
  cleanup(): Promise<void>;
}

async function open(): Promise<Harness> {
  const tmp = tempDir('roster-projection-');
  const dbPath = tmp.file('ledger.db');
  const clock = new FixedClock(new Date(T_SETUP));
  const config = { store: 'sqlite' as const, dbPath, eventStoreConnectionString: null, readModelWaitMs: 0 };
  const harness: Harness = {
    ledger: await openLedger(config, { clock }),
    clock,
    dbPath,
    async reopen() {
      await harness.ledger.close();
      harness.ledger = await openLedger(config, { clock });
      return harness.ledger;
    },
    async cleanup() {
      await harness.ledger.close();
      tmp.cleanup();
    },
  };
  return harness;
}

/** The ids of the events of one type that a write appended. */
async function write(ledger: Ledger, body: Body | Body[]) {
  const result = await ledger.writer.execute(body, 'test');
  const idsOf = (type: string) => result.events.filter((e) => e.type === type).map((e) => e.id);
  return { result, idsOf };
}

/**
 * The story:
 *  - recorded at T_SETUP: parties, the group (from 2024-01-01), Karin Jilkén (for Kalmar kommun,
 *    hab/rehab, "Socialchef") and Bertil Berg appointed from 2025-01-01, Bertil chair from 2025-01-01;
 *  - recorded at T_REPLACED: Katrín Karlsson replaces Karin from 2025-03-01.
 */
async function story(h: Harness) {
  const setup = await write(h.ledger, [
    command('party-region', 'RegisterParty', { name: 'Region Kalmar län', kind: 'region', aliases: ['RKL'] }),
    command('party-kalmar', 'RegisterParty', { name: 'Kalmar kommun', kind: 'municipality' }),
    command('establish', 'EstablishGroup', { name: 'Samordnande grupp Äldre', kind: 'coordinating-group', effectiveFrom: '2024-01-01' }),
    command(
      'appoint-karin',
      'AppointMember',
      { group: GROUP, person: { name: 'Karin Jilkén' }, representing: 'kalmar-kommun', field: 'hab/rehab', title: 'Socialchef', effectiveFrom: '2025-01-01' },
      { source: PROTOCOL_JAN, decidedOn: '2025-01-01' },
    ),
    command('appoint-bertil', 'AppointMember', { group: GROUP, person: { name: 'Bertil Berg' }, effectiveFrom: '2025-01-01' }, { source: PROTOCOL_JAN }),
    command('chair-bertil', 'AppointChair', { group: GROUP, person: 'bertil-berg', role: 'chair', effectiveFrom: '2025-01-01' }, { source: PROTOCOL_JAN }),
  ]);
  expect(setup.result.appended).toBe(true);
  const [karinAppointed] = setup.idsOf('MemberAppointed');
  const [bertilChair] = setup.idsOf('ChairAppointed');

  h.clock.set(T_REPLACED);
  const replacement = await write(
    h.ledger,
    command('replace-karin', 'ReplaceMember', { group: GROUP, outgoing: 'karin-jilken', incoming: { name: 'Katrín Karlsson' }, effectiveFrom: '2025-03-01' }, { source: PROTOCOL_FEB }),
  );
  const [replaced] = replacement.idsOf('MemberReplaced');
  expect(replacement.result.events.map((e) => e.recordedAt)).toEqual(expect.arrayContaining([T_REPLACED]));
  return { karinAppointed: karinAppointed!, bertilChair: bertilChair!, replaced: replaced! };
}

function roster(ledger: Ledger, at: string, knownAt: string | null = null): Roster {
  const group = ledger.directory.group(GROUP, knownAt);
  if (!group) throw new Error(`group ${GROUP} unknown at ${knownAt}`);
  return ledger.rosters.roster(group, { at, knownAt });
}

const slugs = (r: Roster) => r.members.map((m) => m.person.slug);
function member(r: Roster, slug: string): RosterMember {
  const found = r.members.find((m) => m.person.slug === slug);
  if (!found) throw new Error(`${slug} is not on the roster of ${r.at} (knownAt ${r.knownAt}): ${slugs(r).join(', ')}`);
  return found;
}

function history(ledger: Ledger, slug: string, knownAt: string | null = null) {
  const person = ledger.directory.person(slug, knownAt);
  if (!person) throw new Error(`person ${slug} unknown at ${knownAt}`);
  return ledger.people.history(person, knownAt);
}

describe('group roster on a real SQLite file', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await open();
  });
  afterEach(async () => {
    await h.cleanup();
  });

  describe('valid time (at)', () => {
    it('shows the outgoing member before the replacement and the incoming member from its day', async () => {
      await story(h);
      expect(slugs(roster(h.ledger, '2025-02-28'))).toEqual(['bertil-berg', 'karin-jilken']);
      expect(slugs(roster(h.ledger, '2025-03-01'))).toEqual(['bertil-berg', 'katrin-karlsson']);
      expect(slugs(roster(h.ledger, '2024-12-31'))).toEqual([]);
    });

    it('gives the outgoing row the day before the replacement as its last day', async () => {
      await story(h);
      const karin = member(roster(h.ledger, '2025-02-15'), 'karin-jilken');
      expect(karin).toMatchObject({ from: '2025-01-01', fromPrecision: 'day', to: '2025-02-28', toPrecision: 'day', uncertain: false });
      const katrin = member(roster(h.ledger, '2025-03-15'), 'katrin-karlsson');
      expect(katrin).toMatchObject({ from: '2025-03-01', fromPrecision: 'day', to: null, toPrecision: null, uncertain: false });
    });

    it('lets the incoming member take over the seat terms but not the title', async () => {
      await story(h);
      const karin = member(roster(h.ledger, '2025-02-15'), 'karin-jilken');
      expect(karin).toMatchObject({ role: 'member', field: 'hab/rehab', title: 'Socialchef', representing: { slug: 'kalmar-kommun', name: 'Kalmar kommun' } });
      const katrin = member(roster(h.ledger, '2025-03-15'), 'katrin-karlsson');
      expect(katrin).toMatchObject({ person: { slug: 'katrin-karlsson', name: 'Katrín Karlsson' }, role: 'member', field: 'hab/rehab', title: null, organisation: null });
      expect(katrin.representing).toMatchObject({ slug: 'kalmar-kommun' });
    });
  });

  describe('transaction time (knownAt)', () => {
    it('before the replacement was recorded still shows the old member, open-ended, even for a later day', async () => {
      await story(h);
      const then = roster(h.ledger, '2025-03-15', T_BETWEEN);
      expect(slugs(then)).toEqual(['bertil-berg', 'karin-jilken']);
      expect(member(then, 'karin-jilken')).toMatchObject({ to: null, toPrecision: null });
      expect(then.knownAt).toBe(T_BETWEEN);
    });

    it('from the moment the replacement was recorded shows the new member', async () => {
      await story(h);
      expect(slugs(roster(h.ledger, '2025-03-15', T_REPLACED))).toEqual(['bertil-berg', 'katrin-karlsson']);
      expect(slugs(roster(h.ledger, '2025-03-15', T_LATER))).toEqual(['bertil-berg', 'katrin-karlsson']);
      expect(slugs(roster(h.ledger, '2025-03-15', '2026-02-01T09:59:59.999Z'))).toEqual(['bertil-berg', 'karin-jilken']);
    });

    it('knows nothing before the first write', async () => {
      await story(h);
      expect(h.ledger.directory.group(GROUP, '2026-01-15T08:59:59.999Z')).toBeNull();
      expect(h.ledger.directory.group(GROUP, T_SETUP)).not.toBeNull();
    });

    it("a person's history shows the same two beliefs", async () => {
      const ids = await story(h);
      const now = history(h.ledger, 'karin-jilken');
      expect(now.memberships).toEqual([
        expect.objectContaining({ group: expect.objectContaining({ slug: GROUP }), role: 'member', field: 'hab/rehab', from: '2025-01-01', to: '2025-02-28', toPrecision: 'day', events: [ids.karinAppointed, ids.replaced] }),
      ]);
      expect(now.memberships[0]?.representing).toMatchObject({ slug: 'kalmar-kommun' });
      const then = history(h.ledger, 'karin-jilken', T_BETWEEN);
      expect(then.memberships).toEqual([expect.objectContaining({ from: '2025-01-01', to: null, events: [ids.karinAppointed] })]);
      expect(history(h.ledger, 'katrin-karlsson').memberships).toEqual([expect.objectContaining({ from: '2025-03-01', to: null, events: [ids.replaced] })]);
      expect(h.ledger.directory.person('katrin-karlsson', T_BETWEEN)).toBeNull();
    });
  });

  describe('evidence', () => {
    it('lists the ids of the events behind a row and the documents they cite', async () => {
      const ids = await story(h);
      const karin = member(roster(h.ledger, '2025-02-15'), 'karin-jilken');
      expect(karin.events).toEqual([ids.karinAppointed, ids.replaced]);
      expect(karin.sources).toEqual([PROTOCOL_JAN, PROTOCOL_FEB]);
      const katrin = member(roster(h.ledger, '2025-03-15'), 'katrin-karlsson');
      expect(katrin.events).toEqual([ids.replaced]);
      expect(katrin.sources).toEqual([PROTOCOL_FEB]);
    });

    it('lists each event once for a member who is also chair and has an affiliation', async () => {
      const ids = await story(h);
      h.clock.set(T_LATER);
      const { idsOf } = await write(h.ledger, command('aff', 'RecordAffiliation', { person: 'bertil-berg', organisation: 'region-kalmar-lan', title: 'Förvaltningschef', effectiveFrom: '2024-06-01' }));
      const [affiliation] = idsOf('AffiliationRecorded');
      const bertil = member(roster(h.ledger, '2025-03-15'), 'bertil-berg');
      expect(bertil.role).toBe('chair');
      expect(bertil.events).toEqual(expect.arrayContaining([ids.bertilChair, affiliation]));
      expect(bertil.events).toHaveLength(new Set(bertil.events).size);
    });

    it('the event ids are those of the log', async () => {
      const ids = await story(h);
      const log = await h.ledger.store.readAll();
      const byId = new Map(log.map((e) => [e.id, e]));
      expect(byId.get(ids.karinAppointed)).toMatchObject({ type: 'MemberAppointed', metadata: { source: PROTOCOL_JAN, effectiveFrom: { date: '2025-01-01', precision: 'day' } } });
      expect(byId.get(ids.replaced)).toMatchObject({ type: 'MemberReplaced', metadata: { source: PROTOCOL_FEB, recordedAt: T_REPLACED } });
    });
  });

  describe('chairs', () => {
    it('come first with the role "chair", then vice chairs, then members by name', async () => {
      const ids = await story(h);
      h.clock.set(T_LATER);
      await write(h.ledger, [
        command('appoint-adam', 'AppointMember', { group: GROUP, person: { name: 'Adam Åberg' }, effectiveFrom: '2025-01-01' }),
        command('vice-katrin', 'AppointChair', { group: GROUP, person: 'katrin-karlsson', role: 'vice-chair', effectiveFrom: '2025-03-01' }),
      ]);
      const r = roster(h.ledger, '2025-04-01');
      expect(r.members.map((m) => [m.person.slug, m.role])).toEqual([
        ['bertil-berg', 'chair'],
        ['katrin-karlsson', 'vice-chair'],
        ['adam-aberg', 'member'],
      ]);
      const bertil = member(r, 'bertil-berg');
      expect(bertil.events).toEqual(expect.arrayContaining([ids.bertilChair]));
      expect(bertil).toMatchObject({ from: '2025-01-01', to: null });
    });

    it('a successor chair ends the earlier term the day before', async () => {
      const ids = await story(h);
      h.clock.set(T_LATER);
      const succession = await write(h.ledger, command('chair-katrin', 'AppointChair', { group: GROUP, person: 'katrin-karlsson', role: 'chair', effectiveFrom: '2025-07-01' }));
      const [katrinChair] = succession.idsOf('ChairAppointed');
      expect(member(roster(h.ledger, '2025-06-30'), 'bertil-berg').role).toBe('chair');
      expect(member(roster(h.ledger, '2025-06-30'), 'katrin-karlsson').role).toBe('member');
      const july = roster(h.ledger, '2025-07-01');
      expect(july.members.map((m) => [m.person.slug, m.role])).toEqual([
        ['katrin-karlsson', 'chair'],
        ['bertil-berg', 'member'],
      ]);
      expect(history(h.ledger, 'bertil-berg').chairs).toEqual([expect.objectContaining({ role: 'chair', from: '2025-01-01', to: '2025-06-30', events: [ids.bertilChair, katrinChair] })]);
      expect(history(h.ledger, 'bertil-berg', T_REPLACED).chairs).toEqual([expect.objectContaining({ to: null, events: [ids.bertilChair] })]);
    });
  });

  describe('affiliations', () => {
    it('title and organisation come from the latest affiliation on or before at', async () => {
      await story(h);
      h.clock.set(T_LATER);
      const { idsOf } = await write(h.ledger, [
        command('aff-1', 'RecordAffiliation', { person: 'bertil-berg', organisation: 'region-kalmar-lan', title: 'Förvaltningschef', effectiveFrom: '2024-06-01' }),
        command('aff-2', 'RecordAffiliation', { person: 'bertil-berg', organisation: 'kalmar-kommun', unit: 'Socialförvaltningen', title: 'Socialdirektör', effectiveFrom: '2025-06-01' }),
      ]);
      const [first, second] = idsOf('AffiliationRecorded');

      const march = member(roster(h.ledger, '2025-03-15'), 'bertil-berg');
      expect(march).toMatchObject({ title: 'Förvaltningschef', organisation: { slug: 'region-kalmar-lan', name: 'Region Kalmar län' } });
      expect(march.events).toContain(first);
      expect(march.events).not.toContain(second);

      expect(member(roster(h.ledger, '2025-05-31'), 'bertil-berg')).toMatchObject({ title: 'Förvaltningschef' });
      const june = member(roster(h.ledger, '2025-06-01'), 'bertil-berg');
      expect(june).toMatchObject({ title: 'Socialdirektör', organisation: { slug: 'kalmar-kommun' } });
      expect(june.events).toContain(second);

      // Before they were recorded, the roster knew no affiliation at all.
      expect(member(roster(h.ledger, '2025-06-01', T_REPLACED), 'bertil-berg')).toMatchObject({ title: null, organisation: null });
      // Without an affiliation the appointment's title stands.
      expect(member(roster(h.ledger, '2025-02-01'), 'karin-jilken')).toMatchObject({ title: 'Socialchef', organisation: null });

      const bertil = history(h.ledger, 'bertil-berg');
      expect(bertil.affiliations.map((a) => [a.from, a.title, a.organisation?.slug, a.unit, a.event])).toEqual([
        ['2024-06-01', 'Förvaltningschef', 'region-kalmar-lan', null, first],
        ['2025-06-01', 'Socialdirektör', 'kalmar-kommun', 'Socialförvaltningen', second],
      ]);
    });
  });

  describe('imprecise dates', () => {
    it('a month-precision start is uncertain for a day inside that month and certain after it', async () => {
      await story(h);
      await write(h.ledger, command('appoint-cecilia', 'AppointMember', { group: GROUP, person: { name: 'Cecilia Ek' }, effectiveFrom: '2025-05' }));
      expect(slugs(roster(h.ledger, '2025-04-30'))).not.toContain('cecilia-ek');
      expect(member(roster(h.ledger, '2025-05-01'), 'cecilia-ek')).toMatchObject({ from: '2025-05', fromPrecision: 'month', uncertain: true });
      expect(member(roster(h.ledger, '2025-05-15'), 'cecilia-ek').uncertain).toBe(true);
      expect(member(roster(h.ledger, '2025-05-31'), 'cecilia-ek').uncertain).toBe(false);
      expect(member(roster(h.ledger, '2025-06-01'), 'cecilia-ek').uncertain).toBe(false);
      expect(member(roster(h.ledger, '2025-06-01'), 'bertil-berg').uncertain).toBe(false);
    });

    it('a month-precision end is uncertain inside that month', async () => {
      await story(h);
      await write(h.ledger, command('end-bertil', 'EndMembership', { group: GROUP, person: 'bertil-berg', effectiveFrom: '2025-09' }));
      expect(member(roster(h.ledger, '2025-08-31'), 'bertil-berg')).toMatchObject({ to: '2025-09', toPrecision: 'month', uncertain: false });
      expect(member(roster(h.ledger, '2025-09-15'), 'bertil-berg').uncertain).toBe(true);
      // Bertil is still chair (his chair term is open), so he stays on the roster as chair after his seat.
      expect(member(roster(h.ledger, '2025-10-01'), 'bertil-berg')).toMatchObject({ role: 'chair', to: null });
      expect(history(h.ledger, 'bertil-berg').memberships).toEqual([expect.objectContaining({ to: '2025-09', toPrecision: 'month' })]);
    });
  });

  describe('all or nothing', () => {
    it('a rejected batch leaves the roster, the directory and the head of the log unchanged', async () => {
      await story(h);
      const head = await h.ledger.store.headPosition();
      const before = [roster(h.ledger, '2025-03-15'), roster(h.ledger, '2025-02-15')];
      h.clock.set(T_LATER);

      const attempt = h.ledger.writer.execute(
        [
          command('appoint-dora', 'AppointMember', { group: GROUP, person: { name: 'Dora Dahl' }, effectiveFrom: '2025-04-01' }),
          command('end-katrin', 'EndMembership', { group: GROUP, person: 'katrin-karlsson', effectiveFrom: '2025-05-01' }),
          command('replace-karin-again', 'ReplaceMember', { group: GROUP, outgoing: 'karin-jilken', incoming: { name: 'Erik Ek' }, effectiveFrom: '2025-06-01' }),
        ],
        'test',
      );
      await expect(attempt).rejects.toBeInstanceOf(RuleViolation);
      await attempt.catch((error: RuleViolation) => {
        expect(error.rule).toBe('must-be-sitting');
        expect(error.problems.map((p) => p.field)).toContain('[2].data.outgoing');
      });

      expect(await h.ledger.store.headPosition()).toBe(head);
      expect([roster(h.ledger, '2025-03-15'), roster(h.ledger, '2025-02-15')]).toStrictEqual(before);
      expect(h.ledger.directory.person('dora-dahl', null)).toBeNull();
      expect(await h.ledger.store.readByCommandId('appoint-dora')).toEqual([]);

      // The same commands, fixed, go through afterwards.
      await write(h.ledger, [
        command('appoint-dora', 'AppointMember', { group: GROUP, person: { name: 'Dora Dahl' }, effectiveFrom: '2025-04-01' }),
        command('end-katrin', 'EndMembership', { group: GROUP, person: 'katrin-karlsson', effectiveFrom: '2025-05-01' }),
      ]);
      expect(slugs(roster(h.ledger, '2025-05-01'))).toEqual(['bertil-berg', 'dora-dahl']);
      expect(await h.ledger.store.headPosition()).toBeGreaterThan(head);
    });

    it('a repeated commandId appends nothing and changes nothing', async () => {
      await story(h);
      const head = await h.ledger.store.headPosition();
      const before = roster(h.ledger, '2025-03-15');
      h.clock.set(T_LATER);
      const again = await write(
        h.ledger,
        command('replace-karin', 'ReplaceMember', { group: GROUP, outgoing: 'karin-jilken', incoming: { name: 'Katrín Karlsson' }, effectiveFrom: '2025-03-01' }, { source: PROTOCOL_FEB }),
      );
      expect(again.result.appended).toBe(false);
      expect(again.result.commands.map((c) => c.status)).toEqual(['repeated']);
      expect(await h.ledger.store.headPosition()).toBe(head);
      expect(roster(h.ledger, '2025-03-15')).toStrictEqual(before);
    });
  });

  describe('durability and rebuild', () => {
    const questions = (ledger: Ledger) => ({
      feb: roster(ledger, '2025-02-15'),
      march: roster(ledger, '2025-03-15'),
      marchAsBelievedBefore: roster(ledger, '2025-03-15', T_BETWEEN),
      karin: history(ledger, 'karin-jilken'),
      karinBefore: history(ledger, 'karin-jilken', T_BETWEEN),
      bertil: history(ledger, 'bertil-berg'),
    });

    it('closing and reopening the same file gives the same answers', async () => {
      await story(h);
      const before = questions(h.ledger);
      const head = await h.ledger.store.headPosition();
      const reopened = await h.reopen();
      expect(reopened.rebuilt).toEqual([]);
      expect(await reopened.store.headPosition()).toBe(head);
      expect(questions(reopened)).toStrictEqual(before);
    });

    it('rebuilds a dropped read model from the log with the same answers', async () => {
      await story(h);
      h.clock.set(T_LATER);
      await write(h.ledger, command('aff', 'RecordAffiliation', { person: 'bertil-berg', organisation: 'region-kalmar-lan', title: 'Förvaltningschef', effectiveFrom: '2024-06-01' }));
      const before = questions(h.ledger);
      expect(member(before.march, 'bertil-berg').title).toBe('Förvaltningschef');
      await h.ledger.close();

      const raw = new Database(h.dbPath);
      try {
        raw.exec('DROP TABLE rm_memberships');
        const deleted = raw.prepare('DELETE FROM projection_checkpoints WHERE name = ?').run('group-membership');
        expect(deleted.changes).toBe(1);
        // Also wipe the affiliations to be rebuilt alongside.
        raw.exec('DROP TABLE rm_affiliations');
        raw.prepare('DELETE FROM projection_checkpoints WHERE name = ?').run('affiliation');
      } finally {
        raw.close();
      }

      h.ledger = await openLedger({ store: 'sqlite', dbPath: h.dbPath, eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock: h.clock });
      expect(questions(h.ledger)).toStrictEqual(before);

      const check = new Database(h.dbPath, { readonly: true });
      try {
        const head = check.prepare<[], { p: number }>('SELECT MAX(position) AS p FROM events').get();
        const checkpoints = check.prepare<[], { name: string; position: number }>('SELECT name, position FROM projection_checkpoints ORDER BY name').all();
        expect(checkpoints.map((c) => c.name).sort()).toEqual(ALL_PROJECTIONS.map((p) => p.name).sort());
        for (const c of checkpoints) expect({ name: c.name, position: c.position }).toEqual({ name: c.name, position: head?.p });
      } finally {
        check.close();
      }
    });

    it('a rebuilt read model keeps appending correctly afterwards', async () => {
      await story(h);
      await h.ledger.close();
      const raw = new Database(h.dbPath);
      raw.exec('DROP TABLE rm_memberships');
      raw.prepare('DELETE FROM projection_checkpoints WHERE name = ?').run('group-membership');
      raw.close();
      h.ledger = await openLedger({ store: 'sqlite', dbPath: h.dbPath, eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock: h.clock });

      h.clock.set(T_LATER);
      await write(h.ledger, command('replace-katrin', 'ReplaceMember', { group: GROUP, outgoing: 'katrin-karlsson', incoming: { name: 'Dora Dahl' }, effectiveFrom: '2025-08-01' }));
      expect(slugs(roster(h.ledger, '2025-07-31'))).toEqual(['bertil-berg', 'katrin-karlsson']);
      expect(slugs(roster(h.ledger, '2025-08-01'))).toEqual(['bertil-berg', 'dora-dahl']);
      expect(member(roster(h.ledger, '2025-07-31'), 'katrin-karlsson')).toMatchObject({ to: '2025-07-31' });
    });
  });
});

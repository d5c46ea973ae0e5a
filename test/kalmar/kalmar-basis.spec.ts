import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLedger, type Ledger } from '../../src/ledger';
import { financeReaders } from '../../src/queries/finance/finance-readers';
import { protocolHtml, protocolMarkdown } from '../../src/queries/protocol-render';
import { KALMAR_DATA_DIR, seedIfEmpty } from '../../src/seed/kalmar-seed';
import { FixedClock, tempDir } from '../support/fixtures';

/** What the record says vs what was inferred (issue 16), checked against the source texts in ../shared/seeds. */
const SEEDS = join(__dirname, '..', '..', '..', 'shared', 'seeds');
const seed = (file: string) => readFileSync(join(SEEDS, file), 'utf8').replace(/\s+/g, ' ');
const LGL = 'lansgemensam-ledning-i-samverkan';

describe('The Kalmar dataset: the basis of every fact', () => {
  const tmp = tempDir('ledger-kalmar-basis-');
  let ledger: Ledger;
  const roster = (group: string, at: string) => ledger.rosters.roster(ledger.directory.group(group, null)!, { at, knownAt: null });
  const meeting = (date: string) => ledger.meetings.detail(`${LGL}-${date}`, null)!;

  beforeAll(async () => {
    ledger = await openLedger({ store: 'sqlite', dbPath: tmp.file('ledger.db'), eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock: new FixedClock() });
    await seedIfEmpty(ledger);
  });
  afterAll(async () => {
    await ledger.close();
    tmp.cleanup();
  });

  it('Barn och unga chair terms: named only on 2026-03-12, so uncertain before it and certain on it, stated by item 3', () => {
    const named = roster('samordnande-grupp-barn-och-unga', '2026-03-12').members.find((m) => m.person.slug === 'cecilia-wahlstrom')!;
    expect(named).toMatchObject({ role: 'chair', from: null, fromPrecision: 'unknown', uncertain: false });
    expect(named.basis).toEqual({ kind: 'stated', sources: [{ document: 'Protokoll Läns gemensam ledning 2026-03-12', item: '3', quote: 'Cecilia Wahlström, ordf. samordnande grupp Barn och unga' }] });
    expect(seed('003_99a661715dc34129.txt')).toContain('Cecilia Wahlström, ordf. samordnande grupp Barn och unga');
    const before = roster('samordnande-grupp-barn-och-unga', '2025-02-28').members.filter((m) => ['chair', 'vice-chair'].includes(m.role));
    expect(before.map((m) => [m.person.slug, m.uncertain])).toEqual(
      expect.arrayContaining([
        ['cecilia-wahlstrom', true],
        ['mats-petersson', true],
        ['pernilla-gustafsson', true],
      ]),
    );
  });

  it('a seat with an unknown start is not uncertain on the day a protocol attests it', () => {
    const styrgrupp = roster('styrgrupp-lansgemensam-samverkansmodell-for-barn-och-unga', '2026-03-12').members;
    expect(styrgrupp).toHaveLength(3);
    for (const m of styrgrupp) expect(m).toMatchObject({ fromPrecision: 'unknown', uncertain: false, basis: { kind: 'stated' } });
    const earlier = roster('styrgrupp-lansgemensam-samverkansmodell-for-barn-och-unga', '2025-06-01').members;
    for (const m of earlier) expect(m.uncertain).toBe(true);
  });

  it('Sofia Hartz as vice chair of LGL (start unknown): certain on 2024-12-13, when item 1 names her so, uncertain the day before', () => {
    const on = roster(LGL, '2024-12-13').members.find((m) => m.person.slug === 'sofia-hartz')!;
    expect(on).toMatchObject({ role: 'vice-chair', fromPrecision: 'unknown', uncertain: false, basis: { kind: 'stated', sources: [{ item: '1', quote: 'Vice ordförande Sofia Hartz, planeringsdirektör Region Kalmar län' }] } });
    expect(seed('004_31f21ad4ef5bd8ed.txt')).toContain('Vice ordförande Sofia Hartz, planeringsdirektör Region Kalmar län');
    expect(roster(LGL, '2024-12-12').members.find((m) => m.person.slug === 'sofia-hartz')!.uncertain).toBe(true);
  });

  it('an appointment by a cited decision is stated by that item; a chair term read from the turn of the year is inferred, with the note', () => {
    const katarina = roster('samordnande-grupp-aldre', '2025-02-28').members.find((m) => m.person.slug === 'katarina-nilsson-ederam')!;
    expect(katarina.basis).toEqual({ kind: 'stated', sources: [{ document: 'Protokoll Länsgemensam ledning 2025-02-28', item: '4.1' }] });
    const sofia = roster(LGL, '2025-02-28').members.find((m) => m.person.slug === 'sofia-hartz')!;
    expect(sofia.role).toBe('chair');
    expect(sofia.basis).toMatchObject({ kind: 'inferred', reasoning: expect.stringContaining('Vid årsskiftet sker ett byte i ordförandeskap') });
  });

  it('meeting 2025-02-28: the place comes from a plan and the chair is not stated (two opened it): both inferred; no source mentions sign-off', () => {
    const m = meeting('2025-02-28');
    expect(m.basis.place).toMatchObject({ kind: 'inferred', reasoning: expect.stringContaining('item 7.5') });
    expect(m.basis.chair).toMatchObject({ kind: 'inferred', reasoning: expect.stringContaining('no roles') });
    expect(m.basis.date).toMatchObject({ kind: 'stated' });
    expect(m.basis.signOff).toMatchObject({ kind: 'inferred' });
    expect(seed('000_8dbea4f65518a055.txt')).not.toMatch(/Hotell Munken|[Jj]ustera/);
    const md = protocolMarkdown(m);
    expect(md).toMatch(/^Plats: Hotell Munken, Mönsterås \*\(antaget: Place not printed/m);
    expect(md).toMatch(/^Ordförande: Sofia Hartz \*\(antaget: /m);
    expect(md).toMatch(/^Justering: uppgift saknas i källan \*\(antaget: /m);
    expect(md).not.toMatch(/Justering: justerat/);
  });

  it('meeting 2025-05-16: place inferred, the chair stated by item 1 ("Ordförande Sofia Hartz")', () => {
    const m = meeting('2025-05-16');
    expect(m.basis.place?.kind).toBe('inferred');
    expect(m.basis.chair).toEqual({ kind: 'stated', sources: [{ document: 'Protokoll Länsgemensam ledning 2025-05-16', item: '1', quote: 'Ordförande Sofia Hartz, planeringsdirektör i region Kalmar län' }] });
    expect(seed('002_2420f61ec8c9a7cd.txt')).toContain('Ordförande Sofia Hartz, planeringsdirektör i region Kalmar län');
  });

  it('attendance and items are stated by the protocol (the attendance list, the item number)', () => {
    const m = meeting('2025-02-28');
    for (const a of m.attendance.present) expect(a.basis).toEqual({ kind: 'stated', sources: [{ document: 'Protokoll Länsgemensam ledning 2025-02-28', item: 'Närvarande ledamöter' }] });
    const item41 = m.items.find((i) => i.number === '4.1')!;
    expect(item41.basis).toEqual({
      kind: 'stated',
      sources: [
        { document: 'Protokoll Länsgemensam ledning 2025-02-28', item: '4.1' },
        { document: 'Nyhetsbrev Länsgemensam ledning i samverkan – mötet 2025-02-28', item: '4.1' },
      ],
    });
    expect(item41.decision!.basis).toEqual({ kind: 'stated', sources: [{ document: 'Protokoll Länsgemensam ledning 2025-02-28', item: '4.1' }] });
    expect(ledger.decisions.list('pending', null).decisions.every((d) => d.basis.kind === 'stated')).toBe(true);
    expect(item41.effects[0]!.basis).toEqual({ kind: 'stated', sources: [{ document: 'Protokoll Länsgemensam ledning 2025-02-28', item: '4.1' }] });
  });

  it('slip 1: the "Notering" of 2025-05-16 item 5 follows the decision it refers to ("ovan beslut")', () => {
    const md = protocolMarkdown(meeting('2025-05-16'));
    const decision = md.indexOf('**Beslut: Ledamöter inom Länsgemensam ledning beslutar att stå bakom dokumentet');
    const note = md.indexOf('Notering: Ledamöter inom skola tog ovan beslut 23 maj 2025');
    expect(decision).toBeGreaterThan(0);
    expect(note).toBeGreaterThan(decision);
    const source = seed('002_2420f61ec8c9a7cd.txt');
    expect(source.indexOf('Notering: Ledamöter inom skola tog ovan beslut')).toBeGreaterThan(source.indexOf('beslutar att stå bakom dokumentet'));
  });

  it('slip 2: the newsletter note says it counts seven sub-goals, not that it lists them', () => {
    const newsletter = meeting('2025-02-28').sources.find((s) => s.document?.startsWith('Nyhetsbrev'))!;
    expect(newsletter.note).toContain('says there are seven sub-goals ("sju delmål"), without listing them');
    expect(newsletter.note).not.toContain('four overall goals and seven sub-goals, which');
    expect(seed('001_907a971c5c5ec615.txt')).toContain('sju delmål');
  });

  it('slip 3: 2025-02-28 item 5 is information (no "Beslut" in the source), and no allocation cites it as a decision', () => {
    const item5 = meeting('2025-02-28').items.find((i) => i.number === '5')!;
    expect(item5).toMatchObject({ kind: 'information', decision: null, effects: [] });
    const grant = JSON.parse(readFileSync(join(KALMAR_DATA_DIR, '09-grant-2025.json'), 'utf8')) as { data: { allocation?: string }; metadata: { decision?: unknown; source: { item: string; note: string } } }[];
    const allocation = grant.find((c) => c.data.allocation === 'digital-ungdomsmottagning-2025')!;
    expect(allocation.metadata.decision).toBeUndefined();
    expect(allocation.metadata.source).toMatchObject({ item: '5', note: expect.stringContaining('is recorded as information, not a decision') });
    const source = seed('000_8dbea4f65518a055.txt');
    const section = source.slice(source.indexOf('5. Digital ungdomsmottagning'), source.indexOf('6.', source.indexOf('5. Digital ungdomsmottagning')));
    expect(section).not.toMatch(/Beslut/);
  });

  it('who sat on Länsgemensam ledning on a day: attested seats from the attendance lists, apart from appointed seats', () => {
    const r = roster(LGL, '2025-05-16');
    const anna = r.attested.find((a) => a.person.slug === 'anna-hasselbom-trofast')!;
    expect(anna).toMatchObject({ representing: { slug: 'borgholms-kommun' }, from: '2025-02-28', to: '2025-05-16', attendedOn: true });
    expect(anna.basis).toMatchObject({ kind: 'stated', sources: [{ item: 'Närvarande ledamöter' }, { item: 'Närvarande ledamöter' }] });
    // For Kalmar kommun from 2026-03-12: a seat per organisation.
    expect(roster(LGL, '2026-03-12').attested.find((a) => a.person.slug === 'anna-hasselbom-trofast')).toMatchObject({ representing: { slug: 'kalmar-kommun' }, from: '2026-03-12' });
    // Between meetings the seat is read from first to last attendance, and says so.
    expect(roster(LGL, '2025-04-01').attested.find((a) => a.person.slug === 'anna-hasselbom-trofast')).toMatchObject({ attendedOn: false });
    // Appointed seats stay apart: the chairs are members, the attendance lists are not.
    expect(r.members.map((m) => m.person.slug).sort()).toEqual(['anna-hasselbom-trofast', 'sofia-hartz']);
    // Everyone listed that day, plus those whose first and last meetings lie either side of it.
    expect(r.attested.filter((a) => a.attendedOn).length).toBe(meeting('2025-05-16').attendance.present.length);
    expect(r.attested.length).toBeGreaterThan(r.attested.filter((a) => a.attendedOn).length);
    expect(roster(LGL, '2024-12-12').attested).toEqual([]);
  });

  it('project terms: the extension of hab/rehab is stated by the decision 2024-12-13 item 8.2; its unknown start is inferred, with the note', () => {
    const habRehab = financeReaders(ledger).projects.running('2026-06-01', null).find((p) => p.project.slug === 'framtidens-hab-rehab-ar-nara')!;
    expect(habRehab.extensions[0]!.basis).toEqual({ kind: 'stated', sources: [{ document: 'Protokoll Läns gemensam ledning i samverkan 2024-12-13', item: '8.2' }] });
    expect(habRehab.basis).toMatchObject({ kind: 'inferred', reasoning: expect.stringContaining('When it started') });
  });

  it('invoice paid: the sources are silent on payment, so paid is unknown with the reason, not 0 kr', () => {
    const finance = financeReaders(ledger);
    const grant = finance.grants.grant('psykisk-halsa-suicidprevention-2025', null)!;
    const b = finance.balances.balance(grant, { at: '2026-12-31', knownAt: null });
    expect(b.invoices[0]).toMatchObject({ status: 'payment-unknown', paid: { amount: null, reason: expect.stringContaining('paid is unknown, not 0 kr') } });
    expect(seed('003_99a661715dc34129.txt')).not.toMatch(/betal/i);
    // Who invoices whom, and how much, is stated (2026-03-12 item 4.3); every entry behind the figures has its basis.
    expect(b.invoices[0]!.basis).toEqual({ kind: 'stated', sources: [{ document: 'Protokoll Läns gemensam ledning 2026-03-12', item: '4.3' }] });
    expect(seed('003_99a661715dc34129.txt')).toContain('Kommunförbundet i Kalmar län fakturerar Region Kalmar län denna summa');
    for (const id of b.invoiced.events) expect(b.bases[id]).toBeDefined();
    const digital = b.allocations.find((a) => a.allocation === 'digital-ungdomsmottagning-2025')!;
    expect(digital.basis).toEqual({
      kind: 'stated',
      sources: [
        {
          document: 'Protokoll Länsgemensam ledning 2025-02-28',
          item: '5',
          quote: 'att det bästa för invånarna är att fortsätta med projektet i dess nuvarande form och att denna under 2025 bekostas av länsgemensamma stadsbidrag kopplade till överenskommelsen för psykisk hälsa och suicidprevention',
        },
      ],
    });
    expect(seed('000_8dbea4f65518a055.txt')).toContain(digital.basis!.kind === 'stated' ? digital.basis!.sources[0]!.quote!.replace(/\s+/g, ' ') : '?');
  });

  it('the HTML protocol marks an inferred fact with a title (hover) and a <details> (tap), and escapes the reasoning', () => {
    const html = protocolHtml(meeting('2025-02-28'));
    expect(html).toMatch(/<span class="inferred" data-basis="inferred" title="Place not printed[^"]*">Hotell Munken, Mönsterås<\/span> <details class="basis"><summary title="[^"]+">antaget<\/summary><p>Place not printed/);
    expect(html).not.toContain('<script');
  });
});

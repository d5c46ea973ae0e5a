import { openLedger, type Ledger } from '../../src/ledger';
import { KALMAR_DATA_DIR, importCommands, seedIfEmpty } from '../../src/seed/kalmar-seed';
import { FixedClock, tempDir } from '../support/fixtures';

/** Real questions asked of the dataset transcribed from the Kalmar protocols (../shared/seeds). */
describe('The Kalmar dataset', () => {
  const tmp = tempDir('ledger-kalmar-');
  let ledger: Ledger;
  const names = (group: string, at: string, knownAt: string | null = null) =>
    ledger.rosters.roster(ledger.directory.group(group, knownAt)!, { at, knownAt }).members.map((m) => m.person.name);
  const member = (group: string, at: string, slug: string) =>
    ledger.rosters.roster(ledger.directory.group(group, null)!, { at, knownAt: null }).members.find((m) => m.person.slug === slug);

  beforeAll(async () => {
    ledger = await openLedger({ store: 'sqlite', dbPath: tmp.file('ledger.db'), eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock: new FixedClock() });
    expect(await seedIfEmpty(ledger)).not.toBeNull();
  });
  afterAll(async () => {
    await ledger.close();
    tmp.cleanup();
  });

  it('loads on first start and not again; importing twice changes nothing', async () => {
    const head = await ledger.store.headPosition();
    expect(await seedIfEmpty(ledger)).toBeNull();
    const again = await importCommands(ledger, KALMAR_DATA_DIR, 'test');
    expect(again.applied).toBe(0);
    expect(await ledger.store.headPosition()).toBe(head);
  });

  it('samordnande grupp Äldre: Karin Jilkén sat until 2025-02-27, Katarina Nilsson Ederam from 2025-02-28 (protocol 2025-02-28 item 4)', () => {
    expect(names('samordnande-grupp-aldre', '2025-02-27')).toEqual(['Karin Jilkén']);
    expect(names('samordnande-grupp-aldre', '2025-02-28')).toEqual(['Katarina Nilsson Ederam']);
    const katarina = member('samordnande-grupp-aldre', '2025-02-28', 'katarina-nilsson-ederam')!;
    expect(katarina).toMatchObject({ title: 'verksamhetschef', organisation: { slug: 'borgholms-kommun' } });
    expect(katarina.sources[0]).toMatchObject({ item: '4', registryNumber: 'RS DRN 2025/51' });
  });

  it('samordnande grupp Psykisk hälsa: Sam Nordström replaces Lena Nordström Hellberg for hab/rehab on 2025-05-16, Anne-Lie Gustafsson joins', () => {
    const before = names('samordnande-grupp-psykisk-halsa', '2025-05-15');
    const after = names('samordnande-grupp-psykisk-halsa', '2025-05-16');
    expect(before).toContain('Lena Nordström Hellberg');
    expect(before).not.toContain('Sam Nordström');
    expect(after).toEqual(expect.arrayContaining(['Sam Nordström', 'Anne-Lie Gustafsson', 'Lise-Lotte Månsson', 'Ulrika Larsson', 'Sofia Erlandsson', 'Chris Landergren']));
    expect(after).not.toContain('Lena Nordström Hellberg');
    expect(member('samordnande-grupp-psykisk-halsa', '2025-05-16', 'sam-nordstrom')!.field).toBe('hab/rehab');
  });

  it('samordnande grupp Barn och unga gains Charlotte Blomqvist from skolhälsovården on 2024-12-13', () => {
    expect(names('samordnande-grupp-barn-och-unga', '2024-12-12')).not.toContain('Charlotte Blomqvist');
    expect(member('samordnande-grupp-barn-och-unga', '2024-12-13', 'charlotte-blomqvist')).toMatchObject({ organisation: { slug: 'kalmarsunds-gymnasieforbund' } });
  });

  it('the leadership changes chairs at the turn of the year: Sofia Hartz vice chair in 2024, chair 2025 to Dec 2026', () => {
    const lgl = 'lansgemensam-ledning-i-samverkan';
    expect(member(lgl, '2024-12-13', 'sofia-hartz')?.role).toBe('vice-chair');
    expect(member(lgl, '2025-05-16', 'sofia-hartz')).toMatchObject({ role: 'chair', to: '2026-12' });
    expect(member(lgl, '2025-05-16', 'anna-hasselbom-trofast')?.role).toBe('vice-chair');
    expect(member(lgl, '2027-01-01', 'sofia-hartz')).toBeUndefined();
  });

  it("shows a person's employer as of the date: Anna Hasselbom Trofast at Borgholm in 2025, at Kalmar in 2026", () => {
    const lgl = 'lansgemensam-ledning-i-samverkan';
    expect(member(lgl, '2025-05-16', 'anna-hasselbom-trofast')!.organisation?.slug).toBe('borgholms-kommun');
    expect(member(lgl, '2026-03-12', 'anna-hasselbom-trofast')!.organisation?.slug).toBe('kalmar-kommun');
  });

  it('keeps one identity for Katrin / Katrín Karlsson and resolves misspelt parties by alias', () => {
    expect(ledger.directory.person('katrin-karlsson', null)).not.toBeNull();
    expect(ledger.directory.canonicalSlug('party', 'oskarhamns-kommun')).toBe('oskarshamns-kommun');
  });
});

import { openLedger, type Ledger } from '../../src/ledger';
import { financeReaders } from '../../src/queries/finance/finance-readers';
import { seedIfEmpty } from '../../src/seed/kalmar-seed';
import { FixedClock, tempDir } from '../support/fixtures';

/** The money in the Kalmar sources (../shared/seeds), reproduced from the whole dataset in data/kalmar. */
describe('The Kalmar dataset: grants, settlements and projects', () => {
  const tmp = tempDir('ledger-kalmar-finance-');
  let ledger: Ledger;
  const finance = () => financeReaders(ledger);
  const grant = (slug: string) => finance().grants.grant(slug, null)!;
  const balance = (slug: string, at = '2026-12-31', knownAt: string | null = null) => finance().balances.balance(grant(slug), { at, knownAt });
  const reconcile = (slug: string, at = '2026-12-31') => finance().reconciliations.reconcile(grant(slug), { at, knownAt: null });
  const check = (slug: string, name: string) => reconcile(slug).checks.find((c) => c.check === name)!;

  beforeAll(async () => {
    ledger = await openLedger({ store: 'sqlite', dbPath: tmp.file('ledger.db'), eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock: new FixedClock() });
    expect(await seedIfEmpty(ledger)).not.toBeNull();
  });
  afterAll(async () => {
    await ledger.close();
    tmp.cleanup();
  });

  it('the 2025 grant: 15 865 911 kr received by Region Kalmar län in three parts that add up (protocol 2026-03-12 item 4.3)', () => {
    const b = balance('psykisk-halsa-suicidprevention-2025');
    expect(b.grant.holder.slug).toBe('region-kalmar-lan');
    expect(b.received).toMatchObject({ amount: 15865911, reason: null });
    expect(b.parts).toEqual([
      { area: 'Stöd till genomförande och uppföljning av den nationella strategin', amount: 4000000, reason: null },
      { area: 'Samordnade insatser för personer med komplexa behov, fokus samsjuklighet', amount: 4654855, reason: null },
      { area: 'Stärkt suicidpreventivt arbete', amount: 7211056, reason: null },
    ]);
    expect(check('psykisk-halsa-suicidprevention-2025', 'parts-sum-to-total')).toMatchObject({ status: 'pass', figures: { received: 15865911, partsTotal: 15865911 } });
  });

  it('2025 allocations: the suicide-prevention programme 1 424 825 kr; the digital youth clinic and IKB unknown, so the total is unknown, not 1 424 825', () => {
    const b = balance('psykisk-halsa-suicidprevention-2025');
    const allocation = (key: string) => b.allocations.find((a) => a.allocation === key)!.figure;
    expect(allocation('regionalt-handlingsprogram-suicidprevention-2025').amount).toBe(1424825);
    expect(allocation('digital-ungdomsmottagning-2025')).toMatchObject({ amount: null, reason: expect.stringContaining('digital youth clinic') });
    expect(allocation('ikb-2025')).toMatchObject({ amount: null, reason: expect.stringContaining('IKB') });
    expect(b.allocated).toMatchObject({ amount: null, knownPart: 1424825 });
    expect(b.unallocated.amount).toBeNull();
    expect(check('psykisk-halsa-suicidprevention-2025', 'allocations-within-grant').status).toBe('unknown');
  });

  it('the 2025 final accounting: 5 338 232 kr remained and was split evenly, 2 669 116 kr each to KFKL and the region; KFKL invoices RKL 2 669 116 kr, outstanding', () => {
    const b = balance('psykisk-halsa-suicidprevention-2025');
    expect(b.remaining).toMatchObject({ amount: 5338232, basis: 'final-accounting' });
    expect(b.used).toMatchObject({ amount: null, reason: expect.stringContaining('does not say how much') });
    expect(b.settledByParty.map((s) => [s.party.slug, s.figure.amount])).toEqual([
      ['kommunforbundet-kalmar-lan', 2669116],
      ['region-kalmar-lan', 2669116],
    ]);
    expect(b.invoices).toEqual([expect.objectContaining({ invoice: 'kfkl-rkl-kvarvarande-medel-2025', issuer: expect.objectContaining({ slug: 'kommunforbundet-kalmar-lan' }), payer: expect.objectContaining({ slug: 'region-kalmar-lan' }), status: 'payment-unknown' })]);
    // The sources never report a payment: paid is unknown (not 0 kr), and so is what is still owed.
    expect([b.invoiced.amount, b.paid.amount, b.outstanding.amount]).toEqual([2669116, null, null]);
    expect(b.paid.reason).toContain('sources are silent on payment');
    expect(b.outstanding.knownPart).toBe(2669116);
    const r = reconcile('psykisk-halsa-suicidprevention-2025');
    const status = Object.fromEntries(r.checks.map((c) => [c.check, c.status]));
    expect(status).toEqual({
      'parts-sum-to-total': 'pass',
      'allocations-within-grant': 'unknown',
      'final-accounting-adds-up': 'unknown',
      'settlement-sums-to-remaining': 'pass',
      'settlement-shares-invoiced': 'pass',
      'invoices-paid-or-outstanding': 'unknown',
      'postings-balance': 'pass',
      'no-unapplied-corrections': 'pass',
    });
    expect(r.checks.find((c) => c.check === 'final-accounting-adds-up')!.figures).toMatchObject({ usedIfTheAccountsAddUp: 15865911 - 5338232 });
  });

  it('2024: the forecast 1 760 585 kr went early to the municipalities; of the remainder 2 621 147 kr, invoiced by KFKL to RKL (protocol 2025-02-28 item 4.2)', () => {
    const b = balance('psykisk-halsa-suicidprevention-2024', '2025-12-31');
    expect(b.received).toMatchObject({ amount: null, reason: expect.stringContaining('do not give the 2024 total') });
    expect(b.forecastUnused.amount).toBe(1760585);
    expect(b.distributedEarly.amount).toBe(1760585);
    expect(b.settledByParty.map((s) => [s.party.slug, s.figure.amount])).toEqual([['kommunforbundet-kalmar-lan', 2621147]]);
    expect([b.invoiced.amount, b.outstanding.amount, b.outstanding.knownPart]).toEqual([2621147, null, 2621147]);
    expect(b.remaining.amount).toBeNull();
    const checks = Object.fromEntries(reconcile('psykisk-halsa-suicidprevention-2024').checks.map((c) => [c.check, c.status]));
    expect(checks).toMatchObject({ 'parts-sum-to-total': 'unknown', 'settlement-sums-to-remaining': 'unknown', 'settlement-shares-invoiced': 'pass', 'postings-balance': 'pass' });
  });

  it('valid time: before 2026-03-12 the 2025 grant has no final accounting, settlement or invoice', () => {
    const b = balance('psykisk-halsa-suicidprevention-2025', '2026-03-11');
    expect(b.remaining.basis).toBe('computed');
    expect(b.settled.amount).toBe(0);
    expect(b.invoiced.amount).toBe(0);
  });

  it('the trial balance of the whole dataset balances', () => {
    const t = finance().trialBalance.trialBalance({ at: '2026-12-31', knownAt: null });
    expect(t.balanced).toBe(true);
    expect(t.totals.debit).toBe(t.totals.credit);
    expect(t.totals.debit).toBeGreaterThan(0);
  });

  it('Framtidens hab/rehab är Nära runs until 2026-12-31 by the decision of 2024-12-13 item 8.2, financed by the state grant (amount unknown)', () => {
    const on = (at: string) => finance().projects.running(at, null);
    const habRehab = on('2026-06-01').find((p) => p.project.slug === 'framtidens-hab-rehab-ar-nara')!;
    expect(habRehab.until).toBe('2026-12-31');
    expect(habRehab.extensions).toHaveLength(1);
    expect(habRehab.extensions[0]).toMatchObject({ until: '2026-12-31', decidedOn: '2024-12-13', decision: { item: '8.2' }, financing: [{ amount: { unknown: expect.any(String) } }] });
    expect(on('2027-01-01').map((p) => p.project.slug)).not.toContain('framtidens-hab-rehab-ar-nara');
    expect(on('2022-06-01').map((p) => p.project.slug)).not.toContain('intensiv-kontextuell-behandling-ikb');
    expect(on('2025-06-01').map((p) => p.project.slug)).toEqual(expect.arrayContaining(['digital-ungdomsmottagning', 'intensiv-kontextuell-behandling-ikb', 'framtidens-hab-rehab-ar-nara']));
  });
});

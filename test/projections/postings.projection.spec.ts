import Database from 'better-sqlite3';
import { openLedger, type Ledger } from '../../src/ledger';
import { financeReaders } from '../../src/queries/finance/finance-readers';
import { FixedClock, tempDir } from '../support/fixtures';
import { correctDirectly, firstEventOf, grantCommand, money, PARTIES, revokeDirectly, GRANT, MEETING_2024_12_13 } from '../support/finance-fixtures';

/** The postings read model on a real SQLite file: balances, valid time, knownAt, reversals, rebuild. */
describe('postings projection', () => {
  let tmp: ReturnType<typeof tempDir>;
  let ledger: Ledger;
  let clock: FixedClock;
  const open = () => openLedger({ store: 'sqlite', dbPath: tmp.file('ledger.db'), eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock });
  const write = (body: unknown) => ledger.writer.execute(body, 'test');
  const finance = () => financeReaders(ledger);
  const balance = (at = '2026-12-31', knownAt: string | null = null) => finance().balances.balance(finance().grants.grant(GRANT, knownAt)!, { at, knownAt });

  beforeEach(async () => {
    tmp = tempDir('ledger-postings-');
    clock = new FixedClock(new Date('2026-01-01T10:00:00.000Z'));
    ledger = await open();
    await write([...PARTIES, grantCommand()]);
    clock.advance(60_000);
    await write([
      money('AllocateFunds', 'alloc-a', { allocation: 'programme-a', purpose: 'Programme A', kind: 'programme', periodFrom: '2025', periodTo: '2025', amount: 300000, effectiveFrom: '2025-02-28' }),
      money('AllocateFunds', 'alloc-b', { allocation: 'clinic', purpose: 'Clinic', kind: 'activity', periodFrom: '2025', periodTo: '2025', amount: { unknown: 'no cost given' }, effectiveFrom: '2025-02-28' }),
      money('RecordFinalAccounting', 'final', { year: 2025, used: 600000, remaining: 400000, effectiveFrom: '2026-03-12' }),
      money('SettleRemainder', 'settle', { shares: [{ party: 'kfkl', fraction: '1/2' }, { party: 'rkl', fraction: '1/2' }], effectiveFrom: '2026-03-12' }),
      money('InvoiceSettlement', 'invoice', { invoice: 'kfkl-1', issuer: 'kfkl', payer: 'rkl', amount: 200000, effectiveFrom: '2026-03-20' }),
      money('RecordInvoicePayment', 'payment', { invoice: 'kfkl-1', amount: 50000, effectiveFrom: '2026-04-30' }),
    ]);
    clock.advance(60_000);
  });
  afterEach(async () => {
    await ledger.close();
    tmp.cleanup();
  });

  it('derives every figure from the postings', () => {
    const b = balance();
    expect(b.received.amount).toBe(1000000);
    expect(b.allocated).toMatchObject({ amount: null, knownPart: 300000, reason: 'no cost given' });
    expect(b.used.amount).toBe(600000);
    expect(b.remaining).toMatchObject({ amount: 400000, basis: 'final-accounting' });
    expect(b.settledByParty.map((s) => [s.party.slug, s.figure.amount])).toEqual([
      ['kommunforbundet-kalmar-lan', 200000],
      ['region-kalmar-lan', 200000],
    ]);
    expect([b.invoiced.amount, b.paid.amount, b.outstanding.amount, b.notYetInvoiced.amount]).toEqual([200000, 50000, 150000, 0]);
    expect(b.invoices[0]).toMatchObject({ invoice: 'kfkl-1', status: 'partly-paid' });
    // What the region still holds: received − used − its own share − what it paid.
    expect(b.fundsHeld.amount).toBe(1000000 - 600000 - 200000 - 50000);
    expect(b.received.events).toEqual([firstEventOf('grant-2025')]);
    expect(b.paid.events).toEqual([firstEventOf('payment')]);
  });

  it('answers in valid time: on 2026-04-29 nothing is paid yet; on 2025-06-01 there is no final accounting', () => {
    expect(balance('2026-04-29').paid.amount).toBe(0);
    const early = balance('2025-06-01');
    expect(early.remaining).toMatchObject({ basis: 'computed', amount: 1000000 });
    expect(early.used.amount).toBe(0);
  });

  it('the trial balance balances: known debits equal credits, unknown lines come in pairs', () => {
    const t = finance().trialBalance.trialBalance({ at: '2026-12-31', knownAt: null });
    expect(t.balanced).toBe(true);
    expect(t.totals.debit).toBe(t.totals.credit);
    expect(t.totals).toMatchObject({ unknownDebitLines: 1, unknownCreditLines: 1 });
    const allocated = t.accounts.find((a) => a.account === 'allocated')!;
    expect(allocated).toMatchObject({ debit: 300000, balance: null, unknownLines: 1, memo: true });
  });

  it('a revocation posts the exact reversing lines; as known before it, the old belief stands', async () => {
    const before = clock.now().toISOString();
    const lines = () => finance().postings.lines(null, { at: '2026-12-31', knownAt: null }).lines;
    const original = lines().filter((l) => l.event_id === firstEventOf('alloc-a'));
    clock.advance(60_000);
    const [revocation] = await revokeDirectly(ledger, 'alloc-a', 'FundsAllocated');
    const reversal = lines().filter((l) => l.event_id === revocation!.id);
    expect(reversal.map((l) => [l.account, l.side, l.amount, l.reversal_of, l.effective_date])).toEqual(
      original.map((l) => [l.account, l.side === 'debit' ? 'credit' : 'debit', l.amount, firstEventOf('alloc-a'), l.effective_date]),
    );
    expect(balance().allocated).toMatchObject({ amount: null, knownPart: 0 });
    expect(balance('2026-12-31', before).allocated.knownPart).toBe(300000);
  });

  it('revoking the unknown allocation makes the total known again; revoking twice reverses once', async () => {
    await revokeDirectly(ledger, 'alloc-b', 'FundsAllocated');
    await revokeDirectly(ledger, 'alloc-b', 'FundsAllocated');
    expect(balance().allocated).toMatchObject({ amount: 300000, reason: null });
    expect(finance().trialBalance.trialBalance({ at: '2026-12-31', knownAt: null }).balanced).toBe(true);
  });

  it('a revoked registration leaves the grant unknown to the directory, and its postings reversed', async () => {
    const before = clock.now().toISOString();
    clock.advance(1000);
    await revokeDirectly(ledger, 'grant-2025', 'GrantRegistered');
    expect(finance().grants.grant(GRANT, null)).toBeNull();
    expect(finance().grants.grant(GRANT, before)).not.toBeNull();
    expect(finance().balances.balance(finance().grants.grant(GRANT, before)!, { at: '2026-12-31', knownAt: null }).received.amount).toBe(0);
  });

  it('an EventCorrected on a money entry is not applied, and the reconciliation says so', async () => {
    await correctDirectly(ledger, 'alloc-a', 'FundsAllocated');
    expect(balance().allocated.knownPart).toBe(300000);
    const check = finance().reconciliations.reconcile(finance().grants.grant(GRANT, null)!, { at: '2026-12-31', knownAt: null }).checks.find((c) => c.check === 'no-unapplied-corrections')!;
    expect(check.status).toBe('fail');
  });

  it('rebuilds from the log to the same balances', async () => {
    await revokeDirectly(ledger, 'alloc-a', 'FundsAllocated');
    const before = balance();
    await ledger.close();
    const db = new Database(tmp.file('ledger.db'));
    db.prepare("DELETE FROM projection_checkpoints WHERE name = 'postings'").run();
    db.close();
    ledger = await open();
    expect(balance()).toEqual(before);
  });
});

describe('project projection', () => {
  let tmp: ReturnType<typeof tempDir>;
  let ledger: Ledger;
  const clock = new FixedClock(new Date('2026-01-01T10:00:00.000Z'));

  beforeEach(async () => {
    tmp = tempDir('ledger-projects-');
    ledger = await openLedger({ store: 'sqlite', dbPath: tmp.file('ledger.db'), eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock });
  });
  afterEach(async () => {
    await ledger.close();
    tmp.cleanup();
  });

  it('shows a project until its extended end with the decision behind it; a revoked extension is gone from then on', async () => {
    await ledger.writer.execute(
      [
        ...MEETING_2024_12_13,
        { type: 'StartProject', data: { name: 'Hab rehab', effectiveFrom: '2023', plannedEnd: '2024-12-31' }, metadata: { commandId: 'start' } },
        {
          type: 'ExtendProject',
          data: { project: 'hab-rehab', until: '2026-12-31', effectiveFrom: '2024-12-13', financing: [{ description: 'statsbidrag', amount: { unknown: 'not stated' } }] },
          metadata: { commandId: 'extend', decidedOn: '2024-12-13', decision: { meeting: 'lansgemensam-ledning-i-samverkan-2024-12-13', item: '8.2' } },
        },
      ],
      'test',
    );
    const running = (at: string, knownAt: string | null = null) => financeReaders(ledger).projects.running(at, knownAt);
    expect(running('2026-06-01')[0]).toMatchObject({ until: '2026-12-31', extensions: [{ until: '2026-12-31', previousEnd: '2024-12-31', decision: { item: '8.2' } }] });
    expect(running('2022-12-31')).toEqual([]);
    expect(running('2024-06-01')[0]?.uncertain).toBe(false);
    const before = clock.now().toISOString();
    clock.advance(60_000);
    await revokeDirectly(ledger, 'extend', 'ProjectExtended', 'hab-rehab', 'project');
    expect(running('2026-06-01')).toEqual([]);
    expect(running('2024-06-01')[0]).toMatchObject({ until: '2024-12-31', extensions: [] });
    expect(running('2026-06-01', before)[0]?.until).toBe('2026-12-31');
  });
});

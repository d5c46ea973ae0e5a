import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { grantCommand, GRANT, MEETING_2024_12_13, money, PARTIES } from '../support/finance-fixtures';

const allocation = (commandId: string, amount: unknown, extra: Record<string, unknown> = {}) =>
  money('AllocateFunds', commandId, { allocation: commandId, purpose: 'Programme', kind: 'programme', periodFrom: '2025', periodTo: '2025', amount, effectiveFrom: '2025-02-28', ...extra });
const finalAccounting = (commandId = 'final') => money('RecordFinalAccounting', commandId, { year: 2025, used: 600000, remaining: 400000, effectiveFrom: '2026-03-12' });
const settlement = money('SettleRemainder', 'settle', { shares: [{ party: 'kommunforbundet-kalmar-lan', amount: 200000 }, { party: 'region-kalmar-lan', amount: 200000 }], effectiveFrom: '2026-03-12' });
const invoice = money('InvoiceSettlement', 'invoice', { invoice: 'kfkl-2025', issuer: 'kommunforbundet-kalmar-lan', payer: 'region-kalmar-lan', amount: 200000, reference: 'F-2026-17', effectiveFrom: '2026-03-20' });

describe('Finance over HTTP', () => {
  let t: TestApp;
  const post = (body: unknown) => request(t.server).post('/commands').set('Authorization', t.auth.finance).send(body as object);
  const get = (path: string) => request(t.server).get(path);
  const head = () => t.ledger.store.headPosition();

  beforeEach(async () => {
    t = await startTestApp();
    await post([...PARTIES, grantCommand()]).expect(201);
  });
  afterEach(async () => {
    await t.close();
  });

  it('records a grant year end to end: allocation, final accounting, settlement, invoice, payment; reads the balance', async () => {
    await post([allocation('programme-a', 300000), allocation('clinic', { unknown: 'no cost in the protocol' }), finalAccounting(), settlement, invoice]).expect(201);
    await post(money('RecordInvoicePayment', 'pay', { invoice: 'kfkl-2025', amount: 200000, effectiveFrom: '2026-04-30' })).expect(201);

    const list = await get('/grants').expect(200);
    expect(list.body).toEqual([expect.objectContaining({ slug: GRANT, year: 2025, received: 1000000, holder: expect.objectContaining({ slug: 'region-kalmar-lan' }) })]);

    const b = (await get(`/grants/${GRANT}/balance?at=2026-12-31`).expect(200)).body;
    expect(b.received).toMatchObject({ amount: 1000000, reason: null });
    expect(b.allocated).toEqual({ amount: null, reason: 'no cost in the protocol', knownPart: 300000, events: expect.any(Array), uncertain: false });
    expect(b.remaining).toMatchObject({ amount: 400000, basis: 'final-accounting' });
    expect(b.settledByParty.map((s: { party: { slug: string }; figure: { amount: number } }) => [s.party.slug, s.figure.amount])).toEqual([
      ['kommunforbundet-kalmar-lan', 200000],
      ['region-kalmar-lan', 200000],
    ]);
    expect([b.invoiced.amount, b.paid.amount, b.outstanding.amount]).toEqual([200000, 200000, 0]);

    const before = (await get(`/grants/${GRANT}/balance?at=2026-04-29`).expect(200)).body;
    expect(before.outstanding.amount).toBe(200000);

    const r = (await get(`/grants/${GRANT}/reconciliation?at=2026-12-31`).expect(200)).body;
    expect(r.checks.map((c: { check: string; status: string }) => `${c.check}:${c.status}`)).toEqual([
      'parts-sum-to-total:pass',
      'allocations-within-grant:unknown',
      'final-accounting-adds-up:pass',
      'settlement-sums-to-remaining:pass',
      'settlement-shares-invoiced:pass',
      'invoices-paid-or-outstanding:pass',
      'postings-balance:pass',
      'no-unapplied-corrections:pass',
    ]);
    expect(r.status).toBe('unknown');
  });

  it('takes grant commands from a finance token only', async () => {
    const response = await request(t.server).post('/commands').set('Authorization', t.auth.clerk).send(allocation('by-clerk', 1000)).expect(403);
    expect(response.body.errors).toEqual([{ field: 'type', message: 'AllocateFunds needs the finance role' }]);
    await request(t.server).post('/commands').set('Authorization', t.auth.finance).send({ type: 'AppointMember', data: { group: 'x', person: { name: 'Y' }, effectiveFrom: '2025-01-01' } }).expect(403);
  });

  it('answers as known at a time: before the allocation was recorded, nothing was allocated', async () => {
    const knownBefore = t.clock.now().toISOString();
    t.clock.advance(60_000);
    await post(allocation('programme-a', 300000)).expect(201);
    expect((await get(`/grants/${GRANT}/balance?at=2026-12-31`).expect(200)).body.allocated.amount).toBe(300000);
    expect((await get(`/grants/${GRANT}/balance?at=2026-12-31&knownAt=${knownBefore}`).expect(200)).body.allocated.amount).toBe(0);
  });

  it('exports postings, the balance and the trial balance as CSV, quoted and safe for spreadsheets', async () => {
    await post(allocation('clinic', { unknown: '=HYPERLINK("http://evil","click"), says the clerk' })).expect(201);
    const postings = await get(`/grants/${GRANT}/postings?at=2026-12-31`).set('Accept', 'text/csv').expect(200);
    expect(postings.headers['content-type']).toMatch(/^text\/csv/);
    const lines = postings.text.split('\r\n');
    expect(lines[0]).toBe('position,event_id,event_type,reversal_of,grant,account,party,counterparty,ref,project,side,debit,credit,unknown_reason,effective_date,recorded_at');
    expect(lines).toHaveLength(1 + 4 + 1); // header, 2 lines for the grant, 2 for the allocation, final CRLF
    expect(postings.text).toContain(`"'=HYPERLINK(""http://evil"",""click""), says the clerk"`);
    expect(postings.text).toContain(',stimulans-2025,funds-held,region-kalmar-lan,,,,debit,1000000,,,2025-01-15,');

    const balance = await get(`/grants/${GRANT}/balance?at=2026-12-31`).set('Accept', 'text/csv').expect(200);
    expect(balance.text.split('\r\n')[0]).toBe('grant,at,figure,party,amount,unknown_reason,known_part,uncertain,events');
    expect(balance.text).toContain('stimulans-2025,2026-12-31,received,,1000000,,,false,');

    const trial = await get('/ledger/trial-balance?at=2026-12-31').set('Accept', 'text/csv').expect(200);
    expect(trial.text).toMatch(/\r\nTOTAL,,,,1000000,1000000,,2,balanced\r\n$/);
  });

  it('the trial balance balances and lists accounts per grant and party', async () => {
    await post([allocation('programme-a', 300000), finalAccounting(), settlement, invoice]).expect(201);
    const t1 = (await get('/ledger/trial-balance?at=2026-12-31').expect(200)).body;
    expect(t1.balanced).toBe(true);
    expect(t1.totals.debit).toBe(t1.totals.credit);
    expect(t1.accounts).toContainEqual(expect.objectContaining({ account: 'invoiced-payable', party: expect.objectContaining({ slug: 'region-kalmar-lan' }), credit: 200000, balance: 200000 }));
  });

  it('shows projects on a day with the decision behind each extension', async () => {
    await request(t.server).post('/commands').set('Authorization', t.auth.clerk).send(MEETING_2024_12_13).expect(201);
    await post([
      { type: 'StartProject', data: { name: 'Framtidens hab/rehab är Nära', slug: 'framtidens-hab-rehab-ar-nara', effectiveFrom: 'unknown' }, metadata: { commandId: 'p-start' } },
      {
        type: 'ExtendProject',
        data: { project: 'framtidens-hab-rehab-ar-nara', until: '2026-12-31', effectiveFrom: '2024-12-13', financing: [{ description: 'statsbidrag', grant: GRANT, amount: { unknown: 'not stated' } }] },
        metadata: { commandId: 'p-extend', decidedOn: '2024-12-13', decision: { meeting: 'lansgemensam-ledning-i-samverkan-2024-12-13', item: '8.2' } },
      },
    ]).expect(201);
    const on = (await get('/projects?at=2026-06-01').expect(200)).body;
    expect(on.projects).toEqual([
      expect.objectContaining({
        project: expect.objectContaining({ slug: 'framtidens-hab-rehab-ar-nara' }),
        until: '2026-12-31',
        uncertain: true,
        extensions: [expect.objectContaining({ until: '2026-12-31', decision: { meetingId: expect.any(String), item: '8.2' }, financing: [expect.objectContaining({ grant: expect.objectContaining({ slug: GRANT }) })] })],
      }),
    ]);
    expect((await get('/projects?at=2027-01-01').expect(200)).body.projects).toEqual([]);
  });

  describe('bad input leaves the store unchanged', () => {
    const refused = async (body: unknown, status: number, expected: Record<string, unknown>) => {
      const position = await head();
      const response = await post(body).expect(status);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject(expected);
      expect(await head()).toBe(position);
    };

    it.each([
      ['a negative amount', -1],
      ['a fractional amount', 1424825.5],
      ['"15 865 911" as a string', '15 865 911'],
      ['"15865911" as a string', '15865911'],
      ['an amount beyond exact integers', 2 ** 53],
      ['an unknown without a reason', { unknown: '' }],
      ['an unknown with another key', { unknown: 'x', amount: 1 }],
    ])('refuses %s with 400 naming the field', async (_label, amount) => {
      await refused(allocation('x', amount), 400, { status: 400, errors: [expect.objectContaining({ field: 'data.amount' })] });
    });

    it('refuses "15 865 911" as the received amount of a grant, naming data.received', async () => {
      const bad = grantCommand('15 865 911');
      await refused({ ...bad, data: { ...bad.data, slug: 'other' }, metadata: { commandId: 'g2' } }, 400, { errors: [expect.objectContaining({ field: 'data.received' })] });
    });

    it('refuses a fractional part, naming its index', async () => {
      const bad = grantCommand(1000000, [{ area: 'A', amount: 600000.5 }, { area: 'B', amount: 399999.5 }]);
      await refused({ ...bad, data: { ...bad.data, slug: 'other' }, metadata: { commandId: 'g2' } }, 400, { errors: expect.arrayContaining([expect.objectContaining({ field: 'data.parts[0].amount' })]) });
    });

    it('refuses parts that do not add up with 422', async () => {
      const bad = grantCommand(1000000, [{ area: 'A', amount: 600000 }, { area: 'B', amount: 400001 }]);
      await refused({ ...bad, data: { ...bad.data, slug: 'other' }, metadata: { commandId: 'g2' } }, 422, { rule: 'parts-must-add-up', errors: [{ field: 'data.parts', message: expect.any(String) }] });
    });

    it('refuses a settlement that does not add up, and one of an unknown grant', async () => {
      await post(finalAccounting()).expect(201);
      await refused({ ...settlement, data: { ...settlement.data, shares: [{ party: 'kommunforbundet-kalmar-lan', amount: 200000 }, { party: 'region-kalmar-lan', amount: 199999 }] } }, 422, { rule: 'settlement-must-add-up' });
      await refused({ ...settlement, data: { ...settlement.data, grant: 'no-such-grant' } }, 422, { rule: 'grant-must-exist', errors: [{ field: 'data.grant', message: 'unknown grant' }] });
    });

    it('refuses a second final accounting for the same year, and a double settlement', async () => {
      await post([finalAccounting(), settlement]).expect(201);
      await refused(finalAccounting('final-again'), 422, { rule: 'no-second-final-accounting', errors: [{ field: 'data.year', message: expect.any(String) }] });
      await refused({ ...settlement, metadata: { commandId: 'settle-again' } }, 422, { rule: 'no-double-settlement' });
    });

    it('refuses a share given both as amount and fraction, and an unknown party', async () => {
      await post(finalAccounting()).expect(201);
      await refused({ ...settlement, data: { ...settlement.data, shares: [{ party: 'region-kalmar-lan', amount: 400000, fraction: '1/1' }] } }, 400, { errors: [{ field: 'data.shares[0]', message: expect.any(String) }] });
      await refused({ ...settlement, data: { ...settlement.data, shares: [{ party: 'nobody', amount: 400000 }] } }, 422, { rule: 'party-must-exist', errors: [{ field: 'data.shares[0].party', message: 'unknown party' }] });
    });

    it('answers 404 for an unknown grant and 400 for a bad date on the read side', async () => {
      expect((await get('/grants/no-such-grant/balance').expect(404)).body).toMatchObject({ status: 404, errors: [{ field: 'grant' }] });
      expect((await get(`/grants/${GRANT}/balance?at=2025-02-30`).expect(400)).body).toMatchObject({ errors: [{ field: 'at' }] });
      expect((await get('/ledger/trial-balance?knownAt=yesterday').expect(400)).body).toMatchObject({ errors: [{ field: 'knownAt' }] });
      expect((await get('/projects?at=2025-13-01').expect(400)).body).toMatchObject({ errors: [{ field: 'at' }] });
    });
  });

  it('lists the finance commands with their schemas', async () => {
    const types = (await get('/commands').expect(200)).body.commands.map((c: { type: string }) => c.type);
    expect(types).toEqual(expect.arrayContaining(['RegisterGrant', 'AllocateFunds', 'ForecastUnusedFunds', 'DistributeFundsEarly', 'RecordFinalAccounting', 'SettleRemainder', 'InvoiceSettlement', 'RecordInvoicePayment', 'StartProject', 'ExtendProject', 'EndProject']));
  });
});

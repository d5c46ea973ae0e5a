import type { GrantCommand, ShareInput } from '../../src/commands/grant/grant.commands';
import { grantDecider } from '../../src/commands/grant/grant.decider';
import type { Amount } from '../../src/domain/money';
import type { EventRevoked } from '../../src/events/correction.events';
import type { FinalAccountingRecorded, FundsAllocated, FundsDistributedEarly, GrantRegistered, InvoicePaid, RemainderSettled, SettlementInvoiced } from '../../src/events/grant.events';
import { at, date, deciderSpec } from '../support/decider-spec';

// ---------------------------------------------------------------- the grant's vocabulary

const GRANT = 'grant-2025';
const RKL = 'party-rkl';
const KFKL = 'party-kfkl';
const NYBRO = 'party-nybro';
const unknown = (reason = 'not in the sources'): Amount => ({ unknown: reason });

const PARTS = [
  { area: 'Stöd till genomförande och uppföljning av den nationella strategin', amount: 4000000 },
  { area: 'Samordnade insatser för personer med komplexa behov, fokus samsjuklighet', amount: 4654855 },
  { area: 'Stärkt suicidpreventivt arbete', amount: 7211056 },
];
const TERMS = { grantId: GRANT, slug: 'psykisk-halsa-suicidprevention-2025', name: 'Stimulansmedel 2025', agreement: 'Överenskommelse 2025', year: 2025, holderId: RKL };

const register = (received: Amount = 15865911, parts: { area: string; amount: Amount }[] = PARTS): GrantCommand => ({ type: 'RegisterGrant', data: { ...TERMS, received, parts } });
const registered = (received: Amount = 15865911, parts: { area: string; amount: Amount }[] = PARTS): GrantRegistered => ({ type: 'GrantRegistered', data: { ...TERMS, received, parts } });
const allocate = (allocation: string, amount: Amount): GrantCommand => ({
  type: 'AllocateFunds',
  data: { allocation, purpose: allocation, kind: 'programme', projectId: null, recipientId: null, period: { from: date('2025'), to: date('2025') }, amount },
});
const allocated = (allocation: string, amount: Amount): FundsAllocated => ({
  type: 'FundsAllocated',
  data: { grantId: GRANT, holderId: RKL, allocation, purpose: allocation, kind: 'programme', projectId: null, recipientId: null, period: { from: date('2025'), to: date('2025') }, amount },
});
const distributeEarly = (recipientId: string, amount: Amount): GrantCommand => ({ type: 'DistributeFundsEarly', data: { recipientId, amount } });
const distributedEarly = (recipientId: string, amount: Amount): FundsDistributedEarly => ({ type: 'FundsDistributedEarly', data: { grantId: GRANT, holderId: RKL, recipientId, amount } });
const finalAccounting = (used: Amount, remaining: Amount, year = 2025): GrantCommand => ({ type: 'RecordFinalAccounting', data: { year, used, remaining } });
const finalAccounted = (used: Amount, remaining: Amount): FinalAccountingRecorded => ({ type: 'FinalAccountingRecorded', data: { grantId: GRANT, holderId: RKL, year: 2025, used, remaining } });
const settle = (...shares: ShareInput[]): GrantCommand => ({ type: 'SettleRemainder', data: { shares } });
const settled = (...shares: { partyId: string; amount: Amount; fraction?: string }[]): RemainderSettled => ({
  type: 'RemainderSettled',
  data: { grantId: GRANT, holderId: RKL, shares: shares.map((s) => ({ partyId: s.partyId, amount: s.amount, fraction: s.fraction ?? null })) },
});
const invoice = (key: string, issuerId: string, amount: number, payerId = RKL): GrantCommand => ({ type: 'InvoiceSettlement', data: { invoice: key, issuerId, payerId, amount, reference: null } });
const invoiced = (key: string, issuerId: string, amount: number): SettlementInvoiced => ({ type: 'SettlementInvoiced', data: { grantId: GRANT, holderId: RKL, invoice: key, issuerId, payerId: RKL, amount, reference: null } });
const pay = (key: string, amount: number): GrantCommand => ({ type: 'RecordInvoicePayment', data: { invoice: key, amount } });
const paid = (key: string, amount: number): InvoicePaid => ({ type: 'InvoicePaid', data: { grantId: GRANT, holderId: RKL, invoice: key, payerId: RKL, issuerId: KFKL, amount } });
const revoked = (targetEventId: string, targetType: string): EventRevoked => ({ type: 'EventRevoked', data: { targetEventId, targetType, reason: 'wrong entry' } });

const spec = deciderSpec(grantDecider);
/** The 2025 grant (evt-1), its final accounting with 5 338 232 kr remaining (evt-2). */
const grant = at('2025', registered());
const accounted = at('2026-03-12', finalAccounted(unknown(), 5338232));

// ---------------------------------------------------------------- RegisterGrant

describe('RegisterGrant', () => {
  it('registers a grant whose parts add up to what was received', () => {
    spec.given().when(register()).then([registered()]);
  });

  it('refuses parts that do not add up (one krona short), naming data.parts', () => {
    spec.given().when(register(15865910)).thenThrows('parts-must-add-up', 'data.parts');
  });

  it('accepts an unknown part while the known parts stay within the total', () => {
    const parts = [PARTS[0]!, { area: 'Okänt område', amount: unknown() }];
    spec.given().when(register(15865911, parts)).then([registered(15865911, parts)]);
  });

  it('refuses known parts that exceed the total even when another part is unknown', () => {
    spec.given().when(register(1000, [{ area: 'A', amount: 2000 }, { area: 'B', amount: unknown() }])).thenThrows('parts-must-add-up', 'data.parts');
  });

  it('refuses an unknown total when every part is known (the total is their sum)', () => {
    spec.given().when(register(unknown())).thenThrows('parts-must-add-up', 'data.received');
  });

  it('records an unknown total with no parts (the 2024 grant)', () => {
    spec.given().when(register(unknown('not printed'), [])).then([registered(unknown('not printed'), [])]);
  });

  it('refuses the same area twice and a second registration', () => {
    spec.given().when(register(2, [{ area: 'A', amount: 1 }, { area: 'a', amount: 1 }])).thenThrows('parts-areas-unique', 'data.parts[1].area');
    spec.given(grant).when(register()).thenThrows('grant-exists', 'data.slug');
  });

  it('may register anew after the registration was revoked (a corrected amount is revoke + record anew)', () => {
    spec.given(grant, revoked('evt-1', 'GrantRegistered')).when(register(15865911)).then([registered()]);
  });
});

// ---------------------------------------------------------------- AllocateFunds

describe('AllocateFunds', () => {
  it('allocates to a programme for a period', () => {
    spec.given(grant).when(allocate('suicidprevention-2025', 1424825)).then([allocated('suicidprevention-2025', 1424825)]);
  });

  it('refuses allocations beyond the grant, counting the known part of earlier ones', () => {
    const state = [grant, at('2025-02-28', allocated('a', 15000000)), at('2025-02-28', allocated('b', unknown()))] as const;
    spec.given(...state).when(allocate('c', 865912)).thenThrows('allocations-exceed-grant', 'data.amount');
    spec.given(...state).when(allocate('c', 865911)).then([allocated('c', 865911)]);
  });

  it('refuses an allocation to an unknown grant, a key used twice and a period that ends before it starts', () => {
    spec.given().when(allocate('a', 1)).thenThrows('grant-must-exist', 'data.grant');
    spec.given(grant, allocated('a', 1)).when(allocate('a', 1)).thenThrows('allocation-exists', 'data.allocation');
    const backwards: GrantCommand = { type: 'AllocateFunds', data: { ...(allocate('x', 1).data as object), period: { from: date('2025-06-01'), to: date('2025-05-31') } } as never };
    spec.given(grant).when(backwards).thenThrows('effective-date-order', 'data.periodTo');
  });

  it('forgets a revoked allocation, so its room in the grant is free again', () => {
    spec.given(grant, allocated('a', 15865911), revoked('evt-2', 'FundsAllocated')).when(allocate('b', 15865911)).then([allocated('b', 15865911)]);
  });
});

// ---------------------------------------------------------------- RecordFinalAccounting

describe('RecordFinalAccounting', () => {
  it('records used and remaining that add up with early distributions to what was received', () => {
    spec.given(grant, distributedEarly(NYBRO, 865911)).when(finalAccounting(10000000, 5000000)).then([finalAccounted(10000000, 5000000)]);
  });

  it('refuses figures that do not add up', () => {
    spec.given(grant).when(finalAccounting(10000000, 5000000)).thenThrows('final-accounting-must-add-up', 'data.remaining');
  });

  it('records an unknown used beside a known remaining (the 2025 accounting)', () => {
    spec.given(grant).when(finalAccounting(unknown(), 5338232)).then([finalAccounted(unknown(), 5338232)]);
  });

  it('refuses a second final accounting for the same year, and allows one after the first was revoked', () => {
    spec.given(grant, accounted).when(finalAccounting(unknown(), 5338232)).thenThrows('no-second-final-accounting', 'data.year');
    spec.given(grant, accounted, revoked('evt-2', 'FinalAccountingRecorded')).when(finalAccounting(unknown(), 5338232)).then([finalAccounted(unknown(), 5338232)]);
  });

  it("refuses a year that is not the grant's", () => {
    spec.given(grant).when(finalAccounting(unknown(), 1, 2024)).thenThrows('final-accounting-year', 'data.year');
  });

  it('closes early distributions: after the final accounting what remains is settled', () => {
    spec.given(grant, accounted).when(distributeEarly(NYBRO, 1)).thenThrows('final-accounting-closed', 'data.grant');
  });
});

// ---------------------------------------------------------------- SettleRemainder

describe('SettleRemainder', () => {
  it('settles the remainder in amounts that add up (2 669 116 kr each to KFKL and the region)', () => {
    spec.given(grant, accounted).when(settle({ partyId: KFKL, amount: 2669116 }, { partyId: RKL, amount: 2669116 })).then([settled({ partyId: KFKL, amount: 2669116 }, { partyId: RKL, amount: 2669116 })]);
  });

  it('settles an even split given as fractions, in whole kronor', () => {
    spec.given(grant, accounted).when(settle({ partyId: KFKL, fraction: '1/2' }, { partyId: RKL, fraction: '1/2' })).then([
      settled({ partyId: KFKL, amount: 2669116, fraction: '1/2' }, { partyId: RKL, amount: 2669116, fraction: '1/2' }),
    ]);
  });

  it('refuses shares that do not add up to what remained', () => {
    spec.given(grant, accounted).when(settle({ partyId: KFKL, amount: 2669116 }, { partyId: RKL, amount: 2669115 })).thenThrows('settlement-must-add-up', 'data.shares');
    spec.given(grant, accounted).when(settle({ partyId: KFKL, fraction: '1/2' }, { partyId: RKL, fraction: '1/4' })).thenThrows('settlement-must-add-up', 'data.shares');
  });

  it('refuses a fraction that does not come to whole kronor rather than rounding it', () => {
    spec.given(grant, accounted).when(settle({ partyId: KFKL, fraction: '1/3' }, { partyId: RKL, fraction: '2/3' })).thenThrows('fraction-not-whole-kronor', 'data.shares[0].fraction');
  });

  it('refuses a double settlement, and allows one after the first was revoked', () => {
    const first = settled({ partyId: KFKL, amount: 2669116 }, { partyId: RKL, amount: 2669116 });
    const again = settle({ partyId: KFKL, amount: 5338232 });
    spec.given(grant, accounted, first).when(again).thenThrows('no-double-settlement', 'data.shares');
    spec.given(grant, accounted, first, revoked('evt-3', 'RemainderSettled')).when(again).then([settled({ partyId: KFKL, amount: 5338232 })]);
  });

  it('refuses a settlement of an unknown grant or before the final accounting', () => {
    spec.given().when(settle({ partyId: KFKL, amount: 1 })).thenThrows('grant-must-exist', 'data.grant');
    spec.given(grant).when(settle({ partyId: KFKL, amount: 1 })).thenThrows('settlement-needs-final-accounting', 'data.grant');
  });

  it('with an unknown remainder, accepts known shares but no fractions (the 2024 settlement)', () => {
    const unknownRemainder = at('2025-02-28', finalAccounted(unknown(), unknown()));
    const g = at('2024', registered(unknown(), []));
    spec.given(g, unknownRemainder).when(settle({ partyId: KFKL, amount: 2621147 })).then([settled({ partyId: KFKL, amount: 2621147 })]);
    spec.given(g, unknownRemainder).when(settle({ partyId: KFKL, fraction: '1/2' })).thenThrows('fraction-needs-known-remainder', 'data.shares[0].fraction');
  });

  it('refuses two shares for one party', () => {
    spec.given(grant, accounted).when(settle({ partyId: KFKL, amount: 1 }, { partyId: KFKL, amount: 5338231 })).thenThrows('settlement-parties-unique', 'data.shares[1].party');
  });
});

// ---------------------------------------------------------------- InvoiceSettlement and RecordInvoicePayment

describe('InvoiceSettlement and RecordInvoicePayment', () => {
  const settledEvenly = settled({ partyId: KFKL, amount: 2669116 }, { partyId: RKL, amount: 2669116 });

  it('KFKL invoices the region for its share, then the region pays it in two parts', () => {
    spec.given(grant, accounted, settledEvenly).when(invoice('kfkl-2025', KFKL, 2669116)).then([invoiced('kfkl-2025', KFKL, 2669116)]);
    spec.given(grant, accounted, settledEvenly, invoiced('kfkl-2025', KFKL, 2669116)).when(pay('kfkl-2025', 1000000)).then([paid('kfkl-2025', 1000000)]);
    spec.given(grant, accounted, settledEvenly, invoiced('kfkl-2025', KFKL, 2669116), paid('kfkl-2025', 1000000)).when(pay('kfkl-2025', 1669117)).thenThrows('payment-exceeds-invoice', 'data.amount');
  });

  it('refuses an invoice beyond the share, from a party without a share, to a party that does not hold the grant, or with a key used twice', () => {
    spec.given(grant, accounted, settledEvenly).when(invoice('x', KFKL, 2669117)).thenThrows('invoice-exceeds-share', 'data.amount');
    spec.given(grant, accounted, settledEvenly).when(invoice('x', NYBRO, 1)).thenThrows('issuer-needs-share', 'data.issuer');
    spec.given(grant, accounted, settledEvenly).when(invoice('x', RKL, 1)).thenThrows('issuer-needs-share', 'data.issuer');
    spec.given(grant, accounted, settledEvenly).when(invoice('x', KFKL, 1, NYBRO)).thenThrows('payer-must-hold-grant', 'data.payer');
    spec.given(grant, accounted, settledEvenly, invoiced('x', KFKL, 1)).when(invoice('x', KFKL, 1)).thenThrows('invoice-exists', 'data.invoice');
  });

  it('refuses an invoice before any settlement and a payment of an unknown invoice', () => {
    spec.given(grant, accounted).when(invoice('x', KFKL, 1)).thenThrows('invoice-needs-settlement', 'data.grant');
    spec.given(grant, accounted, settledEvenly).when(pay('nope', 1)).thenThrows('invoice-must-exist', 'data.invoice');
  });

  it('a revoked invoice can no longer be paid', () => {
    spec.given(grant, accounted, settledEvenly, invoiced('x', KFKL, 5), revoked('evt-4', 'SettlementInvoiced')).when(pay('x', 5)).thenThrows('invoice-must-exist', 'data.invoice');
  });
});

describe('ForecastUnusedFunds and DistributeFundsEarly', () => {
  it('records a forecast and an early distribution within the grant (the 2024 forecast of 1 760 585 kr)', () => {
    spec.given(grant).when({ type: 'ForecastUnusedFunds', data: { amount: 1760585 } }).then([{ type: 'UnusedFundsForecast', data: { grantId: GRANT, holderId: RKL, amount: 1760585 } }]);
    spec.given(grant).when(distributeEarly(KFKL, 1760585)).then([distributedEarly(KFKL, 1760585)]);
    spec.given(grant, distributedEarly(KFKL, 15000000)).when(distributeEarly(NYBRO, 865912)).thenThrows('distribution-exceeds-grant', 'data.amount');
    spec.given(grant).when({ type: 'ForecastUnusedFunds', data: { amount: 15865912 } }).thenThrows('forecast-exceeds-grant', 'data.amount');
  });
});

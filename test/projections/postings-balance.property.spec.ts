import fc from 'fast-check';
import { v4 as uuidv4 } from 'uuid';
import type { GrantCommand } from '../../src/commands/grant/grant.commands';
import { decideGrant } from '../../src/commands/grant/grant.decider';
import { evolveGrant, initialGrantState, type GrantState } from '../../src/commands/grant/grant.state';
import { RuleViolation } from '../../src/domain/ledger-errors';
import { isKnown, type Amount } from '../../src/domain/money';
import type { NewEvent } from '../../src/events/event-envelope';
import type { GrantEvent } from '../../src/events/grant.events';
import type { LedgerNewEvent } from '../../src/events/ledger-event';
import { ACCOUNTS } from '../../src/finance/chart-of-accounts';
import { postingsOf } from '../../src/finance/postings-of';
import { openLedger, type Ledger } from '../../src/ledger';
import { financeReaders } from '../../src/queries/finance/finance-readers';
import { FixedClock } from '../support/fixtures';

/**
 * Property: over any sequence of valid money events, revocations included, the trial
 * balance balances, and after a revocation every balance is what it would be had the
 * revoked event never been recorded (in particular, revoking the last entry restores
 * the balances from just before it).
 */
const GRANT = 'grant-under-test';
const HOLDER = 'party-holder';
const OTHER = 'party-other';
const STREAM = `grant-${GRANT}`;

type Op =
  | { kind: 'allocate'; amount: Amount }
  | { kind: 'forecast'; amount: Amount }
  | { kind: 'early'; amount: Amount; toOther: boolean }
  | { kind: 'final'; usedShare: number; unknownUsed: boolean; unknownRemaining: boolean }
  | { kind: 'settle'; share: number; unknownShare: boolean }
  | { kind: 'invoice'; share: number }
  | { kind: 'pay'; share: number }
  | { kind: 'revoke'; pick: number };

const amount = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 5_000_000 }) }, { weight: 1, arbitrary: fc.constant<Amount>({ unknown: 'not in the sources' }) });
const share = fc.integer({ min: 0, max: 100 }).map((n) => n / 100);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('allocate' as const), amount }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('forecast' as const), amount }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('early' as const), amount, toOther: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('final' as const), usedShare: share, unknownUsed: fc.boolean(), unknownRemaining: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('settle' as const), share, unknownShare: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('invoice' as const), share }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('pay' as const), share }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('revoke' as const), pick: fc.nat() }) },
);
const scenario = fc.record({
  received: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 20_000_000 }) }, { weight: 1, arbitrary: fc.constant<Amount>({ unknown: 'total not given' }) }),
  ops: fc.array(op, { minLength: 1, maxLength: 40 }),
});

/** Turns an op into a command that fits the state as well as it can; the decider may still refuse it. */
function commandFor(o: Op, state: GrantState): GrantCommand | null {
  if (state.status !== 'registered') return null;
  const e = state.entries;
  const known = (a: Amount) => (isKnown(a) ? a : null);
  const early = e.earlyDistributions.reduce<number | null>((n, d) => (n === null || known(d.amount) === null ? null : n + (d.amount as number)), 0);
  switch (o.kind) {
    case 'allocate':
      return { type: 'AllocateFunds', data: { allocation: `a-${uuidv4()}`, purpose: 'p', kind: 'programme', projectId: null, recipientId: null, period: { from: { date: '2025', precision: 'year' }, to: { date: '2025', precision: 'year' } }, amount: o.amount } };
    case 'forecast':
      return { type: 'ForecastUnusedFunds', data: { amount: o.amount } };
    case 'early':
      return { type: 'DistributeFundsEarly', data: { recipientId: o.toOther ? OTHER : HOLDER, amount: o.amount } };
    case 'final': {
      const received = known(state.terms.received);
      const available = received !== null && early !== null ? received - early : null;
      const used = available === null || available < 0 ? 0 : Math.floor(available * o.usedShare);
      const remaining = available === null || available < 0 ? 0 : available - used;
      return { type: 'RecordFinalAccounting', data: { year: 2025, used: o.unknownUsed ? { unknown: 'u' } : used, remaining: o.unknownRemaining ? { unknown: 'r' } : remaining } };
    }
    case 'settle': {
      const remaining = e.finalAccountings[0] ? known(e.finalAccountings[0].remaining) : null;
      const other = remaining === null ? Math.floor(o.share * 1000) : Math.floor(remaining * o.share);
      const holder: Amount = o.unknownShare || remaining === null ? { unknown: 's' } : remaining - other;
      return { type: 'SettleRemainder', data: { shares: [{ partyId: OTHER, amount: other }, { partyId: HOLDER, amount: holder }] } };
    }
    case 'invoice': {
      const s = e.settlements[0]?.shares.find((x) => x.partyId === OTHER);
      const due = s && isKnown(s.amount) ? s.amount - e.invoices.reduce((n, i) => n + i.amount, 0) : 0;
      return { type: 'InvoiceSettlement', data: { invoice: `i-${uuidv4()}`, issuerId: OTHER, payerId: HOLDER, amount: Math.floor(due * o.share), reference: null } };
    }
    case 'pay': {
      const open = e.invoices.map((i) => ({ i, left: i.amount - e.payments.filter((p) => p.invoice === i.invoice).reduce((n, p) => n + p.amount, 0) })).find((x) => x.left > 0);
      return open ? { type: 'RecordInvoicePayment', data: { invoice: open.i.invoice, amount: Math.max(1, Math.floor(open.left * o.share)) } } : null;
    }
    case 'revoke':
      return null;
  }
}

function envelope(type: string, data: unknown): NewEvent {
  const commandId = uuidv4();
  return {
    id: uuidv4(),
    type,
    schemaVersion: 1,
    data,
    metadata: { commandId, commandType: 'Property', correlationId: commandId, causationId: commandId, actor: 'test', source: null, decidedOn: null, effectiveFrom: { date: '2025-06-01', precision: 'day' } },
  };
}

/** Balances per grant/account/party, as the trial balance reports them (zero rows left out). */
async function balancesOf(ledger: Ledger): Promise<Record<string, number | null>> {
  const t = financeReaders(ledger).trialBalance.trialBalance({ at: '2026-12-31', knownAt: null });
  expect(t.balanced).toBe(true);
  expect(t.totals.debit).toBe(t.totals.credit);
  return Object.fromEntries(t.accounts.filter((a) => !(a.balance === 0 && a.unknownLines === 0)).map((a) => [`${a.account}|${a.party.id}`, a.balance]));
}

/** The same balances computed from the surviving events alone, by the pure posting rules. */
function balancesWithout(events: readonly GrantEvent[]): Record<string, number | null> {
  const result: Record<string, number | null> = {};
  const unknown = new Set<string>();
  for (const line of events.flatMap(postingsOf)) {
    const key = `${line.account}|${line.partyId}`;
    if (line.amount === null) unknown.add(key);
    else result[key] = (result[key] ?? 0) + (line.side === ACCOUNTS[line.account].normal ? line.amount : -line.amount);
    result[key] ??= 0;
  }
  for (const key of unknown) result[key] = null;
  return Object.fromEntries(Object.entries(result).filter(([k, v]) => !(v === 0 && !unknown.has(k))));
}

describe('postings: a property over random event sequences', () => {
  it('the trial balance always balances, and a revocation restores the balances as if the event had never been', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ received, ops }) => {
        const ledger = await openLedger({ store: 'sqlite', dbPath: ':memory:', eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock: new FixedClock() });
        try {
          let state: GrantState = initialGrantState();
          const live: { id: string; event: GrantEvent }[] = [];
          /** Balances just before the latest entry, while nothing was revoked since. */
          let before: { id: string; balances: Record<string, number | null> } | null = null;
          const append = async (type: string, data: unknown) => {
            const e = envelope(type, data);
            await ledger.store.append([{ stream: STREAM, expectedVersion: 'any', events: [e] }]);
            state = evolveGrant(state, e as LedgerNewEvent);
            return e;
          };
          const parts = isKnown(received) ? [{ area: 'A', amount: Math.floor(received / 3) }, { area: 'B', amount: received - Math.floor(received / 3) }] : [];
          const registration = decideGrant({ type: 'RegisterGrant', data: { grantId: GRANT, slug: 'g', name: 'G', agreement: 'A', year: 2025, holderId: HOLDER, received, parts } }, state)[0]!;
          live.push({ id: (await append(registration.type, registration.data)).id, event: registration });

          for (const o of ops) {
            if (o.kind === 'revoke') {
              // The registration is revoked now and then; mostly a later entry is.
              const target = live.length > 1 && o.pick % 6 !== 0 ? live[1 + (o.pick % (live.length - 1))]! : live[0]!;
              const restoresLast = before !== null && before.id === target.id;
              await append('EventRevoked', { targetEventId: target.id, targetType: target.event.type, reason: 'property' });
              live.splice(live.indexOf(target), 1);
              const after = await balancesOf(ledger);
              expect(after).toEqual(balancesWithout(live.map((l) => l.event)));
              if (restoresLast) expect(after).toEqual(before!.balances);
              before = null;
              if (live.length === 0) break;
              continue;
            }
            const command = commandFor(o, state);
            if (!command) continue;
            let decided: GrantEvent[];
            try {
              decided = decideGrant(command, state);
            } catch (error) {
              if (error instanceof RuleViolation) continue; // only valid sequences are recorded
              throw error;
            }
            const snapshot = await balancesOf(ledger);
            for (const event of decided) live.push({ id: (await append(event.type, event.data)).id, event });
            before = { id: live.at(-1)!.id, balances: snapshot };
            expect(await balancesOf(ledger)).toEqual(balancesWithout(live.map((l) => l.event)));
          }
        } finally {
          await ledger.close();
        }
      }),
      { numRuns: 200 },
    );
  });
});

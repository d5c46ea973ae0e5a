import { formatKronor } from '../../src/domain/money';
import type { GenerationContext, HistoryKind, Meeting, Topic } from './history-kind';
import type { BodySim, GrantSim } from './world';

const GRANT_AREAS = [
  'Stöd till genomförande och uppföljning av den nationella strategin',
  'Samordnade insatser för personer med komplexa behov, fokus samsjuklighet',
  'Stärkt suicidpreventivt arbete',
  'Främjande och förebyggande insatser för barn och unga',
  'Kompetensutveckling inom psykiatri och socialtjänst',
];
const ALLOCATION_KINDS = ['programme', 'project', 'activity'] as const;
const LAST_ALLOCATION_MONTH = 10;

/**
 * Stimulansmedel, as in Kalmar's grants of 2024 and 2025: every body receives a yearly grant
 * whose parts by area add up, registered at its first meeting of the year. During the year
 * the leadership allocates parts of it; in October it may forecast what will go unused and
 * pass that to the county association early. At the first meeting of the next year come the
 * final accounting (used + remaining + early = received), the settlement of the remainder
 * between the association and the holder (amounts or halves), the association's invoice for
 * its share, and at later meetings its payment, sometimes in two parts. Amounts are whole
 * kronor; now and then a part's figure is not given. The commands need the finance role.
 */
export const grantsHistory: HistoryKind = {
  name: 'grants',
  meeting(body, meeting, ctx) {
    const { rng } = ctx;
    const month = Number(meeting.day.slice(5, 7));
    if (meeting.firstOfYear) {
      for (const grant of body.grants) if (!grant.accounted && grant.year < meeting.year) closeYear(body, grant, meeting, ctx);
      register(body, meeting, ctx);
    } else {
      const current = body.grants.find((g) => g.year === meeting.year);
      if (current && month <= LAST_ALLOCATION_MONTH && current.allocations < 4 && current.received - current.allocated > 10_000 && rng.chance(0.3)) allocate(body, current, meeting, ctx);
      if (current && month === LAST_ALLOCATION_MONTH && rng.chance(0.6)) forecast(body, current, meeting, ctx);
      for (const grant of body.grants) if (grant.invoice && grant.invoice.paid < grant.invoice.amount && rng.chance(0.5)) pay(grant, meeting, ctx);
    }
    // A grant whose year is accounted for and whose invoice is paid has no entries to come.
    const done = body.grants.filter((g) => g.accounted && (!g.invoice || g.invoice.paid === g.invoice.amount));
    for (const grant of done) body.grants.splice(body.grants.indexOf(grant), 1);
  },
};

const holderName = (body: BodySim) => (body.kind === 'region' ? `Region ${body.place}` : `${body.place} kommun`);
const association = (body: BodySim) => body.countyParties[0]!;
const topic = (grant: GrantSim, stage: string, kind: Topic['kind'], title: string, says: string): Topic => ({ key: `grant:${grant.slug}:${stage}`, kind, title, says });

function register(body: BodySim, meeting: Meeting, ctx: GenerationContext): void {
  const { rng } = ctx;
  const year = meeting.year;
  const received = body.kind === 'region' ? rng.between(8_000_000, 20_000_000) : rng.between(400_000, 3_000_000);
  const areas = shuffled(GRANT_AREAS, ctx).slice(0, rng.between(2, 4));
  const weights = areas.map(() => 1 + rng.int(4));
  const sum = weights.reduce((a, b) => a + b, 0);
  const amounts = weights.map((w) => Math.floor((received * w) / sum));
  amounts[amounts.length - 1]! += received - amounts.reduce((a, b) => a + b, 0);
  const unknownPart = rng.chance(0.05) ? rng.int(areas.length) : -1;
  const grant: GrantSim = { slug: `stimulansmedel-${year}-${body.partySlug}`, year, received, allocated: 0, allocations: 0, early: 0, forecast: false, accounted: false, invoice: null };
  ctx.emit(
    'RegisterGrant',
    {
      name: `Stimulansmedel ${year}, psykisk hälsa och suicidprevention, ${holderName(body)}`,
      slug: grant.slug,
      agreement: `Överenskommelse om insatser inom området psykisk hälsa och suicidprevention ${year}`,
      year,
      holder: body.partySlug,
      received,
      parts: areas.map((area, i) => ({ area, amount: i === unknownPart ? { unknown: 'the protocol gives the total but not this area' } : amounts[i]! })),
      effectiveFrom: String(year),
    },
    topic(grant, 'received', 'information', `Stimulansmedel ${year} - Information`, `För ${year} har ${holderName(body)} erhållit ${formatKronor(received)} i stimulansmedel.`),
  );
  body.grants.push(grant);
}

function allocate(body: BodySim, grant: GrantSim, meeting: Meeting, ctx: GenerationContext): void {
  const { rng } = ctx;
  const amount = Math.max(1, Math.round(((grant.received - grant.allocated) * rng.between(15, 45)) / 100));
  grant.allocations += 1;
  grant.allocated += amount;
  const purpose = `${rng.pick(GRANT_AREAS)}: insats ${grant.allocations} ${body.place} ${grant.year}`;
  ctx.emit(
    'AllocateFunds',
    {
      grant: grant.slug,
      allocation: `insats-${grant.year}-${grant.allocations}`,
      purpose,
      kind: rng.pick(ALLOCATION_KINDS),
      ...(rng.chance(0.6) && { recipient: rng.pick(body.countyParties) }),
      periodFrom: String(grant.year),
      periodTo: String(grant.year),
      amount,
      effectiveFrom: meeting.day,
    },
    topic(grant, 'allocation', 'decision', `Fördelning av stimulansmedel ${grant.year} - Beslut`, `Ledningsgruppen beslutar att avsätta ${formatKronor(amount)} till ${purpose}.`),
  );
}

function forecast(body: BodySim, grant: GrantSim, meeting: Meeting, ctx: GenerationContext): void {
  const { rng } = ctx;
  const unused = Math.round(((grant.received - grant.allocated) * rng.between(50, 100)) / 100);
  const says = (text: string) => topic(grant, 'forecast', 'decision', `Prognos för stimulansmedel ${grant.year} - Beslut`, text);
  grant.forecast = true;
  ctx.emit('ForecastUnusedFunds', { grant: grant.slug, amount: unused, effectiveFrom: meeting.day }, says(`Ledningsgruppen beslutar om prognosen att ${formatKronor(unused)} blir outnyttjade.`));
  if (unused === 0 || !rng.chance(0.5)) return;
  grant.early = unused;
  ctx.emit('DistributeFundsEarly', { grant: grant.slug, recipient: association(body), amount: unused, effectiveFrom: meeting.day }, says(`De outnyttjade medlen tillfaller kommunerna i tidigt skede.`));
}

/** Final accounting, settlement and the association's invoice, at the first meeting after the grant's year. */
function closeYear(body: BodySim, grant: GrantSim, meeting: Meeting, ctx: GenerationContext): void {
  const { rng } = ctx;
  const used = Math.round((grant.allocated * rng.between(75, 100)) / 100);
  const remaining = grant.received - used - grant.early;
  const says = (text: string) => topic(grant, 'final', 'information', `Slutredovisning ${grant.year} - Information`, text);
  grant.accounted = true;
  ctx.emit('RecordFinalAccounting', { grant: grant.slug, year: grant.year, used, remaining, effectiveFrom: meeting.day }, says(`Av ${formatKronor(grant.received)} har ${formatKronor(used)} använts och ${formatKronor(remaining)} återstår.`));
  if (remaining === 0) return;
  const halves = remaining % 2 === 0 && rng.chance(0.3);
  const share = halves ? remaining / 2 : Math.round((remaining * rng.between(30, 70)) / 100);
  const shares = halves
    ? [{ party: association(body), fraction: '1/2' }, { party: body.partySlug, fraction: '1/2' }]
    : [{ party: association(body), amount: share }, { party: body.partySlug, amount: remaining - share }];
  ctx.emit('SettleRemainder', { grant: grant.slug, shares, effectiveFrom: meeting.day }, says(`${formatKronor(share)} av de kvarvarande medlen tillfaller kommunerna.`));
  if (share === 0) return;
  grant.invoice = { key: `kvarvarande-medel-${grant.year}`, amount: share, paid: 0 };
  ctx.emit(
    'InvoiceSettlement',
    { grant: grant.slug, invoice: grant.invoice.key, issuer: association(body), payer: body.partySlug, amount: share, reference: `F${meeting.year}-${rng.between(1000, 9999)}`, effectiveFrom: meeting.day },
    says(`Kommunförbundet fakturerar ${holderName(body)} denna summa.`),
  );
}

function pay(grant: GrantSim, meeting: Meeting, ctx: GenerationContext): void {
  const invoice = grant.invoice!;
  const outstanding = invoice.amount - invoice.paid;
  const amount = outstanding > 1 && ctx.rng.chance(0.25) ? Math.floor(outstanding / 2) : outstanding;
  invoice.paid += amount;
  ctx.emit(
    'RecordInvoicePayment',
    { grant: grant.slug, invoice: invoice.key, amount, effectiveFrom: meeting.day },
    topic(grant, 'payment', 'information', `Betalning av slutavräkning ${grant.year} - Information`, `${formatKronor(amount)} av fakturan är betald.`),
  );
}

function shuffled<T>(items: readonly T[], ctx: GenerationContext): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = ctx.rng.int(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

import 'reflect-metadata';
import Database from 'better-sqlite3';
import { generateHistory, type GeneratedCommand } from '../../bench/generator/generate-history';
import { importWriters, splitByRole } from '../../bench/support/import-writers';
import { SettableClock } from '../../bench/support/settable-clock';
import { openLedger, type Ledger } from '../../src/ledger';
import { GetGrantReconciliationHandler, GetGrantReconciliationQuery } from '../../src/queries/finance/grant-reconciliation.query';
import { tempDir } from '../support/fixtures';

/** Everything the generator makes within a few years, with two bodies and seed 1. */
const EVERY_TYPE = [
  'RegisterParty', 'EstablishGroup', 'AppointMember', 'ReplaceMember', 'EndMembership', 'AppointChair', 'RecordAffiliation',
  'RecordMeeting', 'RecordAttendance', 'SignOffMeeting', 'AmendAgendaItem', 'RecordRatification', 'RecordDeferredDecision',
  'RegisterGrant', 'AllocateFunds', 'ForecastUnusedFunds', 'DistributeFundsEarly', 'RecordFinalAccounting', 'SettleRemainder', 'InvoiceSettlement', 'RecordInvoicePayment',
  'RevokeEvent', 'CorrectEvent',
];
/** What corrections.history.ts aims at; a wrong event index would hit something else (or be refused). */
const CORRECTED_TYPES = ['MemberAppointed', 'MemberReplaced', 'ChairAppointed', 'AffiliationRecorded', 'MeetingRecorded', 'AgendaItemAdded', 'AttendanceRecorded'];

/** The generated history of 2016–2018 for two bodies, imported as the bench imports it: a clerk and a finance officer, batches of 500. */
async function importYears(ledger: Ledger, clock: SettableClock, untilYear: number): Promise<{ commands: GeneratedCommand[]; types: Map<string, number> }> {
  const writers = importWriters(ledger.tokens, 'test import');
  const { commands } = generateHistory({ seed: 1, bodies: 2 });
  const all: GeneratedCommand[] = [];
  const types = new Map<string, number>();
  for (let done = false; !done; ) {
    const batch: GeneratedCommand[] = [];
    while (batch.length < 500) {
      const next = commands.next().value;
      if (next.command.metadata.decidedOn! >= `${untilYear}`) {
        done = true;
        break;
      }
      batch.push(next);
    }
    for (const part of splitByRole(batch.map((b) => b.command))) {
      clock.set(batch[0]!.at);
      // Any refusal throws: the whole history must be accepted.
      const result = await ledger.writer.execute(part.commands, writers[part.role]);
      for (const outcome of result.commands) {
        expect(outcome.status).toBe('applied');
        types.set(outcome.type, (types.get(outcome.type) ?? 0) + 1);
      }
    }
    all.push(...batch);
  }
  return { commands: all, types };
}

describe('the generated history, imported through the real writer', () => {
  const tmp = tempDir('ledger-bench-history-');
  const dbPath = tmp.file('ledger.db');
  const clock = new SettableClock();
  let ledger: Ledger;
  let imported: Awaited<ReturnType<typeof importYears>>;

  beforeAll(async () => {
    ledger = await openLedger({ store: 'sqlite', dbPath, eventStoreConnectionString: null, readModelWaitMs: 0 }, { clock });
    imported = await importYears(ledger, clock, 2019);
  }, 60_000);
  afterAll(async () => {
    await ledger.close();
    tmp.cleanup();
  });

  it('is accepted in full, command by command, and holds every kind of command', () => {
    expect([...imported.types.keys()].sort()).toEqual([...EVERY_TYPE].sort());
    expect([...imported.types.values()].reduce((a, b) => a + b, 0)).toBe(imported.commands.length);
  });

  it('writes as a clerk and a finance officer with real tokens, never as the all-powerful system', () => {
    const db = new Database(dbPath, { readonly: true });
    const actors = db.prepare<[], { actor: string; n: number }>("SELECT json_extract(metadata, '$.actor') AS actor, COUNT(*) AS n FROM events GROUP BY actor ORDER BY actor").all();
    db.close();
    expect(actors.map((a) => a.actor)).toEqual(['clerk:test import clerk', 'finance:test import finance']);
  });

  it('cites a recorded meeting and one of its items in every decision taken at a meeting', () => {
    const atMeetings = imported.commands.filter((c) => c.command.metadata.source?.document.startsWith('Protokoll'));
    const citing = atMeetings.filter((c) => c.command.metadata.decision);
    expect(citing.length).toBeGreaterThan(atMeetings.length / 2);
    const db = new Database(dbPath, { readonly: true });
    const items = new Set(db.prepare<[], { k: string }>("SELECT m.slug || ' ' || i.number AS k FROM rm_agenda_items i JOIN rm_meetings m ON m.meeting_id = i.meeting_id").all().map((r) => r.k));
    db.close();
    for (const c of citing) expect(items).toContain(`${c.command.metadata.decision!.meeting} ${c.command.metadata.decision!.item}`);
    // Go-live loads the organisation: no meeting decided it.
    expect(imported.commands.filter((c) => c.command.metadata.source?.document.startsWith('Inläsning')).every((c) => !c.command.metadata.decision)).toBe(true);
  });

  it('aims every correction at the event it means (derived ids), about half a percent of the log', () => {
    const db = new Database(dbPath, { readonly: true });
    const corrections = db.prepare<[], { data: string; target: string }>(
      "SELECT c.data AS data, t.data AS target FROM events c JOIN events t ON t.id = json_extract(c.data, '$.targetEventId') WHERE c.type IN ('EventRevoked', 'EventCorrected')",
    ).all();
    const events = (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    db.close();
    expect(corrections).toHaveLength((imported.types.get('RevokeEvent') ?? 0) + (imported.types.get('CorrectEvent') ?? 0));
    expect(corrections.length / events).toBeGreaterThan(0.002);
    expect(corrections.length / events).toBeLessThan(0.01);
    for (const { data, target } of corrections) {
      const correction = JSON.parse(data) as { targetType: string; correctedData?: { title?: string } };
      expect(CORRECTED_TYPES).toContain(correction.targetType);
      // A misspelt heading is corrected to itself with an en dash: an item one off would carry another title.
      if (correction.targetType === 'AgendaItemAdded') expect(correction.correctedData!.title).toBe((JSON.parse(target) as { title: string }).title.replace(' - ', ' – '));
    }
  });

  it('records ratifications and deferred decisions at later meetings, dated between the two, and decision status follows them', () => {
    const db = new Database(dbPath, { readonly: true });
    const count = (where: string) => (db.prepare(`SELECT COUNT(*) AS n FROM rm_decisions WHERE known_until IS NULL AND ${where}`).get() as { n: number }).n;
    // Some decisions are ratified by every party named, others still wait for some; some deferred decisions are taken, some still open.
    const statuses = {
      ratified: count("outcome = 'needs-ratification' AND status = 'ratified'"),
      awaitingRatification: count("outcome = 'needs-ratification' AND status = 'pending' AND waiting_for LIKE '%\"ratification\"%'"),
      deferredDecided: count("outcome = 'deferred' AND status = 'decided' AND later_decision IS NOT NULL"),
      deferredOpen: count("outcome = 'deferred' AND status = 'pending'"),
    };
    db.close();
    expect(Object.values(statuses).every((n) => n > 0)).toBe(true);
    // Known only after it happened: sent with a later meeting's protocol, dated after the meeting it follows up on (its slug ends in its date).
    const followUps = imported.commands.filter((c) => c.command.type === 'RecordRatification' || c.command.type === 'RecordDeferredDecision');
    expect(followUps.length).toBeGreaterThan(10);
    const misdated = followUps.filter(({ at, command: { data } }) => {
      const day = String(data.ratifiedOn ?? data.decidedOn);
      return !(day >= String(data.meeting).slice(-10) && day < at.toISOString().slice(0, 10));
    });
    expect(misdated).toEqual([]);
  });

  it('keeps every grant reconciled: parts, allocations, final accounting, settlement and invoices add up', async () => {
    const db = new Database(dbPath, { readonly: true });
    const grants = db.prepare<[], { slug: string }>('SELECT slug FROM rm_grants').all();
    db.close();
    expect(grants.length).toBeGreaterThanOrEqual(6);
    const handler = new GetGrantReconciliationHandler(ledger);
    for (const { slug } of grants) {
      const reconciliation = await handler.execute(new GetGrantReconciliationQuery(slug, '2018-12-31'));
      expect({ slug, failed: reconciliation.checks.filter((c) => c.status === 'fail').map((c) => `${c.check}: ${c.detail}`) }).toEqual({ slug, failed: [] });
    }
  });
});

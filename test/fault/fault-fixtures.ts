import Database from 'better-sqlite3';
import { loadConfig } from '../../src/config/ledger-config';
import { openLedger, type Ledger } from '../../src/ledger';
import { ALL_PROJECTIONS } from '../../src/projections/all-projections';
import { ProjectionEngine } from '../../src/projections/projection-engine';

/** Opens the ledger on a file the way the server does (catching up its read models). */
export function open(db: string): Promise<Ledger> {
  return openLedger(loadConfig({ LEDGER_DB: db, LEDGER_SEED: 'off' }));
}

/** A clerk token made the way an admin would, before the server starts. */
export async function clerkToken(db: string, name = 'fault clerk'): Promise<string> {
  const ledger = await open(db);
  try {
    return ledger.tokens.create('clerk', name).token;
  } finally {
    await ledger.close();
  }
}

/** One batch: a working group and `size` new members, all or nothing (1 + 2·size events). */
export function batch(n: number, size = 5): unknown[] {
  const group = `fault-group-${n}`;
  return [
    { type: 'EstablishGroup', data: { name: `Fault group ${n}`, slug: group, kind: 'working-group', effectiveFrom: '2025-01-01' }, metadata: { commandId: `fault-${n}-group` } },
    ...Array.from({ length: size }, (_, i) => ({
      type: 'AppointMember',
      data: { group, person: { name: `Person ${n} ${i}` }, effectiveFrom: '2025-02-01' },
      metadata: { commandId: `fault-${n}-member-${i}` },
    })),
  ];
}

export const eventsPerBatch = (size = 5) => 1 + 2 * size;

/** Every read-model table's rows in a fixed order, as text: equal dumps mean equal read models. */
export function dumpReadModels(db: Database.Database): Record<string, string[]> {
  const dump: Record<string, string[]> = {};
  for (const table of ALL_PROJECTIONS.flatMap((p) => p.tables)) {
    const rows = db.prepare(`SELECT * FROM "${table.replace(/"/g, '')}"`).all() as Record<string, unknown>[];
    dump[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return dump;
}

/** Read models rebuilt from nothing but the log of `ledger`, in a fresh in-memory database. */
export async function rebuiltFromLog(ledger: Ledger): Promise<Record<string, string[]>> {
  const fresh = new Database(':memory:');
  try {
    const engine = new ProjectionEngine(fresh, ALL_PROJECTIONS);
    engine.prepare();
    const readPage = (after: number, limit: number) => ledger.store.readAll({ after, limit });
    await engine.buildPending(readPage, await ledger.store.headPosition());
    await engine.catchUp(readPage);
    return dumpReadModels(fresh);
  } finally {
    fresh.close();
  }
}

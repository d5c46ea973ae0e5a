import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Ledger } from '../ledger';

/** The Kalmar dataset shipped with the product: command files transcribed from the protocols. */
export const KALMAR_DATA_DIR = resolve(__dirname, '..', '..', 'data', 'kalmar');

export interface ImportReport {
  readonly files: number;
  readonly commands: number;
  readonly applied: number;
  readonly repeated: number;
  readonly events: number;
}

/** Command files in a directory (by name order) or one file; each file is one all-or-nothing batch. */
export function commandFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(path, f));
}

export async function importCommands(ledger: Ledger, path: string, actor: string): Promise<ImportReport> {
  const report = { files: 0, commands: 0, applied: 0, repeated: 0, events: 0 };
  for (const file of commandFiles(path)) {
    let body: unknown;
    try {
      body = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    const batch = Array.isArray(body) ? body : [body];
    const result = await ledger.writer.execute(batch, actor).catch((error: unknown) => {
      throw Object.assign(error as Error, { message: `${file}: ${(error as Error).message}` });
    });
    report.files += 1;
    report.commands += result.commands.length;
    report.applied += result.commands.filter((c) => c.status === 'applied').length;
    report.repeated += result.commands.filter((c) => c.status === 'repeated').length;
    report.events += result.commands.filter((c) => c.status === 'applied').reduce((n, c) => n + c.events.length, 0);
  }
  return report;
}

/** On first start with an empty store, import the Kalmar dataset. */
export async function seedIfEmpty(ledger: Ledger): Promise<ImportReport | null> {
  if ((await ledger.store.headPosition()) > 0) return null;
  return importCommands(ledger, KALMAR_DATA_DIR, 'seed:kalmar');
}

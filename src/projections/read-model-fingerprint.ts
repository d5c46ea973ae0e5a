import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalJson } from '../audit/canonical-json';

/**
 * A read-model table's contents as one hash, so a rebuild can prove it produced the same
 * model: every row as canonical JSON (column name → value), rows sorted by all their
 * columns in table order (SQLite's ORDER BY 1, 2, …), one row per line, sha256 over the
 * lines joined by "\n". Row order in the file (rowid) does not matter; contents do.
 */
export interface TableFingerprint {
  readonly table: string;
  readonly rows: number;
  readonly hash: string;
  readonly lines: readonly string[];
}

/** `qualified` may name a schema: "main.rm_groups", "shadow.rm_groups". */
export function fingerprintTable(db: Database.Database, qualified: string, table = qualified.split('.').pop()!): TableFingerprint {
  const [schema, name] = qualified.includes('.') ? (qualified.split('.') as [string, string]) : ['main', qualified];
  const columns = db.prepare<[], { name: string }>(`PRAGMA ${schema}.table_info(${name})`).all();
  if (columns.length === 0) return { table, rows: 0, hash: createHash('sha256').digest('hex'), lines: [] };
  const order = columns.map((_, i) => i + 1).join(', ');
  const lines = db
    .prepare<[], Record<string, unknown>>(`SELECT * FROM ${schema}.${name} ORDER BY ${order}`)
    .all()
    .map((row) => canonicalJson(row));
  return { table, rows: lines.length, hash: createHash('sha256').update(lines.join('\n'), 'utf8').digest('hex'), lines };
}

/** Rows (as canonical JSON lines) in `a` and not in `b`, counting duplicates. */
export function rowsOnlyIn(a: readonly string[], b: readonly string[]): string[] {
  const remaining = new Map<string, number>();
  for (const line of b) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  const only: string[] = [];
  for (const line of a) {
    const n = remaining.get(line) ?? 0;
    if (n > 0) remaining.set(line, n - 1);
    else only.push(line);
  }
  return only;
}

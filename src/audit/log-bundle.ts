import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { AuditRecord } from '../event-store/event-store.port';
import { verifyChains, type VerifyReport } from './chain-verifier';
import { checkDigest, makeDigest, type DigestCheck, type LogDigest } from './log-digest';

/**
 * An export of the whole log that can be verified without the database: JSON lines,
 *   line 1:   { "format": "decision-ledger-export/1", "exportedAt", "store", "position" }
 *   then:     one audit record per line: { "position", "ref", "defect", "event", "link" },
 *             the event as stored with the hash and previous hash recorded at append
 *   last:     { "trailer": true, "records": n, "digest": <LogDigest> }
 * On its own a bundle proves it is intact and internally consistent (every chain
 * recomputes, the trailer's digest matches). Whoever holds a bundle could rewrite all of
 * it; checking it against a digest kept elsewhere (`verify --bundle f --digest d`) closes that.
 */
export const BUNDLE_FORMAT = 'decision-ledger-export/1';

export async function writeBundle(path: string, records: readonly AuditRecord[], meta: { exportedAt: string; store: string }): Promise<LogDigest> {
  const digest = makeDigest(records, meta.exportedAt);
  const out = createWriteStream(path, { encoding: 'utf8', flags: 'wx' });
  const write = async (value: unknown) => {
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
  };
  await write({ format: BUNDLE_FORMAT, exportedAt: meta.exportedAt, store: meta.store, position: digest.position });
  for (const r of records) await write({ position: r.position, ref: r.ref, defect: r.defect, event: r.event, link: r.link });
  await write({ trailer: true, records: records.length, digest });
  out.end();
  await once(out, 'finish');
  return digest;
}

export interface BundleCheck {
  readonly ok: boolean;
  readonly records: number;
  readonly chains: VerifyReport;
  /** The trailer's digest against the bundle's own events. */
  readonly trailer: DigestCheck | null;
  /** What is wrong with the file itself (format, truncation); empty when nothing. */
  readonly fileProblems: readonly string[];
}

export function readBundleRecords(path: string): { records: AuditRecord[]; trailerDigest: LogDigest | null; fileProblems: string[] } {
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const fileProblems: string[] = [];
  const records: AuditRecord[] = [];
  let trailer: { records?: unknown; digest?: LogDigest } | null = null;
  lines.forEach((line, i) => {
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line) as Record<string, unknown>;
    } catch {
      fileProblems.push(`line ${i + 1} is not valid JSON`);
      return;
    }
    if (i === 0) {
      if (value.format !== BUNDLE_FORMAT) fileProblems.push(`line 1 is not a ${BUNDLE_FORMAT} header`);
      return;
    }
    if (value.trailer === true) {
      if (i !== lines.length - 1) fileProblems.push(`line ${i + 1} is a trailer but not the last line`);
      trailer = value;
      return;
    }
    if (typeof value.position !== 'number') {
      fileProblems.push(`line ${i + 1} is not an audit record (no position)`);
      return;
    }
    records.push(value as unknown as AuditRecord);
  });
  const t = trailer as { records?: unknown; digest?: LogDigest } | null;
  if (!t) fileProblems.push('the trailer line is missing: the file was cut short');
  else if (t.records !== records.length) fileProblems.push(`the trailer counts ${String(t.records)} records, the file holds ${records.length}`);
  return { records, trailerDigest: t?.digest ?? null, fileProblems };
}

export function verifyBundle(path: string): BundleCheck {
  const { records, trailerDigest, fileProblems } = readBundleRecords(path);
  const chains = verifyChains(records);
  const trailer = trailerDigest ? checkDigest(records, trailerDigest) : null;
  const trailerOk = trailer !== null && trailer.ok && trailer.appendedSince === 0;
  return { ok: fileProblems.length === 0 && chains.ok && trailerOk, records: records.length, chains, trailer, fileProblems };
}

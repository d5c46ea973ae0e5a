import { ACCOUNTS, type Account } from '../../finance/chart-of-accounts';

/** A posting line as read back, with its valid and transaction time. */
export interface PostingRow {
  readonly event_id: string;
  readonly line_no: number;
  readonly position: number;
  readonly event_type: string;
  readonly origin_event_id: string;
  readonly origin_type: string;
  readonly reversal_of: string | null;
  readonly grant_id: string;
  readonly account: Account;
  readonly party_id: string;
  readonly counterparty_id: string | null;
  readonly side: 'debit' | 'credit';
  readonly amount: number | null;
  readonly unknown_reason: string | null;
  readonly ref: string | null;
  readonly project_id: string | null;
  readonly effective_date: string | null;
  readonly effective_precision: string;
  readonly effective_lo: string;
  readonly effective_hi: string;
  readonly known_from: string;
}

/**
 * One figure of an answer. `amount` is null when any part of it is unknown, with the
 * reasons; `knownPart` then gives what its known entries come to: neither the total nor a
 * bound on it (an unknown entry may add or subtract), just the known part shown apart.
 * `events` are the ids of the events whose postings make it up. `uncertain` is true when
 * an imprecise entry date ("2025") leaves open whether an entry had happened by `at`.
 */
export interface Figure {
  readonly amount: number | null;
  readonly reason: string | null;
  readonly knownPart?: number;
  readonly events: readonly string[];
  readonly uncertain: boolean;
}

/** Lines visible at one `at` and `knownAt`, with the set of events whose revocation is visible too. */
export class LineSet {
  readonly reversed: ReadonlySet<string>;
  constructor(
    readonly lines: readonly PostingRow[],
    readonly at: string,
    reversed?: ReadonlySet<string>,
  ) {
    this.reversed = reversed ?? new Set(lines.filter((l) => l.reversal_of !== null).map((l) => l.reversal_of as string));
  }

  /** A subset of the lines that still knows which events were revoked. */
  where(predicate: (line: PostingRow) => boolean): LineSet {
    return new LineSet(this.lines.filter(predicate), this.at, this.reversed);
  }

  /** An unknown line counts until a visible revocation reverses it; reversing lines of unknowns add nothing. */
  isOpenUnknown(line: PostingRow): boolean {
    return line.amount === null && line.reversal_of === null && !this.reversed.has(line.event_id);
  }

  /** The balance on the account's normal side (or on `side`), known or null with reasons. */
  figure(side?: 'debit' | 'credit'): Figure {
    let known = 0;
    const reasons: string[] = [];
    for (const line of this.lines) {
      const normal = side ?? ACCOUNTS[line.account].normal;
      if (line.amount !== null) known += line.side === normal ? line.amount : -line.amount;
      else if (this.isOpenUnknown(line)) reasons.push(line.unknown_reason ?? 'unknown');
    }
    return figure(known, reasons, this.lines.map((l) => l.event_id), this.lines.some((l) => l.effective_hi > this.at));
  }
}

export function figure(known: number, reasons: readonly string[], events: readonly string[], uncertain = false): Figure {
  const unique = [...new Set(reasons)];
  return {
    amount: unique.length === 0 ? known : null,
    reason: unique.length === 0 ? null : unique.join('; '),
    ...(unique.length > 0 && { knownPart: known }),
    events: [...new Set(events)],
    uncertain,
  };
}

/** a + b − c …: unknown if any term is. */
export function combine(terms: readonly { figure: Figure; sign: 1 | -1 }[]): Figure {
  let known = 0;
  const reasons: string[] = [];
  for (const { figure: f, sign } of terms) {
    known += sign * (f.amount ?? f.knownPart ?? 0);
    if (f.reason) reasons.push(f.reason);
  }
  return figure(
    known,
    reasons,
    terms.flatMap((t) => t.figure.events),
    terms.some((t) => t.figure.uncertain),
  );
}

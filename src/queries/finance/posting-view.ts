import type { NamedRef } from '../directory.reader';
import type { LineSet } from './figure';

/** A posting line as the API shows it: slugs instead of ids, debit or credit in its column. */
export interface PostingLineView {
  readonly position: number;
  readonly event: string;
  readonly eventType: string;
  readonly reversalOf: string | null;
  readonly grant: string;
  readonly account: string;
  readonly party: string;
  readonly counterparty: string | null;
  readonly ref: string | null;
  readonly project: string | null;
  readonly side: 'debit' | 'credit';
  readonly debit: number | null;
  readonly credit: number | null;
  /** Set on a line whose amount the sources do not give (then debit and credit are both null). */
  readonly unknownReason: string | null;
  readonly effectiveDate: string | null;
  readonly recordedAt: string;
}

export function postingViews(lines: LineSet, grantSlugs: ReadonlyMap<string, string>, parties: ReadonlyMap<string, NamedRef>, projectSlugs: ReadonlyMap<string, string>): PostingLineView[] {
  const slug = (id: string | null) => (id === null ? null : (parties.get(id)?.slug ?? id));
  return lines.lines.map((l) => ({
    position: l.position,
    event: l.event_id,
    eventType: l.event_type,
    reversalOf: l.reversal_of,
    grant: grantSlugs.get(l.grant_id) ?? l.grant_id,
    account: l.account,
    party: slug(l.party_id) as string,
    counterparty: slug(l.counterparty_id),
    ref: l.ref,
    project: l.project_id === null ? null : (projectSlugs.get(l.project_id) ?? l.project_id),
    side: l.side,
    debit: l.side === 'debit' ? l.amount : null,
    credit: l.side === 'credit' ? l.amount : null,
    unknownReason: l.unknown_reason,
    effectiveDate: l.effective_date,
    recordedAt: l.known_from,
  }));
}

import type { LedgerNewEvent } from './ledger-event';

/** An event as currently believed, with the ids of the corrections that made it so. */
export type Effective<E extends LedgerNewEvent = LedgerNewEvent> = E & { readonly correctedBy: readonly string[] };

export const CORRECTION_TYPES: readonly string[] = ['EventRevoked', 'EventCorrected'];

export function isCorrection(event: { readonly type: string }): boolean {
  return CORRECTION_TYPES.includes(event.type);
}

/**
 * A stream (or any run of events) as it is believed after its corrections: revoked events
 * are left out, corrected ones carry their corrected data and valid time (the correction's
 * own metadata.effectiveFrom), and the corrections themselves are consumed. The latest
 * correction of an event wins. Deciders fold this; projections rebuild their rows from it.
 */
export function applyCorrections<E extends LedgerNewEvent>(events: readonly E[]): Effective<E>[] {
  const revoked = new Set<string>();
  const corrected = new Map<string, { data: unknown; effectiveFrom: E['metadata']['effectiveFrom']; ids: string[] }>();
  for (const e of events) {
    if (e.type === 'EventRevoked') revoked.add(e.data.targetEventId);
    if (e.type === 'EventCorrected') {
      const previous = corrected.get(e.data.targetEventId);
      corrected.set(e.data.targetEventId, { data: e.data.correctedData, effectiveFrom: e.metadata.effectiveFrom, ids: [...(previous?.ids ?? []), e.id] });
    }
  }
  const result: Effective<E>[] = [];
  for (const e of events) {
    if (isCorrection(e) || revoked.has(e.id)) continue;
    const correction = corrected.get(e.id);
    if (!correction) {
      result.push({ ...e, correctedBy: [] });
      continue;
    }
    result.push({ ...e, data: correction.data, metadata: { ...e.metadata, effectiveFrom: correction.effectiveFrom }, correctedBy: correction.ids } as unknown as Effective<E>);
  }
  return result;
}

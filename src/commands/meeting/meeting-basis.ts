import { basisOf, type Basis, type BasisMetadata } from '../../domain/basis';
import type { SourceRef } from '../../events/event-envelope';

/** The basis of each detail of a meeting as recorded; null where the detail is not recorded at all. */
export interface MeetingBasis {
  readonly date: Basis;
  readonly place: Basis | null;
  readonly form: Basis | null;
  readonly chair: Basis | null;
  readonly registryNumber: Basis | null;
}

export function meetingBasisOf(meta: BasisMetadata, given: { place: unknown; form: unknown; chairId: unknown; registryNumber: unknown }): MeetingBasis {
  const of = (field: string, value: unknown) => (value === null || value === undefined ? null : basisOf(meta, field));
  return {
    date: basisOf(meta, 'date'),
    place: of('place', given.place),
    form: of('form', given.form),
    chair: of('chair', given.chairId),
    registryNumber: of('registryNumber', given.registryNumber),
  };
}

/**
 * An agenda item is what its protocol prints under that number (and what any attached
 * source reports for it): stated there, unless the command claims its items are inferred.
 */
export function itemBasisOf(meta: BasisMetadata, number: string, sources: readonly SourceRef[]): Basis {
  const claim = meta.fieldBasis?.['items'] ?? meta.fieldBasis?.['item'] ?? meta.basis;
  if (claim?.kind === 'inferred') return basisOf(meta, meta.fieldBasis?.['items'] ? 'items' : 'item');
  const documents = sources.filter((s): s is SourceRef & { document: string } => typeof s.document === 'string');
  if (documents.length === 0) return basisOf(meta, 'items');
  return { kind: 'stated', sources: documents.map((s) => ({ document: s.document, item: number })) };
}

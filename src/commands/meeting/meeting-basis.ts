import { basisOf, documentBasisOf, type Basis, type BasisMetadata } from '../../domain/basis';

/** The heading under which the protocols list the members present. */
export const ATTENDANCE_LIST = 'Närvarande ledamöter';
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
  // The date and registry number are printed on the protocol itself; place, form and chair may be read from elsewhere (the note says).
  return {
    date: documentBasisOf(meta, undefined, 'date'),
    place: of('place', given.place),
    form: of('form', given.form),
    chair: of('chair', given.chairId),
    registryNumber: given.registryNumber === null || given.registryNumber === undefined ? null : documentBasisOf(meta, undefined, 'registryNumber'),
  };
}

/** An attendance list is printed in the protocol: stated there, unless the command claims otherwise. */
export function attendanceBasisOf(meta: BasisMetadata): Basis {
  return documentBasisOf(meta, ATTENDANCE_LIST);
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

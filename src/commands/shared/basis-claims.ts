import type { BasisClaim } from '../../domain/basis';
import type { FieldProblem } from '../../domain/ledger-errors';
import type { BasisClaimDto, CommandMetadataDto } from './command-metadata.dto';

/** The claims as the event stores them: only the keys given, so an event without claims is stored as before. */
function claimOf({ kind, quote, reasoning, item, attestedOn }: BasisClaimDto): BasisClaim {
  return {
    kind,
    ...(quote !== undefined && { quote }),
    ...(reasoning !== undefined && { reasoning }),
    ...(item !== undefined && { item }),
    ...(attestedOn !== undefined && { attestedOn: [...attestedOn].sort() }),
  };
}

export function basisMetadataOf(meta: Pick<CommandMetadataDto, 'basis' | 'fieldBasis'>): { basis?: BasisClaim; fieldBasis?: Record<string, BasisClaim> } {
  return {
    ...(meta.basis && { basis: claimOf(meta.basis) }),
    ...(meta.fieldBasis && { fieldBasis: Object.fromEntries(meta.fieldBasis.map((f) => [f.field, claimOf(f)])) }),
  };
}

/** What the DTO cannot check alone: an inference needs its reasoning, a field claim a field of data, once. */
export function basisProblems(meta: CommandMetadataDto, data: Record<string, unknown>, prefix: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const needsReason = (c: BasisClaimDto) => c.kind === 'inferred' && !c.reasoning && !meta.source?.note;
  if (meta.basis && needsReason(meta.basis)) problems.push({ field: `${prefix}metadata.basis.reasoning`, message: 'is required for an inferred basis (or give metadata.source.note)' });
  const seen = new Set<string>();
  (meta.fieldBasis ?? []).forEach((f, i) => {
    if (!(f.field in data)) problems.push({ field: `${prefix}metadata.fieldBasis[${i}].field`, message: `must name a field given in data ("${f.field}" is not)` });
    if (seen.has(f.field)) problems.push({ field: `${prefix}metadata.fieldBasis[${i}].field`, message: `names "${f.field}" twice` });
    seen.add(f.field);
    if (needsReason(f)) problems.push({ field: `${prefix}metadata.fieldBasis[${i}].reasoning`, message: 'is required for an inferred basis (or give metadata.source.note)' });
  });
  return problems;
}

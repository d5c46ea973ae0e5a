import type { NamedRef } from './directory.reader';

export interface Names {
  readonly persons: Map<string, NamedRef>;
  readonly groups: Map<string, NamedRef>;
  readonly parties: Map<string, NamedRef>;
}

/** The ids an effect's data names, so their names can be looked up at once. */
export function idsNamedBy(data: Record<string, unknown>): { persons: string[]; groups: string[]; parties: string[] } {
  const d = data as Record<string, any>;
  const persons = [d.personId, d.outgoing?.personId, d.incoming?.personId].filter((x): x is string => typeof x === 'string');
  const parties = [d.representingId, d.incoming?.representingId, d.organisationId].filter((x): x is string => typeof x === 'string');
  const groups = [d.groupId].filter((x): x is string => typeof x === 'string');
  return { persons, groups, parties };
}

/** A readable line for an event a decision produced: "Katarina Nilsson Ederam replaces Karin Jilkén in Samordnande grupp Äldre". */
export function summariseEffect(type: string, data: Record<string, unknown>, effectiveFrom: string | null, names: Names): string {
  const d = data as Record<string, any>;
  const person = (id: unknown) => names.persons.get(id as string)?.name ?? 'an unknown person';
  const group = (id: unknown) => names.groups.get(id as string)?.name ?? 'an unknown group';
  const party = (id: unknown) => names.parties.get(id as string)?.name ?? null;
  const from = effectiveFrom ? ` from ${effectiveFrom}` : '';
  switch (type) {
    case 'MemberReplaced':
      return `${person(d.incoming?.personId)} replaces ${person(d.outgoing?.personId)} in ${group(d.groupId)}${from}`;
    case 'MemberAppointed': {
      const seat = [d.field, party(d.representingId)].filter(Boolean).join(', ');
      return `${person(d.personId)} joins ${group(d.groupId)}${seat ? ` (${seat})` : ''}${from}`;
    }
    case 'MembershipEnded':
      return `${person(d.personId)} leaves ${group(d.groupId)}${from}`;
    case 'ChairAppointed':
      return `${person(d.personId)} becomes ${d.role === 'chair' ? 'chair' : 'vice chair'} of ${group(d.groupId)}${from}`;
    case 'AffiliationRecorded':
      return `${person(d.personId)}: ${[d.title, d.unit, party(d.organisationId)].filter(Boolean).join(', ')}${from}`;
    case 'PersonRegistered':
      return `${d.name} is registered in the ledger`;
    case 'GroupEstablished':
      return `${d.name} is established${from}`;
    case 'EventRevoked':
      return `revokes ${d.targetType} ${d.targetEventId}`;
    case 'EventCorrected':
      return `corrects ${d.targetType} ${d.targetEventId}`;
    default: {
      const label = typeof d.name === 'string' ? `: ${d.name}` : '';
      return `${type}${label}${from}`;
    }
  }
}

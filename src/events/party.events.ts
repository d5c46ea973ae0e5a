/** Events of a party's stream (`party-<id>`): municipalities, the region, KFKL and others. */

export type PartyKind = 'municipality' | 'region' | 'association' | 'authority' | 'other';
export const PARTY_KINDS: readonly PartyKind[] = ['municipality', 'region', 'association', 'authority', 'other'];

export interface PartyRegistered {
  readonly type: 'PartyRegistered';
  readonly data: {
    readonly partyId: string;
    readonly slug: string;
    readonly name: string;
    readonly kind: PartyKind;
    /** Other spellings the sources use ("Oskarhamns kommun"), as slugs. */
    readonly aliases: readonly string[];
  };
}

export type PartyEvent = PartyRegistered;

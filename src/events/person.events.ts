/** Events of a person's stream (`person-<id>`). */

export interface PersonRegistered {
  readonly type: 'PersonRegistered';
  readonly data: {
    readonly personId: string;
    readonly slug: string;
    readonly name: string;
  };
}

/** A person's title and employer as of metadata.effectiveFrom, until the next one. */
export interface AffiliationRecorded {
  readonly type: 'AffiliationRecorded';
  readonly data: {
    readonly personId: string;
    readonly organisationId: string;
    /** A part of the organisation, when the source names one ("Primärvårdsförvaltningen"). */
    readonly unit: string | null;
    readonly title: string | null;
  };
}

export type PersonEvent = PersonRegistered | AffiliationRecorded;

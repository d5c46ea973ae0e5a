import type { EffectiveDate } from '../domain/effective-date';
import type { SourceRef } from './event-envelope';

/**
 * Events of a meeting's stream (`meeting-<id>`): the protocol as recorded, item by item,
 * its attendance and its sign-off (justering). After sign-off the stream takes corrections only.
 * Data never carries `groupId` (that key marks group-stream events); the body is `bodyId`.
 */

export type MeetingForm = 'in-person' | 'digital' | 'hybrid' | 'per-capsulam';
export const MEETING_FORMS: readonly MeetingForm[] = ['in-person', 'digital', 'hybrid', 'per-capsulam'];

export type AgendaItemKind = 'information' | 'decision';
export const AGENDA_ITEM_KINDS: readonly AgendaItemKind[] = ['information', 'decision'];

/** decided at the meeting; deferred to a later procedure ("beslutas via mejl"); or taken, but complete only once named parties ratify. */
export type DecisionOutcome = 'decided' | 'deferred' | 'needs-ratification';
export const DECISION_OUTCOMES: readonly DecisionOutcome[] = ['decided', 'deferred', 'needs-ratification'];

export interface MeetingRecorded {
  readonly type: 'MeetingRecorded';
  readonly data: {
    readonly meetingId: string;
    readonly slug: string;
    /** The body that met: a group (e.g. Länsgemensam ledning i samverkan). */
    readonly bodyId: string;
    /** The meeting day, "YYYY-MM-DD". */
    readonly date: string;
    readonly place: string | null;
    readonly form: MeetingForm | null;
    /** Diarienummer, an opaque string ("RS DRN 2025/51"). */
    readonly registryNumber: string | null;
    /** Who chaired this meeting (not a chair term: a fact of the meeting). */
    readonly chairId: string | null;
    /** The document title as printed, e.g. "Protokoll Länsgemensam ledning 2025-02-28". */
    readonly title: string | null;
  };
}

export interface Presenter {
  readonly personId: string;
  /** The capacity as printed beside the name ("analytiker Region Kalmar län"). */
  readonly as: string | null;
}

/** Who must still say yes to a decision: a party, or a named forum or group of members. */
export interface Ratifier {
  /** Stable key within the decision: the party's slug, or the slug of the name. */
  readonly key: string;
  readonly partyId: string | null;
  /** The name as the source gives it, for ratifiers that are not parties ("Ledamöter inom skola"). */
  readonly name: string | null;
}

export interface ItemDecision {
  /** The decision text verbatim ("Beslut: …", "… beslutar att …"); null when the meeting did not decide (deferred). */
  readonly text: string | null;
  readonly outcome: DecisionOutcome;
  /** For a deferred decision: how and what is to be decided later. */
  readonly deferral: { readonly procedure: string; readonly subject: string | null } | null;
  /** For a decision that needs ratification: every party that must ratify. */
  readonly ratifiers: readonly Ratifier[];
}

export interface AgendaItemContent {
  /** As numbered in the protocol: "4", or "4.1" for the first point under item 4. */
  readonly number: string;
  readonly kind: AgendaItemKind;
  readonly title: string;
  readonly presenters: readonly Presenter[];
  readonly text: string;
  /** Present exactly when kind is "decision". */
  readonly decision: ItemDecision | null;
  /** Text the protocol prints after the decision (a "Notering" about it); absent when none. */
  readonly afterDecision?: string;
}

export interface AgendaItemAdded {
  readonly type: 'AgendaItemAdded';
  readonly data: AgendaItemContent & { readonly meetingId: string };
}

/** The item's full new content (same number); allowed until sign-off, a correction afterwards. */
export interface AgendaItemAmended {
  readonly type: 'AgendaItemAmended';
  readonly data: AgendaItemContent & { readonly meetingId: string };
}

export type AttendanceRole = 'member' | 'other';

export interface AttendanceEntry {
  readonly personId: string;
  /** "member": Närvarande ledamöter; "other": Övriga medverkande. */
  readonly role: AttendanceRole;
  /** "(tf.)": acting for the member. */
  readonly acting: boolean;
  /** The party the member came for, or the organisation another participant came from. */
  readonly partyId: string | null;
  /** A capacity printed instead of a party ("Brukarrepresentant"). */
  readonly capacity: string | null;
  /** The name exactly as printed, when it differs from the registered name ("Katrín Karlsson"). */
  readonly printedName: string | null;
}

/** Presence is a fact of the meeting, not a membership. Several events add to the lists. */
export interface AttendanceRecorded {
  readonly type: 'AttendanceRecorded';
  readonly data: { readonly meetingId: string; readonly entries: readonly AttendanceEntry[] };
}

/** A second source for some of the meeting's items (e.g. a newsletter): more evidence, never more decisions. */
export interface SourceAttached {
  readonly type: 'SourceAttached';
  readonly data: { readonly meetingId: string; readonly source: SourceRef; readonly items: readonly string[] };
}

/** Justering: from now on the meeting's stream accepts corrections only. */
export interface MeetingSignedOff {
  readonly type: 'MeetingSignedOff';
  readonly data: { readonly meetingId: string; readonly signedOn: EffectiveDate; readonly signerIds: readonly string[] };
}

export type MeetingEvent = MeetingRecorded | AgendaItemAdded | AgendaItemAmended | AttendanceRecorded | SourceAttached | MeetingSignedOff;

import type Database from 'better-sqlite3';
import type { Waiting } from '../commands/meeting/decision-status';
import type { FollowUps, Ratification } from '../commands/meeting/meeting.state';
import type { MeetingBasis } from '../commands/meeting/meeting-basis';
import type { Basis } from '../domain/basis';
import { idOfRef } from '../domain/identity';
import type { SourceRef } from '../events/event-envelope';
import type { ItemDecision, Presenter, Ratifier } from '../events/meeting.events';
import type { DirectoryReader, NamedRef } from './directory.reader';
import { idsNamedBy, summariseEffect } from './effect-summary';
import { KNOWN_AT_SQL } from './temporal-params';

export interface MeetingSummary {
  readonly id: string;
  readonly slug: string;
  readonly body: NamedRef | null;
  readonly date: string;
  readonly place: string | null;
  readonly form: string | null;
  readonly registryNumber: string | null;
  readonly title: string | null;
  /** "recorded", or "signed-off" after justering. */
  readonly status: string;
  /** The basis of date, place, form, chair, registry number and sign-off (null where not recorded). */
  readonly basis: MeetingBasis & { readonly signOff: Basis | null };
  readonly events: readonly string[];
}

export interface EffectView {
  readonly event: string;
  readonly type: string;
  readonly stream: string;
  readonly summary: string;
  readonly effectiveFrom: string | null;
  /** The event and any corrections of it. */
  readonly events: readonly string[];
  /** Stated by the decision it cites. */
  readonly basis: Basis;
}

export interface RatifierView {
  readonly key: string;
  readonly name: string;
  readonly party: NamedRef | null;
}

export interface DecisionView {
  readonly item: string;
  readonly title: string;
  readonly text: string | null;
  readonly outcome: string;
  readonly status: string;
  readonly deferral: ItemDecision['deferral'];
  readonly ratifiers: readonly RatifierView[];
  readonly ratifications: readonly (Omit<Ratification, 'ratifier'> & { ratifier: RatifierView })[];
  readonly laterDecision: FollowUps['laterDecision'];
  readonly waitingFor: readonly (Waiting | (Omit<Extract<Waiting, { kind: 'ratification' }>, 'ratifier'> & { ratifier: RatifierView }))[];
  readonly effects: readonly EffectView[];
  /** Stated by the protocol at the item: the decision is what the protocol prints under it. */
  readonly basis: Basis;
  readonly events: readonly string[];
}

export interface ItemView {
  readonly number: string;
  readonly kind: string;
  readonly title: string;
  readonly presenters: readonly { readonly person: NamedRef; readonly as: string | null }[];
  readonly text: string;
  readonly decision: DecisionView | null;
  /** What the protocol prints after the decision ("Notering: … ovan beslut …"); empty when nothing. */
  readonly afterDecision: string;
  /** Every event citing this item in metadata.decision: what it made so. */
  readonly effects: readonly EffectView[];
  readonly sources: readonly SourceRef[];
  readonly basis: Basis;
  readonly events: readonly string[];
}

export interface AttendeeView {
  readonly person: NamedRef;
  /** The name as the protocol prints it. */
  readonly name: string;
  readonly acting: boolean;
  readonly party: NamedRef | null;
  readonly capacity: string | null;
  readonly basis: Basis;
  readonly events: readonly string[];
}

export interface MeetingDetail extends MeetingSummary {
  readonly knownAt: string | null;
  readonly chair: NamedRef | null;
  readonly signOff: { readonly signedOn: string | null; readonly precision: string; readonly signers: readonly NamedRef[] } | null;
  readonly sources: readonly (SourceRef & { readonly items?: readonly string[] })[];
  readonly items: readonly ItemView[];
  readonly decisions: readonly DecisionView[];
  readonly attendance: { readonly present: readonly AttendeeView[]; readonly others: readonly AttendeeView[] };
}

export interface MeetingFilter {
  readonly body?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
  readonly knownAt: string | null;
}

interface MeetingRow {
  meeting_id: string;
  slug: string;
  body_id: string;
  date: string;
  place: string | null;
  form: string | null;
  registry_number: string | null;
  chair_id: string | null;
  title: string | null;
  status: string;
  signed_on: string | null;
  signed_on_precision: string | null;
  signer_ids: string;
  source: string;
  attached_sources: string;
  basis: string;
  events: string;
}

export interface DecisionRow {
  meeting_id: string;
  item: string;
  meeting_date: string;
  body_id: string;
  title: string;
  outcome: string;
  text: string | null;
  deferral: string | null;
  ratifiers: string;
  ratifications: string;
  later_decision: string | null;
  status: string;
  waiting_for: string;
  events: string;
}

const UNKNOWN_PERSON = (id: string): NamedRef => ({ id, slug: '', name: '(unknown person)' });

/** Meetings, their protocols and decisions, as the ledger knew them at `knownAt`. */
export class MeetingReader {
  constructor(
    private readonly db: Database.Database,
    private readonly directory: DirectoryReader,
  ) {}

  list(filter: MeetingFilter): MeetingSummary[] {
    const bodyId = filter.body ? (this.directory.group(filter.body, null)?.id ?? idOfRef('group', filter.body)) : null;
    const rows = this.db
      .prepare<{ knownAt: string | null; bodyId: string | null; from: string | null; to: string | null }, MeetingRow>(
        `SELECT * FROM rm_meetings WHERE ${KNOWN_AT_SQL}
         AND (@bodyId IS NULL OR body_id = @bodyId) AND (@from IS NULL OR date >= @from) AND (@to IS NULL OR date <= @to) ORDER BY date, slug`,
      )
      .all({ knownAt: filter.knownAt, bodyId, from: filter.from ?? null, to: filter.to ?? null });
    const bodies = this.directory.groups(rows.map((r) => r.body_id));
    return rows.map((r) => this.summary(r, bodies));
  }

  meetingRow(ref: string, knownAt: string | null): MeetingRow | null {
    return this.db.prepare<{ id: string; knownAt: string | null }, MeetingRow>(`SELECT * FROM rm_meetings WHERE meeting_id = @id AND ${KNOWN_AT_SQL}`).get({ id: idOfRef('meeting', ref), knownAt }) ?? null;
  }

  detail(ref: string, knownAt: string | null): MeetingDetail | null {
    const row = this.meetingRow(ref, knownAt);
    if (!row) return null;
    const params = { id: row.meeting_id, knownAt };
    const items = this.db
      .prepare<typeof params, { number: string; kind: string; title: string; presenters: string; text: string; decision: string | null; after_decision: string | null; events: string; sources: string; basis: string }>(
        `SELECT * FROM rm_agenda_items WHERE meeting_id = @id AND ${KNOWN_AT_SQL} ORDER BY sort_key`,
      )
      .all(params);
    const attendance = this.db
      .prepare<typeof params, { person_id: string; role: string; acting: number; party_id: string | null; capacity: string | null; printed_name: string | null; events: string; basis: string }>(
        `SELECT * FROM rm_attendance WHERE meeting_id = @id AND ${KNOWN_AT_SQL} ORDER BY seq`,
      )
      .all(params);
    const decisionRows = this.db.prepare<typeof params, DecisionRow>(`SELECT * FROM rm_decisions WHERE meeting_id = @id AND ${KNOWN_AT_SQL} ORDER BY sort_key`).all(params);
    const effects = this.effects(row.meeting_id, knownAt);

    const presenters = items.map((i) => JSON.parse(i.presenters) as Presenter[]);
    const signerIds = JSON.parse(row.signer_ids) as string[];
    const persons = this.directory.persons([...presenters.flat().map((p) => p.personId), ...attendance.map((a) => a.person_id), ...signerIds, ...(row.chair_id ? [row.chair_id] : [])]);
    const parties = this.directory.parties(attendance.map((a) => a.party_id).filter((x): x is string => x !== null));
    const bodies = this.directory.groups([row.body_id]);
    const decisions = this.decisionViews(decisionRows, effects, knownAt);
    const byItem = new Map(decisions.map((d) => [d.item, d]));
    const attendee = (a: (typeof attendance)[number]): AttendeeView => {
      const person = persons.get(a.person_id) ?? UNKNOWN_PERSON(a.person_id);
      return { person, name: a.printed_name ?? person.name, acting: a.acting === 1, party: a.party_id ? (parties.get(a.party_id) ?? null) : null, capacity: a.capacity, basis: JSON.parse(a.basis) as Basis, events: JSON.parse(a.events) as string[] };
    };
    const attached = JSON.parse(row.attached_sources) as { source: SourceRef; items: string[] }[];
    const protocol = JSON.parse(row.source) as SourceRef | null;
    return {
      ...this.summary(row, bodies),
      knownAt,
      chair: row.chair_id ? (persons.get(row.chair_id) ?? UNKNOWN_PERSON(row.chair_id)) : null,
      signOff: row.status === 'signed-off' ? { signedOn: row.signed_on, precision: row.signed_on_precision ?? 'unknown', signers: signerIds.map((id) => persons.get(id) ?? UNKNOWN_PERSON(id)) } : null,
      sources: [...(protocol ? [protocol] : []), ...attached.map((a) => ({ ...a.source, items: a.items }))],
      items: items.map((i, n) => ({
        number: i.number,
        kind: i.kind,
        title: i.title,
        presenters: presenters[n]!.map((p) => ({ person: persons.get(p.personId) ?? UNKNOWN_PERSON(p.personId), as: p.as })),
        text: i.text,
        decision: byItem.get(i.number) ?? null,
        afterDecision: i.after_decision ?? '',
        effects: effects.get(i.number) ?? [],
        sources: JSON.parse(i.sources) as SourceRef[],
        basis: JSON.parse(i.basis) as Basis,
        events: JSON.parse(i.events) as string[],
      })),
      decisions,
      attendance: { present: attendance.filter((a) => a.role === 'member').map(attendee), others: attendance.filter((a) => a.role === 'other').map(attendee) },
    };
  }

  /** Decision rows as views: ratifiers named, effects attached. */
  decisionViews(rows: readonly DecisionRow[], effects: Map<string, EffectView[]>, knownAt: string | null): DecisionView[] {
    const documents = new Map<string, string>();
    const documentOf = (meetingId: string) => {
      if (!documents.has(meetingId)) documents.set(meetingId, this.documentOf(meetingId, knownAt));
      return documents.get(meetingId)!;
    };
    const allRatifiers = rows.flatMap((r) => JSON.parse(r.ratifiers) as Ratifier[]);
    const parties = this.directory.parties(allRatifiers.map((r) => r.partyId).filter((x): x is string => x !== null));
    return rows.map((r) => {
      const ratifiers = (JSON.parse(r.ratifiers) as Ratifier[]).map((x): RatifierView => {
        const party = x.partyId ? (parties.get(x.partyId) ?? null) : null;
        return { key: x.key, name: party?.name ?? x.name ?? x.key, party };
      });
      const view = (key: string) => ratifiers.find((x) => x.key === key) ?? { key, name: key, party: null };
      return {
        item: r.item,
        title: r.title,
        text: r.text,
        outcome: r.outcome,
        status: r.status,
        deferral: r.deferral ? (JSON.parse(r.deferral) as ItemDecision['deferral']) : null,
        ratifiers,
        ratifications: (JSON.parse(r.ratifications) as Ratification[]).map((x) => ({ ...x, ratifier: view(x.ratifier) })),
        laterDecision: r.later_decision ? (JSON.parse(r.later_decision) as FollowUps['laterDecision']) : null,
        waitingFor: (JSON.parse(r.waiting_for) as Waiting[]).map((w) => (w.kind === 'ratification' ? { ...w, ratifier: view(w.ratifier) } : w)),
        effects: effects.get(r.item) ?? [],
        basis: { kind: 'stated', sources: [{ document: documentOf(r.meeting_id), item: r.item }] },
        events: JSON.parse(r.events) as string[],
      };
    });
  }

  /** The document a meeting was recorded from (its protocol), for the basis of what it decided. */
  private documentOf(meetingId: string, knownAt: string | null): string {
    const row = this.meetingRow(meetingId, knownAt);
    return row ? ((JSON.parse(row.source) as SourceRef | null)?.document ?? row.title ?? row.slug) : '(protocol not recorded)';
  }

  /** Every event citing an item of the meeting, by item, with a readable summary. */
  effects(meetingId: string, knownAt: string | null): Map<string, EffectView[]> {
    const rows = this.db
      .prepare<{ id: string; knownAt: string | null }, { event_id: string; item: string; stream: string; type: string; data: string; effective_from: string; events: string }>(
        `SELECT * FROM rm_decision_effects WHERE meeting_id = @id AND ${KNOWN_AT_SQL} ORDER BY position`,
      )
      .all({ id: meetingId, knownAt });
    const datas = rows.map((r) => JSON.parse(r.data) as Record<string, unknown>);
    const ids = datas.map((d) => idsNamedBy(d));
    const names = {
      persons: this.directory.persons(ids.flatMap((i) => i.persons)),
      groups: this.directory.groups(ids.flatMap((i) => i.groups)),
      parties: this.directory.parties(ids.flatMap((i) => i.parties)),
    };
    const result = new Map<string, EffectView[]>();
    const document = this.documentOf(meetingId, knownAt);
    rows.forEach((r, n) => {
      const from = JSON.parse(r.effective_from) as { date: string | null } | null;
      const effect: EffectView = {
        event: r.event_id,
        type: r.type,
        stream: r.stream,
        summary: summariseEffect(r.type, datas[n]!, from?.date ?? null, names),
        effectiveFrom: from?.date ?? null,
        events: JSON.parse(r.events) as string[],
        basis: { kind: 'stated', sources: [{ document, item: r.item }] },
      };
      result.set(r.item, [...(result.get(r.item) ?? []), effect]);
    });
    return result;
  }

  private summary(r: MeetingRow, bodies: Map<string, NamedRef>): MeetingSummary {
    return {
      id: r.meeting_id,
      slug: r.slug,
      body: bodies.get(r.body_id) ?? null,
      date: r.date,
      place: r.place,
      form: r.form,
      registryNumber: r.registry_number,
      title: r.title,
      status: r.status,
      basis: JSON.parse(r.basis) as MeetingSummary['basis'],
      events: JSON.parse(r.events) as string[],
    };
  }
}

import { day, kronor } from '../domain/swedish-format';
import type { StoredEvent } from '../events/event-envelope';
import type { AuditEventRow } from './ledger-audit';

/**
 * "What changed between K1 and K2": each event recorded in the window as the fact it
 * states, in Swedish, with the part of the record it changed; a correction or revocation
 * also as the fact it replaced and, field by field, what it changed.
 */
export interface ChangedFact {
  readonly position: number;
  readonly id: string;
  readonly type: string;
  readonly stream: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly commandId: string;
  /** The part of the record the event changed. */
  readonly area: ChangeArea;
  /** The fact as the event states it, e.g. "Katarina Nilsson Ederam ersätter Karin Jilkén i Samordnande grupp Äldre från 2025-03-01". */
  readonly fact: string;
  /** Valid time of the fact, from the event's metadata. */
  readonly effectiveFrom: string | null;
  /** What a correction or revocation changed; absent for other events. */
  readonly correction?: CorrectionChange;
}

export interface CorrectionChange {
  readonly targetEventId: string;
  readonly targetType: string;
  readonly reason: string | null;
  /** When the corrected event was recorded; null when it is not in the stream (a refused correction cannot name one, so only a damaged log). */
  readonly targetRecordedAt: string | null;
  /** The fact before: as the target event stated it. */
  readonly before: string | null;
  /** The fact after; null for a revocation (the fact no longer holds). */
  readonly after: string | null;
  /** Each leaf that differs between the target's data and the corrected data (JSON paths). */
  readonly fields: readonly FieldChange[];
}

export interface FieldChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

export type ChangeArea = 'grupper' | 'personer' | 'organisationer' | 'möten' | 'beslut' | 'ekonomi' | 'projekt' | 'övrigt';

/** Names of what events refer to by id; null when the ledger does not know the id. */
export interface FactNames {
  person(id: string): string | null;
  group(id: string): string | null;
  party(id: string): string | null;
  meeting(id: string): string | null;
  grant(id: string): string | null;
  project(id: string): string | null;
}

const AREA_BY_STREAM: Record<string, ChangeArea> = {
  group: 'grupper',
  person: 'personer',
  party: 'organisationer',
  meeting: 'möten',
  decision: 'beslut',
  grant: 'ekonomi',
  project: 'projekt',
};

export function areaOf(stream: string): ChangeArea {
  return AREA_BY_STREAM[stream.slice(0, stream.indexOf('-'))] ?? 'övrigt';
}

/** One event of the window as a changed fact; `target` is the event a correction or revocation names, from its stream. */
export function describeChange(event: AuditEventRow, target: StoredEvent | null, names: FactNames): ChangedFact {
  const effectiveFrom = event.metadata.effectiveFrom?.date ?? null;
  const base = {
    position: event.position,
    id: event.id,
    type: event.type,
    stream: event.stream,
    recordedAt: event.recordedAt,
    actor: event.actor,
    commandId: event.commandId,
    area: areaOf(event.stream),
    effectiveFrom,
  };
  if (event.type !== 'EventRevoked' && event.type !== 'EventCorrected') {
    return { ...base, fact: factOf(event.type, event.data, effectiveFrom, names) };
  }
  const d = event.data as { targetEventId: string; targetType: string; reason?: unknown; correctedData?: unknown };
  const before = target ? factOf(target.type, target.data, target.metadata.effectiveFrom?.date ?? null, names) : null;
  const after = event.type === 'EventCorrected' ? factOf(d.targetType, d.correctedData, effectiveFrom, names) : null;
  const reason = typeof d.reason === 'string' ? d.reason : null;
  const correction: CorrectionChange = {
    targetEventId: d.targetEventId,
    targetType: d.targetType,
    reason,
    targetRecordedAt: target?.metadata.recordedAt ?? null,
    before,
    after,
    fields: event.type === 'EventCorrected' && target ? fieldChanges(target.data, d.correctedData) : [],
  };
  const what = before ?? `${d.targetType} ${d.targetEventId}`;
  const fact = event.type === 'EventRevoked' ? `Återkallar: ${what}` : after === before ? `Rättar: ${what}` : `Rättar: ${what} → ${after}`;
  return { ...base, fact: reason ? `${fact} (skäl: ${reason})` : fact, correction };
}

/** Every leaf where `before` and `after` differ, by JSON path ("incoming.title", "parts[1].amount"). */
export function fieldChanges(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => fieldChanges(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    return Array.from({ length: Math.max(before.length, after.length) }, (_, i) => fieldChanges(before[i], after[i], `${path}[${i}]`)).flat();
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: path || '(värdet)', before: before ?? null, after: after ?? null }];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ROLE: Record<string, string> = { chair: 'ordförande', 'vice-chair': 'vice ordförande' };

/** The fact an event of `type` with `data` states, in Swedish. */
export function factOf(type: string, data: unknown, effectiveFrom: string | null, names: FactNames): string {
  const d = (isObject(data) ? data : {}) as Record<string, any>;
  const person = (id: unknown) => (typeof id === 'string' && names.person(id)) || 'okänd person';
  const group = (id: unknown) => (typeof id === 'string' && names.group(id)) || 'okänd grupp';
  const party = (id: unknown) => (typeof id === 'string' && names.party(id)) || null;
  const meeting = (id: unknown) => (typeof id === 'string' && names.meeting(id)) || 'okänt möte';
  const grant = (id: unknown) => (typeof id === 'string' && names.grant(id)) || 'okänt bidrag';
  const project = (id: unknown) => (typeof id === 'string' && names.project(id)) || 'okänt projekt';
  const from = effectiveFrom ? ` från ${effectiveFrom}` : '';
  const list = (...parts: unknown[]) => parts.filter((p) => typeof p === 'string' && p !== '').join(', ');
  switch (type) {
    case 'GroupEstablished':
      return `Gruppen ${d.name} inrättas${from}`;
    case 'MemberAppointed': {
      const seat = list(d.field, party(d.representingId));
      return `${person(d.personId)} blir ledamot i ${group(d.groupId)}${seat ? ` (${seat})` : ''}${from}`;
    }
    case 'MemberReplaced':
      return `${person(d.incoming?.personId)} ersätter ${person(d.outgoing?.personId)} i ${group(d.groupId)}${from}`;
    case 'MembershipEnded':
      return `${person(d.personId)} lämnar ${group(d.groupId)}${from}`;
    case 'ChairAppointed':
      return `${person(d.personId)} blir ${ROLE[d.role] ?? d.role} i ${group(d.groupId)}${from}`;
    case 'AffiliationRecorded':
      return `${person(d.personId)}: ${list(d.title, d.unit, party(d.organisationId)) || 'anknytning'}${from}`;
    case 'PersonRegistered':
      return `${d.name} förs in i registret`;
    case 'PartyRegistered':
      return `Organisationen ${d.name} förs in i registret`;
    case 'MeetingRecorded':
      return `Mötet ${d.date}${d.title ? ` (${d.title})` : ''} registreras${d.place ? `, plats ${d.place}` : ''}`;
    case 'AgendaItemAdded':
    case 'AgendaItemAmended': {
      const verb = type === 'AgendaItemAdded' ? 'läggs till' : 'ändras';
      const decision = typeof d.decision?.text === 'string' ? `; beslut: ${clip(d.decision.text)}` : '';
      return `Punkt ${d.number} ”${d.title}” ${verb} i ${meeting(d.meetingId)}${decision}`;
    }
    case 'AttendanceRecorded':
      return `Närvaron i ${meeting(d.meetingId)}: ${Array.isArray(d.entries) ? d.entries.length : 0} personer`;
    case 'SourceAttached':
      return `Källan ${d.source?.document ?? 'okänd'} kopplas till ${meeting(d.meetingId)}`;
    case 'MeetingSignedOff':
      return `${meeting(d.meetingId)} justeras ${day(d.signedOn?.date ?? null, d.signedOn?.precision)}`;
    case 'DeferredDecisionRecorded':
      return `Beslut i ${meeting(d.meetingId)} punkt ${d.item} fattat ${d.decidedOn} (${d.procedure}): ${clip(d.text)}`;
    case 'RatificationRecorded':
      return `${d.ratifier} fastställer beslutet i ${meeting(d.meetingId)} punkt ${d.item} ${d.ratifiedOn}`;
    case 'GrantRegistered':
      return `Bidraget ${d.name} (${d.year}) registreras: mottaget ${money(d.received)}`;
    case 'FundsAllocated':
      return `${grant(d.grantId)}: ${money(d.amount)} avsätts till ${d.purpose}`;
    case 'UnusedFundsForecast':
      return `${grant(d.grantId)}: prognos för outnyttjade medel ${money(d.amount)}`;
    case 'FundsDistributedEarly':
      return `${grant(d.grantId)}: ${money(d.amount)} fördelas i förtid till ${party(d.recipientId) ?? 'okänd mottagare'}`;
    case 'FinalAccountingRecorded':
      return `${grant(d.grantId)}: slutredovisning ${d.year}, använt ${money(d.used)}, kvar ${money(d.remaining)}`;
    case 'RemainderSettled':
      return `${grant(d.grantId)}: återstoden fördelas på ${Array.isArray(d.shares) ? d.shares.length : 0} parter`;
    case 'SettlementInvoiced':
      return `${grant(d.grantId)}: faktura ${d.invoice} på ${money(d.amount)} till ${party(d.payerId) ?? 'okänd betalare'}`;
    case 'InvoicePaid':
      return `${grant(d.grantId)}: faktura ${d.invoice} betald, ${money(d.amount)}`;
    case 'ProjectStarted':
      return `Projektet ${d.name} startar${from}`;
    case 'ProjectExtended':
      return `${project(d.projectId)} förlängs till och med ${day(d.until?.date ?? null, d.until?.precision)}`;
    case 'ProjectEnded':
      return `${project(d.projectId)} avslutas ${day(d.lastDay?.date ?? null, d.lastDay?.precision)}`;
    default:
      return `${type}${typeof d.name === 'string' ? `: ${d.name}` : ''}${from}`;
  }
}

function money(amount: unknown): string {
  if (typeof amount === 'number') return kronor(amount);
  if (isObject(amount) && typeof amount.unknown === 'string') return `okänt belopp (${amount.unknown})`;
  return 'okänt belopp';
}

function clip(text: unknown): string {
  const s = typeof text === 'string' ? text : '';
  return s.length > 160 ? `${s.slice(0, 159)}…` : s;
}

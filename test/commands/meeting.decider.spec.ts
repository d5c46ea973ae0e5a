import { foldGroup } from '../../src/commands/group/group.state';
import { decisionFollowUpDecider } from '../../src/commands/meeting/decision-follow-up.decider';
import { decisionStatus } from '../../src/commands/meeting/decision-status';
import type { DecisionFollowUpCommand, MeetingCommand } from '../../src/commands/meeting/meeting.commands';
import { meetingDecider } from '../../src/commands/meeting/meeting.decider';
import { foldMeeting, followUpsOf, type RecordedMeeting } from '../../src/commands/meeting/meeting.state';
import { correctEvent } from '../../src/commands/correct-event/correct-event.decide';
import { revokeEvent } from '../../src/commands/revoke-event/revoke-event.decide';
import { replaceMember } from '../../src/commands/replace-member/replace-member.decide';
import type { DomainEvent, LedgerNewEvent } from '../../src/events/ledger-event';
import type { AgendaItemContent, AttendanceEntry, MeetingEvent } from '../../src/events/meeting.events';
import { RuleViolation } from '../../src/domain/ledger-errors';
import { at, date, deciderSpec, envelope, type Dated } from '../support/decider-spec';

// ---------------------------------------------------------------- vocabulary

const MEETING = 'meeting-2025-05-16';
const SLUG = 'lansgemensam-ledning-i-samverkan-2025-05-16';
const BODY = 'group-lgl';
const SOFIA = 'person-sofia';
const ANNA = 'person-anna';
const KALMAR = 'party-kalmar';
const NYBRO = 'party-nybro';

const info = (number: string, title = `Punkt ${number}`): AgendaItemContent => ({ number, kind: 'information', title, presenters: [], text: 'Text.', decision: null });
const decided = (number: string, text = 'Länsgemensam ledning beslutar att …'): AgendaItemContent => ({
  number,
  kind: 'decision',
  title: `Beslut ${number}`,
  presenters: [],
  text: '',
  decision: { text, outcome: 'decided', deferral: null, ratifiers: [] },
});
const deferred = (number: string): AgendaItemContent => ({
  ...decided(number),
  decision: { text: null, outcome: 'deferred', deferral: { procedure: 'beslutas via mejl', subject: 'Handlingsplanen för samordnande grupp äldre' }, ratifiers: [] },
});
const needsRatification = (number: string): AgendaItemContent => ({
  ...decided(number, 'Ledamöter inom Länsgemensam ledning beslutar att stå bakom dokumentet …'),
  decision: {
    text: 'Ledamöter inom Länsgemensam ledning beslutar att stå bakom dokumentet …',
    outcome: 'needs-ratification',
    deferral: null,
    ratifiers: [
      { key: 'ledamoter-inom-skola', partyId: null, name: 'Ledamöter inom skola' },
      { key: KALMAR, partyId: KALMAR, name: null },
    ],
  },
});

const meetingData = { meetingId: MEETING, slug: SLUG, bodyId: BODY, date: '2025-05-16', place: null, form: 'in-person' as const, registryNumber: null, chairId: SOFIA, title: null };
const recorded = (): MeetingEvent => ({ type: 'MeetingRecorded', data: meetingData });
const added = (item: AgendaItemContent): MeetingEvent => ({ type: 'AgendaItemAdded', data: { meetingId: MEETING, ...item } });
const member = (personId: string, extra: Partial<AttendanceEntry> = {}): AttendanceEntry => ({ personId, role: 'member', acting: false, partyId: KALMAR, capacity: null, printedName: null, ...extra });
const attended = (...entries: AttendanceEntry[]): MeetingEvent => ({ type: 'AttendanceRecorded', data: { meetingId: MEETING, entries } });
const signedOff = (): MeetingEvent => ({ type: 'MeetingSignedOff', data: { meetingId: MEETING, signedOn: date('2025-05-20'), signerIds: [SOFIA] } });

const record = (items: AgendaItemContent[]): MeetingCommand => ({ type: 'RecordMeeting', data: { ...meetingData, items } });
const add = (item: AgendaItemContent): MeetingCommand => ({ type: 'AddAgendaItem', data: { item } });
const amend = (item: AgendaItemContent): MeetingCommand => ({ type: 'AmendAgendaItem', data: { item } });
const attend = (...entries: AttendanceEntry[]): MeetingCommand => ({ type: 'RecordAttendance', data: { entries } });
const signOff = (on = '2025-05-20'): MeetingCommand => ({ type: 'SignOffMeeting', data: { signedOn: date(on), signerIds: [SOFIA] } });
const ratify = (item: string, ratifier: string, on = '2025-05-23'): DecisionFollowUpCommand => ({ type: 'RecordRatification', data: { item, ratifier, ratifiedOn: date(on), forum: 'skolchefsnätverksmöte' } });
const decideLater = (item: string, on = '2025-06-02'): DecisionFollowUpCommand => ({
  type: 'RecordDeferredDecision',
  data: { item, decidedOn: date(on), procedure: 'per capsulam (mejl)', forum: null, text: 'Handlingsplanen antas.' },
});

const spec = deciderSpec(meetingDecider);
const followUps = deciderSpec(decisionFollowUpDecider);
const meeting = at('2025-05-16', recorded());

/** Folds given events (with envelopes as `given` makes them) the way the handlers do: corrections applied. */
function fold(...events: Dated<DomainEvent>[]): RecordedMeeting {
  const state = foldMeeting(events.map((e, i) => envelope(i + 1, e)));
  if (state.status === 'unknown') throw new Error('expected a recorded meeting');
  return state;
}

// ---------------------------------------------------------------- recording

describe('RecordMeeting', () => {
  it('records the meeting and each item as its own event', () => {
    spec.given().when(record([info('1'), decided('2')])).then([recorded(), added(info('1')), added(decided('2'))]);
  });

  it('refuses a second meeting of the body on the same day', () => {
    spec.given(meeting).when(record([])).thenThrows('meeting-exists', 'data.date');
  });

  it('refuses an item number given twice', () => {
    spec.given().when(record([info('4.1'), info('4.1')])).thenThrows('agenda-item-exists', 'data.items[1].number');
  });

  it('keeps the items in protocol order, "4" < "4.1" < "4.2" < "10"', () => {
    const state = spec.given(meeting, added(info('10')), added(info('4.2')), added(info('4')), added(info('4.1'))).state;
    expect(state.status !== 'unknown' && state.items.map((i) => i.number)).toEqual(['4', '4.1', '4.2', '10']);
  });

  it('keeps an amended item in its place in protocol order', () => {
    const amended = { ...info('4'), text: 'Rättad text.' };
    const state = spec.given(meeting, added(info('2')), added(info('4')), added(info('10')), { type: 'AgendaItemAmended', data: { meetingId: MEETING, ...amended } }).state as RecordedMeeting;
    expect(state.items.map((i) => [i.number, i.text])).toEqual([['2', info('2').text], ['4', 'Rättad text.'], ['10', info('10').text]]);
  });
});

describe('AddAgendaItem and AmendAgendaItem', () => {
  it('adds an item that is not there yet, and refuses one that is', () => {
    spec.given(meeting, added(info('1'))).when(add(info('2'))).then([added(info('2'))]);
    spec.given(meeting, added(info('1'))).when(add(info('1'))).thenThrows('agenda-item-exists', 'data.item.number');
  });

  it('amends an existing item with its full new content; the item keeps both events', () => {
    const amended = { ...info('3'), text: 'Rättad text.' };
    spec.given(meeting, added(info('3'))).when(amend(amended)).then([{ type: 'AgendaItemAmended', data: { meetingId: MEETING, ...amended } }]);
    const state = spec.given(meeting, added(info('3')), { type: 'AgendaItemAmended', data: { meetingId: MEETING, ...amended } }).state as RecordedMeeting;
    expect(state.items[0]).toMatchObject({ text: 'Rättad text.', events: ['evt-2', 'evt-3'] });
  });

  it('refuses to amend an item that does not exist', () => {
    spec.given(meeting).when(amend(info('9'))).thenThrows('agenda-item-must-exist', 'data.item.number');
  });

  it('refuses any item on a meeting that was never recorded', () => {
    spec.given().when(add(info('1'))).thenThrows('meeting-must-exist', 'data.meeting');
  });
});

describe('RecordAttendance', () => {
  it('records members present (acting, the party they came for) and others taking part', () => {
    const entries = [member(SOFIA), member(ANNA, { acting: true, partyId: NYBRO }), { ...member('person-guest'), role: 'other' as const, partyId: null, capacity: 'Brukarrepresentant' }];
    spec.given(meeting).when(attend(...entries)).then([attended(...entries)]);
  });

  it('lists a person once per meeting, across several records, naming the offending entry', () => {
    spec.given(meeting, attended(member(SOFIA))).when(attend(member(ANNA), member(SOFIA))).thenThrows('already-in-attendance', 'data.present[1].person');
    spec.given(meeting).when(attend(member(ANNA), { ...member(ANNA), role: 'other' })).thenThrows('already-in-attendance', 'data.others[0].person');
  });
});

// ---------------------------------------------------------------- sign-off locks the protocol

describe('SignOffMeeting (justering)', () => {
  const signed = [meeting, added(info('1')), signedOff()] as const;

  it('signs off once, not before the meeting', () => {
    spec.given(meeting).when(signOff()).then([signedOff()]);
    spec.given(meeting).when(signOff('2025-05-15')).thenThrows('effective-date-order', 'data.signedOn');
    spec.given(...signed).when(signOff()).thenThrows('meeting-signed-off');
  });

  it.each([
    ['AddAgendaItem', add(info('2'))],
    ['AmendAgendaItem', amend({ ...info('1'), text: 'Ändrad.' })],
    ['RecordAttendance', attend(member(ANNA))],
    ['AttachSource', { type: 'AttachSource', data: { source: { document: 'Nyhetsbrev' }, items: ['1'] } } as MeetingCommand],
  ])('after sign-off the meeting refuses %s with 422 meeting-signed-off', (_name, command) => {
    spec.given(...signed).when(command).thenThrows('meeting-signed-off', 'data.meeting');
  });

  it('still takes corrections of its events: they are the only way to change a signed protocol', () => {
    const events = [envelope(1, meeting), envelope(2, at('2025-05-16', added(info('1')))), envelope(3, at('2025-05-20', signedOff()))];
    const [correction] = correctEvent({ type: 'CorrectEvent', data: { targetId: 'evt-2', reason: 'Stavfel', correctedData: { meetingId: MEETING, ...info('1'), text: 'Rättad.' } } }, events);
    const after = foldMeeting([...events, { ...envelope(4, at('2025-05-16', correction!)) }]) as RecordedMeeting;
    expect(after.status).toBe('signed-off');
    expect(after.items[0]).toMatchObject({ text: 'Rättad.', events: ['evt-2', 'evt-4'] });
  });
});

// ---------------------------------------------------------------- decisions after the meeting

describe('Ratification', () => {
  const plan = [meeting, added(needsRatification('5')), signedOff()] as const;
  const ratified = (ratifier: string, on = '2025-05-23') => ({ type: 'RatificationRecorded' as const, data: { meetingId: MEETING, item: '5', ratifier, ratifiedOn: on, forum: 'skolchefsnätverksmöte' } });

  it('is pending until every named party has ratified, each with date and forum; a signed-off meeting does not stop it', () => {
    followUps.given(...plan).when(ratify('5', 'ledamoter-inom-skola')).then([ratified('ledamoter-inom-skola')]);
    const one = fold(...plan.map((e) => ('event' in e ? e : at(null, e))), at('2025-05-23', ratified('ledamoter-inom-skola')));
    expect(decisionStatus(one.items[0]!, followUpsOf(one, '5'))).toEqual({ status: 'pending', waitingFor: [{ kind: 'ratification', ratifier: KALMAR }] });
    const all = fold(...plan.map((e) => ('event' in e ? e : at(null, e))), at(null, ratified('ledamoter-inom-skola')), at(null, ratified(KALMAR, '2025-09-01')));
    expect(decisionStatus(all.items[0]!, followUpsOf(all, '5'))).toEqual({ status: 'ratified', waitingFor: [] });
  });

  it('refuses a ratifier the decision does not name, a second ratification, a date before the meeting, and items that need none', () => {
    followUps.given(...plan).when(ratify('5', 'vimmerby-kommun')).thenThrows('ratifier-must-be-named', 'data.ratifier');
    followUps.given(...plan, ratified('ledamoter-inom-skola')).when(ratify('5', 'ledamoter-inom-skola')).thenThrows('already-ratified', 'data.ratifier');
    followUps.given(...plan).when(ratify('5', KALMAR, '2025-05-01')).thenThrows('effective-date-order', 'data.ratifiedOn');
    followUps.given(meeting, added(decided('4.1'))).when(ratify('4.1', KALMAR)).thenThrows('needs-no-ratification', 'data.item');
    followUps.given(meeting, added(info('3'))).when(ratify('3', KALMAR)).thenThrows('must-be-decision-item', 'data.item');
    followUps.given(meeting).when(ratify('7', KALMAR)).thenThrows('agenda-item-must-exist', 'data.item');
  });
});

describe('Deferred decisions ("beslutas via mejl")', () => {
  const later = { type: 'DeferredDecisionRecorded' as const, data: { meetingId: MEETING, item: '6', decidedOn: '2025-06-02', procedure: 'per capsulam (mejl)', forum: null, text: 'Handlingsplanen antas.' } };

  it('stay pending until the later decision is recorded, then count as decided', () => {
    const pending = fold(meeting, at(null, added(deferred('6'))));
    expect(decisionStatus(pending.items[0]!, followUpsOf(pending, '6'))).toEqual({
      status: 'pending',
      waitingFor: [{ kind: 'later-decision', procedure: 'beslutas via mejl', subject: 'Handlingsplanen för samordnande grupp äldre' }],
    });
    followUps.given(meeting, added(deferred('6')), signedOff()).when(decideLater('6')).then([later]);
    const done = fold(meeting, at(null, added(deferred('6'))), at('2025-06-02', later));
    expect(decisionStatus(done.items[0]!, followUpsOf(done, '6')).status).toBe('decided');
  });

  it('refuses a later decision on an item that was not deferred, or twice', () => {
    followUps.given(meeting, added(decided('4.1'))).when(decideLater('4.1')).thenThrows('must-be-deferred', 'data.item');
    followUps.given(meeting, added(deferred('6')), later).when(decideLater('6')).thenThrows('already-decided', 'data.item');
  });
});

// ---------------------------------------------------------------- corrections

describe('RevokeEvent and CorrectEvent on a stream', () => {
  const stream = (...events: Dated<DomainEvent>[]): LedgerNewEvent[] => events.map((e, i) => envelope(i + 1, e));
  const revoke = (targetId: string) => ({ type: 'RevokeEvent' as const, data: { targetId, reason: 'Fel möte' } });
  const thrown = (fn: () => unknown): RuleViolation => {
    try {
      fn();
    } catch (error) {
      return error as RuleViolation;
    }
    throw new Error('expected a RuleViolation');
  };

  it('revokes an item; the folded meeting no longer has it, and a second revocation is refused', () => {
    const events = stream(meeting, at('2025-05-16', added(info('1'))), at('2025-05-16', added(info('2'))));
    const [revoked] = revokeEvent(revoke('evt-3'), events);
    expect(revoked).toEqual({ type: 'EventRevoked', data: { targetEventId: 'evt-3', targetType: 'AgendaItemAdded', reason: 'Fel möte' } });
    const after = [...events, envelope(4, at(null, revoked!))];
    expect((foldMeeting(after) as RecordedMeeting).items.map((i) => i.number)).toEqual(['1']);
    expect(thrown(() => revokeEvent(revoke('evt-3'), after)).rule).toBe('already-revoked');
    expect(thrown(() => correctEvent({ type: 'CorrectEvent', data: { targetId: 'evt-3', reason: 'x', correctedData: {} } }, after)).rule).toBe('already-revoked');
  });

  it('refuses unknown events, corrections of corrections, identities and the sign-off', () => {
    const events = stream(meeting, at('2025-05-16', added(info('1'))), at('2025-05-20', signedOff()));
    expect(thrown(() => revokeEvent(revoke('no-such-event'), events))).toMatchObject({ rule: 'event-must-exist', problems: [{ field: 'data.event' }] });
    expect(thrown(() => revokeEvent(revoke('evt-1'), events)).rule).toBe('cannot-be-revoked');
    expect(thrown(() => revokeEvent(revoke('evt-3'), events)).rule).toBe('cannot-be-revoked');
    const [revoked] = revokeEvent(revoke('evt-2'), events);
    expect(thrown(() => revokeEvent(revoke('evt-4'), [...events, envelope(4, at(null, revoked!))])).rule).toBe('cannot-correct-a-correction');
  });

  it('the group decider honours a revoked seat: the person no longer sits, so a replacement of them is refused', () => {
    const established = at('2024-01-01', { type: 'GroupEstablished', data: { groupId: 'g', slug: 'g', name: 'G', kind: 'coordinating-group', parentId: null } } as DomainEvent);
    const appointed = at('2024-02-01', { type: 'MemberAppointed', data: { groupId: 'g', personId: ANNA, role: 'member', representingId: null, field: null, title: null } } as DomainEvent);
    const events = stream(established, appointed);
    const replace = { type: 'ReplaceMember' as const, data: { outgoingId: ANNA, incomingId: SOFIA, seat: {}, effectiveFrom: date('2025-01-01') } };
    expect(replaceMember(replace, foldGroup(events))).toHaveLength(1);
    const [revoked] = revokeEvent(revoke('evt-2'), events);
    const after = [...events, envelope(3, at('2024-02-01', revoked!))];
    expect(() => replaceMember(replace, foldGroup(after))).toThrow(expect.objectContaining({ rule: 'must-be-sitting' }));
  });

  it('refuses to revoke an event later events build on (a seat that was replaced)', () => {
    const established = at('2024-01-01', { type: 'GroupEstablished', data: { groupId: 'g', slug: 'g', name: 'G', kind: 'coordinating-group', parentId: null } } as DomainEvent);
    const appointed = at('2024-02-01', { type: 'MemberAppointed', data: { groupId: 'g', personId: ANNA, role: 'member', representingId: null, field: null, title: null } } as DomainEvent);
    const replaced = at('2025-01-01', {
      type: 'MemberReplaced',
      data: { groupId: 'g', outgoing: { personId: ANNA, membershipId: 'evt-2' }, incoming: { personId: SOFIA, role: 'member', representingId: null, field: null, title: null } },
    } as DomainEvent);
    const violation = thrown(() => revokeEvent(revoke('evt-2'), stream(established, appointed, replaced)));
    expect(violation.rule).toBe('has-dependents');
    expect(violation.problems[0]!.message).toContain('evt-3');
  });

  it('a corrected seat date moves the seat: the fold uses the correction\'s valid time', () => {
    const established = at('2024-01-01', { type: 'GroupEstablished', data: { groupId: 'g', slug: 'g', name: 'G', kind: 'coordinating-group', parentId: null } } as DomainEvent);
    const appointed = at('2024-02-01', { type: 'MemberAppointed', data: { groupId: 'g', personId: ANNA, role: 'member', representingId: null, field: null, title: null } } as DomainEvent);
    const events = stream(established, appointed);
    const [corrected] = correctEvent({ type: 'CorrectEvent', data: { targetId: 'evt-2', reason: 'Fel datum', correctedData: events[1]!.data } }, events);
    const state = foldGroup([...events, envelope(3, at('2024-03-01', corrected!))]);
    expect(state.status === 'established' && state.memberships[0]!.from).toEqual(date('2024-03-01'));
  });
});

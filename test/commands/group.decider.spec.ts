import type { GroupCommand } from '../../src/commands/group/group.commands';
import { groupDecider } from '../../src/commands/group/group.decider';
import type { GroupState, Membership } from '../../src/commands/group/group.state';
import { foldParty, type PartyState } from '../../src/commands/party/party.state';
import { evolvePerson, initialPersonState } from '../../src/commands/person/person.state';
import { recordAffiliation } from '../../src/commands/record-affiliation/record-affiliation.decide';
import { registerParty } from '../../src/commands/register-party/register-party.decide';
import type { ChairAppointed, ChairRole, GroupEstablished, MemberAppointed, MemberReplaced, MembershipEnded, SeatTerms } from '../../src/events/group.events';
import type { LedgerNewEvent } from '../../src/events/ledger-event';
import type { PartyRegistered } from '../../src/events/party.events';
import type { AffiliationRecorded, PersonRegistered } from '../../src/events/person.events';
import { at, date, deciderSpec } from '../support/decider-spec';

// ---------------------------------------------------------------- the group's vocabulary

const GROUP = 'group-aldre';
const SLUG = 'samordnande-grupp-aldre';
const ANNA = 'person-anna';
const BERTIL = 'person-bertil';
const CECILIA = 'person-cecilia';
const KALMAR = 'party-kalmar';
const NYBRO = 'party-nybro';

const MEMBER: SeatTerms = { role: 'member', representingId: null, field: null, title: null };

const established = (): GroupEstablished => ({
  type: 'GroupEstablished',
  data: { groupId: GROUP, slug: SLUG, name: 'Samordnande grupp Äldre', kind: 'coordinating-group', parentId: null },
});
const appointed = (personId: string, seat: Partial<SeatTerms> = {}): MemberAppointed => ({ type: 'MemberAppointed', data: { groupId: GROUP, personId, ...MEMBER, ...seat } });
const replaced = (outgoing: string, membershipId: string, incoming: string, seat: Partial<SeatTerms> = {}): MemberReplaced => ({
  type: 'MemberReplaced',
  data: { groupId: GROUP, outgoing: { personId: outgoing, membershipId }, incoming: { personId: incoming, ...MEMBER, ...seat } },
});
const ended = (personId: string, membershipId: string): MembershipEnded => ({ type: 'MembershipEnded', data: { groupId: GROUP, personId, membershipId } });
const chairAppointed = (personId: string, role: ChairRole, effectiveTo: string | null = null, succeeds: ChairAppointed['data']['succeeds'] = []): ChairAppointed => ({
  type: 'ChairAppointed',
  data: { groupId: GROUP, personId, role, effectiveTo: effectiveTo === null ? null : date(effectiveTo), succeeds },
});

const establish = (from: string): GroupCommand => ({
  type: 'EstablishGroup',
  data: { groupId: GROUP, slug: SLUG, name: 'Samordnande grupp Äldre', kind: 'coordinating-group', parentId: null, effectiveFrom: date(from) },
});
const appoint = (personId: string, from: string, seat: Partial<SeatTerms> = {}): GroupCommand => ({
  type: 'AppointMember',
  data: { personId, seat: { ...MEMBER, ...seat }, effectiveFrom: date(from) },
});
const replace = (outgoingId: string, incomingId: string, from: string, seat: Partial<SeatTerms> = {}): GroupCommand => ({
  type: 'ReplaceMember',
  data: { outgoingId, incomingId, seat, effectiveFrom: date(from) },
});
const end = (personId: string, from: string): GroupCommand => ({ type: 'EndMembership', data: { personId, effectiveFrom: date(from) } });
const chair = (personId: string, role: ChairRole, from: string, to: string | null = null): GroupCommand => ({
  type: 'AppointChair',
  data: { personId, role, effectiveFrom: date(from), effectiveTo: to === null ? null : date(to) },
});

const spec = deciderSpec(groupDecider);
/** The group, established on 2024-01-01 (evt-1). */
const group = at('2024-01-01', established());

function membershipsOf(state: GroupState): readonly Membership[] {
  if (state.status !== 'established') throw new Error('expected an established group');
  return state.memberships;
}
function chairTermsOf(state: GroupState) {
  if (state.status !== 'established') throw new Error('expected an established group');
  return state.chairTerms;
}

// ---------------------------------------------------------------- EstablishGroup

describe('EstablishGroup', () => {
  it('establishes a group that does not exist yet; the date travels in metadata, not data', () => {
    spec.given().when(establish('2025-02-28')).then([established()]);
  });

  it('evolve keeps the establishment date with its precision', () => {
    const state = spec.given(at('2025-03', established())).state;
    expect(state).toMatchObject({ status: 'established', id: GROUP, slug: SLUG, establishedFrom: { date: '2025-03', precision: 'month' }, memberships: [], chairTerms: [] });
  });

  it('rejects establishing the same group twice (group-exists)', () => {
    spec.given(group).when(establish('2025-02-28')).thenThrows('group-exists', 'data.slug');
  });

  it.each([
    ['AppointMember', appoint(ANNA, '2025-01-01')],
    ['ReplaceMember', replace(ANNA, BERTIL, '2025-01-01')],
    ['EndMembership', end(ANNA, '2025-01-01')],
    ['AppointChair', chair(ANNA, 'chair', '2025-01-01')],
  ])('%s needs an established group (group-must-exist)', (_name, command) => {
    spec.given().when(command).thenThrows('group-must-exist', 'data.group');
  });
});

// ---------------------------------------------------------------- AppointMember

describe('AppointMember', () => {
  it('appoints a member with the stated seat terms', () => {
    const seat = { role: 'processledare', representingId: KALMAR, field: 'hab/rehab', title: 'Socialchef' };
    spec.given(group).when(appoint(ANNA, '2025-02-28', seat)).then([appointed(ANNA, seat)]);
  });

  it('allows an appointment on the day the group was established', () => {
    spec.given(group).when(appoint(ANNA, '2024-01-01')).then([appointed(ANNA)]);
  });

  it('rejects an appointment before the group was established (effective-date-order)', () => {
    spec.given(group).when(appoint(ANNA, '2023-12-31')).thenThrows('effective-date-order', 'data.effectiveFrom');
  });

  it('compares imprecise dates by the days they can stand for', () => {
    const inMarch = at('2025-03', established());
    spec.given(inMarch).when(appoint(ANNA, '2025-03-10')).then([appointed(ANNA)]);
    spec.given(inMarch).when(appoint(ANNA, '2025-02-28')).thenThrows('effective-date-order', 'data.effectiveFrom');
    spec.given(group).when(appoint(ANNA, 'unknown')).then([appointed(ANNA)]);
  });

  it('evolve records the seat from the event date, open-ended, under the event id', () => {
    const state = spec.given(group, at('2025-02-28', appointed(ANNA, { field: 'hab/rehab' }))).state;
    expect(membershipsOf(state)).toStrictEqual([{ id: 'evt-2', personId: ANNA, seat: { ...MEMBER, field: 'hab/rehab' }, from: date('2025-02-28'), to: null }]);
  });

  describe('nobody sits twice (no-double-seat)', () => {
    it('rejects appointing someone who already sits', () => {
      spec.given(group, at('2025-02-01', appointed(ANNA))).when(appoint(ANNA, '2025-06-01')).thenThrows('no-double-seat', 'data.person');
    });

    it('rejects an appointment on the same day as an existing seat', () => {
      spec.given(group, at('2025-02-01', appointed(ANNA))).when(appoint(ANNA, '2025-02-01')).thenThrows('no-double-seat', 'data.person');
    });

    it('rejects an appointment before an existing seat that is still open', () => {
      spec.given(group, at('2025-06-01', appointed(ANNA))).when(appoint(ANNA, '2025-02-01')).thenThrows('no-double-seat', 'data.person');
    });

    it('rejects an open-ended appointment that would run into an ended seat', () => {
      spec
        .given(group, at('2025-02-01', appointed(ANNA)), at('2025-05-01', ended(ANNA, 'evt-2')))
        .when(appoint(ANNA, '2025-04-15'))
        .thenThrows('no-double-seat', 'data.person');
    });

    it('allows re-appointment after the seat ended (from the first day no longer sitting)', () => {
      const history = [group, at('2025-02-01', appointed(ANNA)), at('2025-05-01', ended(ANNA, 'evt-2'))] as const;
      spec.given(...history).when(appoint(ANNA, '2025-05-01')).then([appointed(ANNA)]);
      spec.given(...history).when(appoint(ANNA, '2026-01-01', { role: 'deltagare' })).then([appointed(ANNA, { role: 'deltagare' })]);
    });

    it('allows someone else to be appointed beside a sitting member', () => {
      spec.given(group, at('2025-02-01', appointed(ANNA))).when(appoint(BERTIL, '2025-02-01')).then([appointed(BERTIL)]);
    });
  });
});

// ---------------------------------------------------------------- ReplaceMember

describe('ReplaceMember', () => {
  const annaSits = [group, at('2025-02-01', appointed(ANNA, { role: 'processledare', representingId: KALMAR, field: 'hab/rehab', title: 'Socialchef' }))] as const;

  it('ends the outgoing seat and gives the incoming member the seat terms of the outgoing one, but not the title', () => {
    spec
      .given(...annaSits)
      .when(replace(ANNA, BERTIL, '2025-06-01'))
      .then([replaced(ANNA, 'evt-2', BERTIL, { role: 'processledare', representingId: KALMAR, field: 'hab/rehab', title: null })]);
  });

  it('uses the seat terms the command states', () => {
    spec
      .given(...annaSits)
      .when(replace(ANNA, BERTIL, '2025-06-01', { role: 'member', representingId: NYBRO, field: 'skolhälsovården', title: 'Verksamhetschef' }))
      .then([replaced(ANNA, 'evt-2', BERTIL, { role: 'member', representingId: NYBRO, field: 'skolhälsovården', title: 'Verksamhetschef' })]);
  });

  it('lets an explicit null clear representing and field instead of inheriting them', () => {
    spec
      .given(...annaSits)
      .when(replace(ANNA, BERTIL, '2025-06-01', { representingId: null, field: null }))
      .then([replaced(ANNA, 'evt-2', BERTIL, { role: 'processledare', representingId: null, field: null, title: null })]);
  });

  it('replaces the seat the incoming member took over (a chain of replacements)', () => {
    spec
      .given(...annaSits, at('2025-06-01', replaced(ANNA, 'evt-2', BERTIL, { role: 'processledare', representingId: KALMAR })))
      .when(replace(BERTIL, CECILIA, '2025-09-01'))
      .then([replaced(BERTIL, 'evt-3', CECILIA, { role: 'processledare', representingId: KALMAR })]);
  });

  it('rejects replacing someone who does not sit (must-be-sitting)', () => {
    spec.given(group, at('2025-02-01', appointed(ANNA))).when(replace(BERTIL, CECILIA, '2025-06-01')).thenThrows('must-be-sitting', 'data.outgoing');
  });

  it('rejects replacing someone whose seat has ended (must-be-sitting)', () => {
    spec
      .given(group, at('2025-02-01', appointed(ANNA)), at('2025-04-01', ended(ANNA, 'evt-2')))
      .when(replace(ANNA, BERTIL, '2025-06-01'))
      .thenThrows('must-be-sitting', 'data.outgoing');
  });

  it('rejects a replacement on the day the outgoing seat began (effective-date-order)', () => {
    spec.given(...annaSits).when(replace(ANNA, BERTIL, '2025-02-01')).thenThrows('effective-date-order', 'data.effectiveFrom');
  });

  it('rejects a replacement before the outgoing seat began (effective-date-order)', () => {
    spec.given(...annaSits).when(replace(ANNA, BERTIL, '2025-01-15')).thenThrows('effective-date-order', 'data.effectiveFrom');
  });

  it('allows a replacement the day after the outgoing seat began', () => {
    spec.given(group, at('2025-02-01', appointed(ANNA))).when(replace(ANNA, BERTIL, '2025-02-02')).then([replaced(ANNA, 'evt-2', BERTIL)]);
  });

  it('rejects an incoming member who already sits (no-double-seat)', () => {
    spec
      .given(...annaSits, at('2025-03-01', appointed(BERTIL)))
      .when(replace(ANNA, BERTIL, '2025-06-01'))
      .thenThrows('no-double-seat', 'data.incoming');
  });

  it('rejects an incoming member whose ended seat still runs on that day (no-double-seat)', () => {
    spec
      .given(...annaSits, at('2025-03-01', appointed(BERTIL)), at('2025-07-01', ended(BERTIL, 'evt-3')))
      .when(replace(ANNA, BERTIL, '2025-06-01'))
      .thenThrows('no-double-seat', 'data.incoming');
  });

  it('allows an incoming member whose earlier seat has ended', () => {
    spec
      .given(group, at('2025-02-01', appointed(ANNA)), at('2025-03-01', appointed(BERTIL)), at('2025-05-01', ended(BERTIL, 'evt-3')))
      .when(replace(ANNA, BERTIL, '2025-06-01'))
      .then([replaced(ANNA, 'evt-2', BERTIL)]);
  });

  it('rejects a member replacing themselves (replace-with-someone-else)', () => {
    spec.given(...annaSits).when(replace(ANNA, ANNA, '2025-06-01')).thenThrows('replace-with-someone-else', 'data.incoming');
  });

  it('can replace a seat whose start is unknown ("tidigare deltagare")', () => {
    spec.given(group, at('unknown', appointed(ANNA))).when(replace(ANNA, BERTIL, '2025-02-28')).then([replaced(ANNA, 'evt-2', BERTIL)]);
  });

  it('rejects a replacement before the group was established, even of a seat whose start is unknown (effective-date-order)', () => {
    // AppointMember(BERTIL, '2023-06-01') is rejected; a replacement must not seat him then either.
    spec.given(group, at('unknown', appointed(ANNA))).when(replace(ANNA, BERTIL, '2023-06-01')).thenThrows('effective-date-order', 'data.effectiveFrom');
  });

  it('evolve ends the outgoing seat the day before and opens the incoming one from the change', () => {
    const state = spec.given(...annaSits, at('2025-06-01', replaced(ANNA, 'evt-2', BERTIL, { role: 'processledare' }))).state;
    expect(membershipsOf(state)).toStrictEqual([
      { id: 'evt-2', personId: ANNA, seat: { role: 'processledare', representingId: KALMAR, field: 'hab/rehab', title: 'Socialchef' }, from: date('2025-02-01'), to: date('2025-05-31') },
      { id: 'evt-3', personId: BERTIL, seat: { ...MEMBER, role: 'processledare' }, from: date('2025-06-01'), to: null },
    ]);
  });
});

// ---------------------------------------------------------------- EndMembership

describe('EndMembership', () => {
  const annaSits = [group, at('2025-02-01', appointed(ANNA))] as const;

  it('ends the open seat of the person', () => {
    spec.given(...annaSits).when(end(ANNA, '2025-03-01')).then([ended(ANNA, 'evt-2')]);
  });

  it('ends the seat the person took over by replacement', () => {
    spec
      .given(...annaSits, at('2025-04-01', replaced(ANNA, 'evt-2', BERTIL)))
      .when(end(BERTIL, '2025-09-01'))
      .then([ended(BERTIL, 'evt-3')]);
  });

  it('rejects ending the membership of a person who does not sit (must-be-sitting)', () => {
    spec.given(...annaSits).when(end(BERTIL, '2025-03-01')).thenThrows('must-be-sitting', 'data.person');
  });

  it('rejects ending a membership that has already ended (must-be-sitting)', () => {
    spec
      .given(...annaSits, at('2025-03-01', ended(ANNA, 'evt-2')))
      .when(end(ANNA, '2025-04-01'))
      .thenThrows('must-be-sitting', 'data.person');
  });

  it('can end a seat whose start is unknown', () => {
    spec.given(group, at('unknown', appointed(ANNA))).when(end(ANNA, '2025-03-01')).then([ended(ANNA, 'evt-2')]);
  });

  it('rejects ending a seat before the group was established, even one whose start is unknown (effective-date-order)', () => {
    spec.given(group, at('unknown', appointed(ANNA))).when(end(ANNA, '2023-06-01')).thenThrows('effective-date-order', 'data.effectiveFrom');
  });

  it('rejects ending the seat on the day it began (effective-date-order)', () => {
    spec.given(...annaSits).when(end(ANNA, '2025-02-01')).thenThrows('effective-date-order', 'data.effectiveFrom');
  });

  it('evolve sets the last day to the day before a day-precise change', () => {
    const state = spec.given(...annaSits, at('2025-03-01', ended(ANNA, 'evt-2'))).state;
    expect(membershipsOf(state)).toStrictEqual([{ id: 'evt-2', personId: ANNA, seat: MEMBER, from: date('2025-02-01'), to: { date: '2025-02-28', precision: 'day' } }]);
  });

  it('evolve knows leap days', () => {
    const state = spec.given(group, at('2024-02-01', appointed(ANNA)), at('2024-03-01', ended(ANNA, 'evt-2'))).state;
    expect(membershipsOf(state)[0]?.to).toStrictEqual({ date: '2024-02-29', precision: 'day' });
  });

  it('evolve keeps month precision for a change known only to the month', () => {
    const state = spec.given(...annaSits, at('2025-03', ended(ANNA, 'evt-2'))).state;
    expect(membershipsOf(state)[0]?.to).toStrictEqual({ date: '2025-03', precision: 'month' });
  });

  it('evolve ends only the named membership', () => {
    const state = spec.given(...annaSits, at('2025-02-10', appointed(BERTIL)), at('2025-03-01', ended(ANNA, 'evt-2'))).state;
    expect(membershipsOf(state).map((m) => [m.personId, m.to?.date ?? null])).toStrictEqual([
      [ANNA, '2025-02-28'],
      [BERTIL, null],
    ]);
  });
});

// ---------------------------------------------------------------- AppointChair

describe('AppointChair', () => {
  it('appoints the first chair of a group', () => {
    spec.given(group).when(chair(ANNA, 'chair', '2025-01-01', '2026-12')).then([chairAppointed(ANNA, 'chair', '2026-12')]);
  });

  it('succeeds a running chair: succeeds lists the earlier term', () => {
    spec
      .given(group, at('2025-01-01', chairAppointed(ANNA, 'chair')))
      .when(chair(BERTIL, 'chair', '2026-01-01'))
      .then([chairAppointed(BERTIL, 'chair', null, [{ termId: 'evt-2', personId: ANNA }])]);
  });

  it('succeeds a running chair whose fixed term would have run longer', () => {
    spec
      .given(group, at('2025-01-01', chairAppointed(ANNA, 'chair', '2026-12')))
      .when(chair(BERTIL, 'chair', '2025-07-01'))
      .then([chairAppointed(BERTIL, 'chair', null, [{ termId: 'evt-2', personId: ANNA }])]);
  });

  it('does not succeed a chair term that ended before the new one begins', () => {
    spec
      .given(group, at('2025-01-01', chairAppointed(ANNA, 'chair', '2025-12-31')))
      .when(chair(BERTIL, 'chair', '2026-01-01'))
      .then([chairAppointed(BERTIL, 'chair')]);
  });

  it('evolve ends a succeeded term the day before the successor starts', () => {
    const state = spec.given(group, at('2025-01-01', chairAppointed(ANNA, 'chair')), at('2026-01-01', chairAppointed(BERTIL, 'chair', null, [{ termId: 'evt-2', personId: ANNA }]))).state;
    expect(chairTermsOf(state)).toStrictEqual([
      { id: 'evt-2', personId: ANNA, role: 'chair', from: date('2025-01-01'), to: date('2025-12-31') },
      { id: 'evt-3', personId: BERTIL, role: 'chair', from: date('2026-01-01'), to: null },
    ]);
  });

  it('allows two vice chairs at once', () => {
    spec.given(group, at('2025-01-01', chairAppointed(ANNA, 'vice-chair'))).when(chair(BERTIL, 'vice-chair', '2025-01-01')).then([chairAppointed(BERTIL, 'vice-chair')]);
  });

  it('a vice chair does not succeed the chair', () => {
    spec.given(group, at('2025-01-01', chairAppointed(ANNA, 'chair'))).when(chair(BERTIL, 'vice-chair', '2025-03-01')).then([chairAppointed(BERTIL, 'vice-chair')]);
  });

  it('a running vice chair who becomes chair leaves the vice-chair role (one role per person)', () => {
    spec
      .given(group, at('2025-01-01', chairAppointed(ANNA, 'vice-chair')))
      .when(chair(ANNA, 'chair', '2025-07-01'))
      .then([chairAppointed(ANNA, 'chair', null, [{ termId: 'evt-2', personId: ANNA }])]);
  });

  it('rejects the same person as chair overlapping a vice-chair term that starts later (one-chair-at-a-time)', () => {
    spec.given(group, at('2025-06-01', chairAppointed(ANNA, 'vice-chair'))).when(chair(ANNA, 'chair', '2025-01-01')).thenThrows('one-chair-at-a-time', 'data.effectiveFrom');
  });

  it('rejects a second chair from the same day (one-chair-at-a-time)', () => {
    spec.given(group, at('2025-01-01', chairAppointed(ANNA, 'chair'))).when(chair(BERTIL, 'chair', '2025-01-01')).thenThrows('one-chair-at-a-time', 'data.effectiveFrom');
  });

  it('rejects a chair whose open term would run into a later chair term (one-chair-at-a-time)', () => {
    spec.given(group, at('2025-06-01', chairAppointed(ANNA, 'chair'))).when(chair(BERTIL, 'chair', '2025-01-01')).thenThrows('one-chair-at-a-time', 'data.effectiveFrom');
  });

  it('allows a chair term that ends before a later chair term begins', () => {
    spec.given(group, at('2025-06-01', chairAppointed(ANNA, 'chair'))).when(chair(BERTIL, 'chair', '2025-01-01', '2025-05-31')).then([chairAppointed(BERTIL, 'chair', '2025-05-31')]);
  });

  it('rejects a term that ends before it begins (effective-date-order)', () => {
    spec.given(group).when(chair(ANNA, 'chair', '2025-06-01', '2025-05-31')).thenThrows('effective-date-order', 'data.effectiveTo');
  });

  it('accepts a one-day term and a month-precision end in the start month', () => {
    spec.given(group).when(chair(ANNA, 'chair', '2025-06-01', '2025-06-01')).then([chairAppointed(ANNA, 'chair', '2025-06-01')]);
    spec.given(group).when(chair(ANNA, 'chair', '2025-06-15', '2025-06')).then([chairAppointed(ANNA, 'chair', '2025-06')]);
  });

  it('rejects a chair before the group was established (effective-date-order)', () => {
    spec.given(group).when(chair(ANNA, 'chair', '2023-12-31')).thenThrows('effective-date-order', 'data.effectiveFrom');
  });

  it('a vice-chair term ending 2024-12-31 then chair from 2025-01-01 for the same person is fine, with empty succeeds', () => {
    spec.given(group, at('2024-01-01', chairAppointed(ANNA, 'vice-chair', '2024-12-31'))).when(chair(ANNA, 'chair', '2025-01-01')).then([chairAppointed(ANNA, 'chair')]);
  });
});

// ---------------------------------------------------------------- RegisterParty

describe('RegisterParty', () => {
  type PartyEnvelope = Extract<LedgerNewEvent, { type: 'PartyRegistered' }>;
  const partySpec = deciderSpec({
    decide: registerParty,
    evolve: (_state: PartyState, event: PartyEnvelope): PartyState => foldParty([event]),
    initialState: (): PartyState => ({ status: 'unknown' }),
  });
  const oskarshamn: PartyRegistered['data'] = { partyId: 'party-oskarshamn', slug: 'oskarshamns-kommun', name: 'Oskarshamns kommun', kind: 'municipality', aliases: [] };

  it('deduplicates the aliases and drops the party’s own slug', () => {
    partySpec
      .given()
      .when({ type: 'RegisterParty', data: { ...oskarshamn, aliases: ['oskarhamns-kommun', 'oskarshamns-kommun', 'oskarshamn', 'oskarhamns-kommun'] } })
      .then([{ type: 'PartyRegistered', data: { ...oskarshamn, aliases: ['oskarhamns-kommun', 'oskarshamn'] } }]);
  });

  it('registers a party without aliases', () => {
    partySpec.given().when({ type: 'RegisterParty', data: oskarshamn }).then([{ type: 'PartyRegistered', data: oskarshamn }]);
  });

  it('rejects registering the same party twice (party-exists)', () => {
    partySpec
      .given({ type: 'PartyRegistered', data: oskarshamn })
      .when({ type: 'RegisterParty', data: { ...oskarshamn, aliases: ['oskarhamns-kommun'] } })
      .thenThrows('party-exists', 'data.slug');
  });
});

// ---------------------------------------------------------------- RecordAffiliation

describe('RecordAffiliation', () => {
  const personSpec = deciderSpec({ decide: recordAffiliation, evolve: evolvePerson, initialState: initialPersonState });
  const anna: PersonRegistered = { type: 'PersonRegistered', data: { personId: ANNA, slug: 'anna-andersson', name: 'Anna Andersson' } };
  const affiliation = { organisationId: KALMAR, unit: 'Socialförvaltningen', title: 'Socialchef' };

  it('records the title and employer of a registered person', () => {
    const expected: AffiliationRecorded = { type: 'AffiliationRecorded', data: { personId: ANNA, ...affiliation } };
    personSpec.given(anna).when({ type: 'RecordAffiliation', data: affiliation }).then([expected]);
  });

  it('records a later affiliation too', () => {
    const earlier: AffiliationRecorded = { type: 'AffiliationRecorded', data: { personId: ANNA, organisationId: NYBRO, unit: null, title: 'Socialchef' } };
    personSpec
      .given(anna, at('2024-01-01', earlier))
      .when({ type: 'RecordAffiliation', data: { ...affiliation, unit: null } })
      .then([{ type: 'AffiliationRecorded', data: { personId: ANNA, ...affiliation, unit: null } }]);
  });

  it('rejects an affiliation of an unknown person (person-must-exist)', () => {
    personSpec.given().when({ type: 'RecordAffiliation', data: affiliation }).thenThrows('person-must-exist', 'data.person');
  });
});

// ---------------------------------------------------------------- the harness itself

describe('deciderSpec', () => {
  it('fails then() when the decided events differ', () => {
    expect(() => spec.given(group).when(appoint(ANNA, '2025-02-01')).then([appointed(BERTIL)])).toThrow();
  });

  it('fails thenThrows() when the decider decides instead of throwing', () => {
    expect(() => spec.given(group).when(appoint(ANNA, '2025-02-01')).thenThrows('no-double-seat')).toThrow(/expected a RuleViolation/);
  });

  it('fails thenThrows() for another rule or another field', () => {
    expect(() => spec.given(group).when(appoint(ANNA, '2023-01-01')).thenThrows('no-double-seat')).toThrow();
    expect(() => spec.given(group).when(appoint(ANNA, '2023-01-01')).thenThrows('effective-date-order', 'data.person')).toThrow();
  });
});

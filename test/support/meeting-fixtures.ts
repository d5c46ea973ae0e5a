/** Commands for a small meeting of a body, shared by the projection, HTTP and CLI specs. */
export const MEETING = 'lansgemensam-ledning-i-samverkan-2025-02-28';

export const setup = [
  { type: 'RegisterParty', data: { name: 'Borgholms kommun', kind: 'municipality' }, metadata: { commandId: 'party-borgholm' } },
  { type: 'RegisterParty', data: { name: 'Kalmar kommun', kind: 'municipality' }, metadata: { commandId: 'party-kalmar' } },
  { type: 'RegisterParty', data: { name: 'Region Kalmar län', kind: 'region', aliases: ['RKL'] }, metadata: { commandId: 'party-rkl' } },
  { type: 'EstablishGroup', data: { name: 'Länsgemensam ledning i samverkan', kind: 'leadership', effectiveFrom: 'unknown' }, metadata: { commandId: 'group-lgl' } },
  { type: 'EstablishGroup', data: { name: 'Samordnande grupp Äldre', kind: 'coordinating-group', parent: 'lansgemensam-ledning-i-samverkan', effectiveFrom: 'unknown' }, metadata: { commandId: 'group-aldre' } },
  { type: 'AppointMember', data: { group: 'samordnande-grupp-aldre', person: { name: 'Karin Jilkén' }, effectiveFrom: 'unknown' }, metadata: { commandId: 'appoint-jilken' } },
];

export const recordMeeting = {
  type: 'RecordMeeting',
  data: {
    body: 'lansgemensam-ledning-i-samverkan',
    date: '2025-02-28',
    registryNumber: 'RS DRN 2025/51',
    chair: { name: 'Sofia Hartz' },
    items: [
      { number: '1', kind: 'information', title: 'Välkomna', text: 'Sofia Hartz hälsade välkomna.' },
      { number: '2', kind: 'decision', title: 'Föregående mötesprotokoll', decision: { text: 'Inga tillägg och protokollet lades till handlingarna.', outcome: 'decided' } },
      { number: '4', kind: 'information', title: 'Beslut- och informationspunkter' },
      {
        number: '4.1',
        kind: 'decision',
        title: 'Byte av deltagare inom samordnande grupp äldre - Beslut',
        decision: { text: 'Länsgemensam ledning beslutar att Katarina Nilsson Ederam ersätter tidigare deltagare Karin Jilkén i samordnande grupp äldre.', outcome: 'decided' },
      },
      {
        number: '5',
        kind: 'decision',
        title: 'Gemensam plan',
        presenters: [{ person: { name: 'Sofia Hartz' }, as: 'planeringsdirektör, Region Kalmar län' }],
        decision: { text: 'Länsgemensam ledning beslutar att stå bakom dokumentet.', outcome: 'needs-ratification', ratifiers: [{ name: 'Ledamöter inom skola' }, { party: 'kalmar-kommun' }] },
      },
      { number: '6', kind: 'decision', title: 'Handlingsplan', decision: { outcome: 'deferred', procedure: 'beslutas via mejl', subject: 'Handlingsplanen för samordnande grupp äldre' } },
    ],
  },
  metadata: { commandId: 'meeting-2025-02-28', source: { document: 'Protokoll Länsgemensam ledning 2025-02-28', registryNumber: 'RS DRN 2025/51' } },
};

export const replaceCitingMeeting = {
  type: 'ReplaceMember',
  data: { group: 'samordnande-grupp-aldre', outgoing: 'karin-jilken', incoming: { name: 'Katarina Nilsson Ederam' }, title: 'verksamhetschef', effectiveFrom: '2025-02-28' },
  metadata: { commandId: 'replace-jilken', decision: { meeting: MEETING, item: '4.1' }, source: { document: 'Protokoll Länsgemensam ledning 2025-02-28', item: '4' } },
};

export const attendance = {
  type: 'RecordAttendance',
  data: {
    meeting: MEETING,
    present: [
      { person: { name: 'Rune Jansson' }, capacity: 'Brukarrepresentant' },
      { person: 'sofia-hartz', for: 'rkl' },
      { person: { name: 'Anne Hallberg' }, for: 'kalmar-kommun', acting: true },
    ],
    others: [{ person: { name: 'Katrín Karlsson', slug: 'katrin-karlsson' }, organisation: 'kalmar-kommun' }],
  },
  metadata: { commandId: 'attendance-2025-02-28' },
};

export const signOff = { type: 'SignOffMeeting', data: { meeting: MEETING, signedOn: '2025-03-05', signers: ['sofia-hartz'] }, metadata: { commandId: 'sign-off-2025-02-28' } };

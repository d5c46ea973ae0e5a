import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

/** metadata.basis / fieldBasis: validated, stored on the event, shown in every answer; derived for commands without it. */
describe('The basis of facts over HTTP', () => {
  let t: TestApp;
  const post = (body: unknown) => request(t.server).post('/commands').set('Authorization', t.auth.clerk).send(body as object);
  const MEETING = 'lansgemensam-ledning-i-samverkan-2025-09-01';
  const DOC = 'Protokoll Länsgemensam ledning 2025-09-01';

  beforeAll(async () => {
    t = await startTestApp();
    await post([
      { type: 'RegisterParty', data: { name: 'Borgholms kommun', kind: 'municipality' }, metadata: { commandId: 'p1' } },
      { type: 'EstablishGroup', data: { name: 'Länsgemensam ledning i samverkan', kind: 'leadership', effectiveFrom: 'unknown' }, metadata: { commandId: 'g1' } },
      { type: 'EstablishGroup', data: { name: 'Styrgrupp X', kind: 'steering-group', parent: 'lansgemensam-ledning-i-samverkan', effectiveFrom: 'unknown' }, metadata: { commandId: 'g2' } },
      {
        type: 'RecordMeeting',
        data: { body: 'lansgemensam-ledning-i-samverkan', date: '2025-09-01', place: 'Kalmar', chair: { name: 'Ada Chair' }, items: [{ number: '1', kind: 'information', title: 'Välkomna' }] },
        metadata: {
          commandId: 'meeting',
          source: { document: DOC, note: 'The place is read from the invitation, not the protocol.' },
          basis: { kind: 'stated' },
          fieldBasis: [{ field: 'place', kind: 'inferred', reasoning: 'The invitation names Kalmar; the protocol prints no place.' }],
        },
      },
      {
        type: 'RecordAttendance',
        data: { meeting: MEETING, present: [{ person: { name: 'Bo Member' }, for: 'borgholms-kommun' }], others: [] },
        metadata: { commandId: 'attendance', source: { document: DOC, note: 'As printed.' } },
      },
      {
        type: 'AppointMember',
        data: { group: 'styrgrupp-x', person: { name: 'Bo Member' }, effectiveFrom: 'unknown' },
        metadata: { commandId: 'seat', source: { document: DOC, item: '1', note: 'Named in item 1; start not stated.' }, basis: { kind: 'stated', quote: 'Bo Member, styrgrupp', attestedOn: ['2025-09-01'] } },
      },
      {
        type: 'AppointMember',
        data: { group: 'styrgrupp-x', person: { name: 'Cy Guess' }, effectiveFrom: '2025-01-01' },
        metadata: { commandId: 'guess', source: { document: DOC, note: 'Read from the turn of the year.' } },
      },
    ]).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses an inferred basis without reasoning or note, and a field claim on a field not given, with 400 naming the field; nothing is appended', async () => {
    const head = await t.ledger.store.headPosition();
    const noReason = await post({ type: 'AppointMember', data: { group: 'styrgrupp-x', person: { name: 'Di New' }, effectiveFrom: '2025-02-01' }, metadata: { basis: { kind: 'inferred' } } }).expect(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'metadata.basis.reasoning' })]);
    const badField = await post({
      type: 'AppointMember',
      data: { group: 'styrgrupp-x', person: { name: 'Di New' }, effectiveFrom: '2025-02-01' },
      metadata: { fieldBasis: [{ field: 'place', kind: 'stated' }] },
    }).expect(400);
    expect(badField.body.errors).toEqual([expect.objectContaining({ field: 'metadata.fieldBasis[0].field' })]);
    const badKind = await post({ type: 'AppointMember', data: { group: 'styrgrupp-x', person: { name: 'Di New' }, effectiveFrom: '2025-02-01' }, metadata: { basis: { kind: 'certain' } } }).expect(400);
    expect(badKind.body.errors).toEqual([expect.objectContaining({ field: 'metadata.basis.kind' })]);
    const badDay = await post({ type: 'AppointMember', data: { group: 'styrgrupp-x', person: { name: 'Di New' }, effectiveFrom: '2025-02-01' }, metadata: { basis: { kind: 'stated', attestedOn: ['2025-13-01'] } } }).expect(400);
    expect(badDay.body.errors).toEqual([expect.objectContaining({ field: 'metadata.basis.attestedOn' })]);
    expect(await t.ledger.store.headPosition()).toBe(head);
  });

  it('stores the claim on the event as sent', async () => {
    const [seat] = await t.ledger.store.readByCommandId('seat');
    expect(seat!.metadata.basis).toEqual({ kind: 'stated', quote: 'Bo Member, styrgrupp', attestedOn: ['2025-09-01'] });
    const [guess] = await t.ledger.store.readByCommandId('guess');
    expect(guess!.metadata).not.toHaveProperty('basis');
  });

  it('the roster: a stated seat attested on a day is certain that day; a seat with only a note is inferred, with the note as reasoning', async () => {
    const on = (await request(t.server).get('/groups/styrgrupp-x/roster?at=2025-09-01').expect(200)).body;
    const bo = on.members.find((m: { person: { slug: string } }) => m.person.slug === 'bo-member');
    expect(bo).toMatchObject({ fromPrecision: 'unknown', uncertain: false, basis: { kind: 'stated', sources: [{ document: DOC, item: '1', quote: 'Bo Member, styrgrupp' }] } });
    const cy = on.members.find((m: { person: { slug: string } }) => m.person.slug === 'cy-guess');
    expect(cy).toMatchObject({ uncertain: false, basis: { kind: 'inferred', reasoning: 'Read from the turn of the year.' } });
    const before = (await request(t.server).get('/groups/styrgrupp-x/roster?at=2025-08-31').expect(200)).body;
    expect(before.members.find((m: { person: { slug: string } }) => m.person.slug === 'bo-member').uncertain).toBe(true);
  });

  it('the meeting: date stated, place inferred by the field claim, chair by the command claim; attendance stated by its list (derived); attested seats in the roster', async () => {
    const m = (await request(t.server).get(`/meetings/${MEETING}`).expect(200)).body;
    expect(m.basis).toMatchObject({
      date: { kind: 'stated', sources: [{ document: DOC }] },
      place: { kind: 'inferred', reasoning: 'The invitation names Kalmar; the protocol prints no place.' },
      chair: { kind: 'stated' },
      registryNumber: null,
      signOff: null,
    });
    expect(m.attendance.present[0].basis).toEqual({ kind: 'stated', sources: [{ document: DOC, item: 'Närvarande ledamöter' }] });
    const roster = (await request(t.server).get('/groups/lansgemensam-ledning-i-samverkan/roster?at=2025-09-01').expect(200)).body;
    expect(roster.members).toEqual([]);
    expect(roster.attested).toEqual([
      expect.objectContaining({ person: expect.objectContaining({ slug: 'bo-member' }), representing: expect.objectContaining({ slug: 'borgholms-kommun' }), from: '2025-09-01', to: '2025-09-01', attendedOn: true }),
    ]);
    const html = (await request(t.server).get(`/meetings/${MEETING}/protocol?format=html`).expect(200)).text;
    expect(html).toContain('<span class="inferred" data-basis="inferred" title="The invitation names Kalmar; the protocol prints no place.">Kalmar</span>');
  });

  it('a correction of the attendance list moves the attested seat; a knownAt before it still shows the old one', async () => {
    const [attendance] = await t.ledger.store.readByCommandId('attendance');
    t.clock.set('2030-01-01T00:00:00.000Z');
    await post({ type: 'RevokeEvent', data: { event: attendance!.id, reason: 'wrong meeting' }, metadata: { commandId: 'revoke-attendance' } }).expect(201);
    const now = (await request(t.server).get('/groups/lansgemensam-ledning-i-samverkan/roster?at=2025-09-01').expect(200)).body;
    expect(now.attested).toEqual([]);
    const then = (await request(t.server).get('/groups/lansgemensam-ledning-i-samverkan/roster?at=2025-09-01&knownAt=2029-12-31T00:00:00Z').expect(200)).body;
    expect(then.attested).toHaveLength(1);
  });
});

import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { attendance, MEETING, recordMeeting, replaceCitingMeeting, setup, signOff } from '../support/meeting-fixtures';

describe('meetings, protocols and decisions over HTTP', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const post = (body: unknown) => request(t.server).post('/commands').set('Authorization', t.auth.clerk).send(body as object);
  const get = (path: string) => request(t.server).get(path);
  const head = () => t.ledger.store.headPosition();
  const seeded = () => post([...setup, recordMeeting, replaceCitingMeeting, attendance]).expect(201);

  describe('reading', () => {
    it('lists meetings by body and date range, and shows one with items, decisions and their effects, attendance and status', async () => {
      await seeded();
      expect((await get('/meetings?body=lansgemensam-ledning-i-samverkan&from=2025-01-01&to=2025-12-31').expect(200)).body.map((m: { slug: string }) => m.slug)).toEqual([MEETING]);
      expect((await get('/meetings?from=2025-03-01').expect(200)).body).toEqual([]);
      const { body } = await get(`/meetings/${MEETING}`).expect(200);
      expect(body).toMatchObject({ slug: MEETING, date: '2025-02-28', registryNumber: 'RS DRN 2025/51', status: 'recorded', chair: { slug: 'sofia-hartz' }, body: { slug: 'lansgemensam-ledning-i-samverkan' } });
      expect(body.items.map((i: { number: string }) => i.number)).toEqual(['1', '2', '4', '4.1', '5', '6']);
      const replace = body.decisions.find((d: { item: string }) => d.item === '4.1');
      expect(replace).toMatchObject({ status: 'decided', outcome: 'decided' });
      expect(replace.effects.find((e: { type: string }) => e.type === 'MemberReplaced')).toMatchObject({
        summary: 'Katarina Nilsson Ederam replaces Karin Jilkén in Samordnande grupp Äldre from 2025-02-28',
        event: expect.any(String),
        stream: expect.stringMatching(/^group-/),
      });
      expect(body.attendance.present.map((a: { name: string }) => a.name)).toEqual(['Rune Jansson', 'Sofia Hartz', 'Anne Hallberg']);
      expect(body.attendance.others).toMatchObject([{ name: 'Katrín Karlsson', person: { slug: 'katrin-karlsson' } }]);
    });

    it('renders the protocol as Markdown and as a printable HTML page, in the layout of the source', async () => {
      await seeded();
      const md = await get(`/meetings/${MEETING}/protocol`).set('Accept', 'text/markdown').expect(200);
      expect(md.headers['content-type']).toMatch(/^text\/markdown/);
      const lines = md.text.split('\n');
      expect(lines[0]).toBe('RS DRN 2025/51');
      expect(md.text).toContain('# Protokoll Länsgemensam ledning i samverkan 2025-02-28');
      expect(md.text).toContain('## 2. Föregående mötesprotokoll\n\n**Beslut: Inga tillägg och protokollet lades till handlingarna.**');
      expect(md.text).toContain('### 4.1 Byte av deltagare inom samordnande grupp äldre - Beslut');
      expect(md.text.indexOf('## Närvarande ledamöter')).toBeGreaterThan(md.text.indexOf('### 4.1'));
      expect(md.text).toContain('- Anne Hallberg, Kalmar kommun (tf.)');
      expect(md.text).toContain('## Övriga medverkande\n\n- Katrín Karlsson, Kalmar kommun');
      const html = await get(`/meetings/${MEETING}/protocol`).set('Accept', 'text/html').expect(200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.text).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
      expect(html.text).toContain('<h1>Protokoll Länsgemensam ledning i samverkan 2025-02-28</h1>');
      expect(html.text).toContain('<strong>Beslut: Inga tillägg och protokollet lades till handlingarna.</strong>');
      expect(html.text).toContain('@media print');
      expect(html.text).not.toMatch(/<(script|img)\b/);
      expect(html.text).not.toMatch(/<link\b(?![^>]*href="data:,")/); // self-contained: only the empty inline icon
      expect((await get(`/meetings/${MEETING}/protocol?format=json`).expect(200)).body.slug).toBe(MEETING);
    });

    it('escapes everything that came from the log', async () => {
      await post(setup).expect(201);
      const evil = '<script>alert("x")</script> & *bold*';
      await post({ ...recordMeeting, data: { ...recordMeeting.data, items: [{ number: '1', kind: 'information', title: evil, text: evil }] } }).expect(201);
      const html = (await get(`/meetings/${MEETING}/protocol`).set('Accept', 'text/html').expect(200)).text;
      expect(html).not.toContain('<script>');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *bold*');
      const md = (await get(`/meetings/${MEETING}/protocol?format=md`).expect(200)).text;
      expect(md).toContain('\\<script\\>alert("x")\\</script\\> & \\*bold\\*');
    });

    it('rebuilds the protocol as it was known at a time (?knownAt=)', async () => {
      await seeded();
      t.clock.set('2026-02-01T00:00:00.000Z');
      await post({ type: 'AmendAgendaItem', data: { meeting: MEETING, item: { number: '1', kind: 'information', title: 'Välkomna', text: 'Sofia Hartz och Anna Hasselbom Trofast hälsade välkomna.' } } }).expect(201);
      const before = await get(`/meetings/${MEETING}/protocol?format=md&knownAt=2026-01-20T00:00:00Z`).expect(200);
      const now = await get(`/meetings/${MEETING}/protocol?format=md`).expect(200);
      expect(before.text).toContain('Sofia Hartz hälsade välkomna.');
      expect(now.text).toContain('Sofia Hartz och Anna Hasselbom Trofast hälsade välkomna.');
      expect(before.text).toContain('Som registret visade: 2026-01-20T00:00:00.000Z');
      await get(`/meetings/${MEETING}?knownAt=2000-01-01T00:00:00Z`).expect(404);
    });

    it('lists pending decisions with what each waits for', async () => {
      await seeded();
      const { body } = await get('/decisions?status=pending').expect(200);
      expect(body.decisions.map((d: { item: string }) => d.item)).toEqual(['5', '6']);
      expect(body.decisions[0]).toMatchObject({ meeting: { slug: MEETING }, waitingFor: [{ kind: 'ratification', ratifier: { name: 'Ledamöter inom skola' } }, { kind: 'ratification', ratifier: { name: 'Kalmar kommun' } }] });
      expect(body.decisions[1].waitingFor).toEqual([{ kind: 'later-decision', procedure: 'beslutas via mejl', subject: 'Handlingsplanen för samordnande grupp äldre' }]);
      await post({ type: 'RecordDeferredDecision', data: { meeting: MEETING, item: '6', decidedOn: '2025-03-10', procedure: 'per capsulam (mejl)', text: 'Handlingsplanen antas.' } }).expect(201);
      expect((await get('/decisions?status=pending').expect(200)).body.decisions.map((d: { item: string }) => d.item)).toEqual(['5']);
      expect((await get('/decisions?status=decided').expect(200)).body.decisions.map((d: { item: string }) => d.item)).toEqual(['2', '4.1', '6']);
    });

    it('gives a person profile with the meetings attended, and keeps /memberships working', async () => {
      await seeded();
      const { body } = await get('/people/anne-hallberg').expect(200);
      expect(body).toMatchObject({ person: { name: 'Anne Hallberg' }, meetingsAttended: [{ meeting: { slug: MEETING, date: '2025-02-28' }, role: 'member', acting: true, party: { slug: 'kalmar-kommun' } }] });
      expect((await get('/people/katarina-nilsson-ederam').expect(200)).body.memberships).toMatchObject([{ group: { slug: 'samordnande-grupp-aldre' }, from: '2025-02-28' }]);
      await get('/people/katarina-nilsson-ederam/memberships').expect(200);
      await get('/people/nobody-at-all').expect(404);
    });

    it('exports Popolo (memberships with dates and on_behalf_of) and OParl-shaped meetings', async () => {
      await seeded();
      await post({ type: 'AppointMember', data: { group: 'samordnande-grupp-aldre', person: { name: 'Rep Kalmar' }, representing: 'kalmar-kommun', effectiveFrom: '2025-03' } }).expect(201);
      const popolo = (await get('/export/popolo').expect(200)).body;
      const kalmar = popolo.organizations.find((o: { name: string }) => o.name === 'Kalmar kommun');
      const rep = popolo.persons.find((p: { name: string }) => p.name === 'Rep Kalmar');
      expect(popolo.memberships.find((m: { person_id: string }) => m.person_id === rep.id)).toMatchObject({ start_date: '2025-03', on_behalf_of_id: kalmar.id, role: 'member' });
      const jilken = popolo.persons.find((p: { name: string }) => p.name === 'Karin Jilkén');
      const ended = popolo.memberships.find((m: { person_id: string }) => m.person_id === jilken.id);
      expect(ended.end_date).toBe('2025-02-27');
      expect(ended.start_date).toBeUndefined(); // "unknown" is left out, never invented
      const oparl = (await get(`/meetings/${MEETING}?format=oparl`).expect(200)).body;
      expect(oparl).toMatchObject({ type: 'https://schema.oparl.org/1.1/Meeting', start: '2025-02-28', agendaItem: expect.arrayContaining([expect.objectContaining({ number: '4.1', result: 'decided', type: 'https://schema.oparl.org/1.1/AgendaItem' })]) });
      expect((await get('/export/oparl/meetings').expect(200)).body).toEqual([oparl]);
    });

    it('gives every Popolo membership and every OParl meeting and agenda item its basis, as the roster and the meeting view answer it', async () => {
      await seeded();
      const popolo = (await get('/export/popolo').expect(200)).body;
      const roster = (await get('/groups/samordnande-grupp-aldre/roster?at=2025-03-15').expect(200)).body;
      const person = (name: string) => popolo.persons.find((p: { name: string }) => p.name === name).id;
      const incoming = popolo.memberships.find((m: { person_id: string; organization_id: string }) => m.person_id === person('Katarina Nilsson Ederam'));
      const seat = roster.members.find((m: { person: { name: string } }) => m.person.name === 'Katarina Nilsson Ederam');
      expect(incoming['ledger:basis']).toEqual(seat.basis);
      expect(incoming['ledger:basis']).toMatchObject({ kind: 'stated', sources: [expect.objectContaining({ document: expect.stringMatching(/\S/) })] });
      for (const m of popolo.memberships) expect(['stated', 'inferred']).toContain(m['ledger:basis'].kind);

      const meeting = (await get(`/meetings/${MEETING}`).expect(200)).body;
      const oparl = (await get(`/meetings/${MEETING}?format=oparl`).expect(200)).body;
      expect(oparl['ledger:basis']).toEqual(meeting.basis);
      const item = oparl.agendaItem.find((i: { number: string }) => i.number === '4.1');
      const viewed = meeting.items.find((i: { number: string }) => i.number === '4.1');
      expect(item['ledger:basis']).toEqual({ item: viewed.basis, decision: viewed.decision.basis });
      expect(item['ledger:basis'].decision).toMatchObject({ kind: 'stated', sources: [expect.objectContaining({ item: '4.1' })] });
    });
  });

  it('documents the meeting commands in GET /commands, nested items included', async () => {
    const { body } = await get('/commands').expect(200);
    const record = body.commands.find((c: { type: string }) => c.type === 'RecordMeeting');
    expect(record.schema.properties.items.items).toEqual({ $ref: '#/definitions/AgendaItemDto', type: 'object' });
    expect(body.definitions.AgendaItemDto.properties.kind.enum).toEqual(['information', 'decision']);
    expect(body.commands.map((c: { type: string }) => c.type)).toEqual(expect.arrayContaining(['SignOffMeeting', 'RecordRatification', 'RevokeEvent', 'CorrectEvent']));
  });

  describe('bad input: 400/404/422 problem details naming the field, and the store unchanged', () => {
    it('refuses a decision citing an unknown meeting or an unknown item of it', async () => {
      await post([...setup, recordMeeting]).expect(201);
      const position = await head();
      const noMeeting = await post({ ...replaceCitingMeeting, metadata: { ...replaceCitingMeeting.metadata, decision: { meeting: 'lansgemensam-ledning-i-samverkan-2025-02-27', item: '4.1' } } }).expect(422);
      expect(noMeeting.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(noMeeting.body).toMatchObject({ rule: 'meeting-must-exist', errors: [{ field: 'metadata.decision.meeting' }] });
      const noItem = await post({ ...replaceCitingMeeting, metadata: { ...replaceCitingMeeting.metadata, decision: { meeting: MEETING, item: '4.9' } } }).expect(422);
      expect(noItem.body).toMatchObject({ rule: 'agenda-item-must-exist', errors: [{ field: 'metadata.decision.item' }] });
      const badItem = await post({ ...replaceCitingMeeting, metadata: { ...replaceCitingMeeting.metadata, decision: { meeting: MEETING, item: 'four' } } }).expect(400);
      expect(badItem.body.errors[0].field).toBe('metadata.decision.item');
      expect(await head()).toBe(position);
    });

    it('accepts a decision citing a meeting recorded earlier in the same batch', async () => {
      await post([...setup, recordMeeting, replaceCitingMeeting]).expect(201);
    });

    it('refuses a correction of an unknown event (422) or of something that is not an event id (400)', async () => {
      await seeded();
      const position = await head();
      const unknown = await post({ type: 'CorrectEvent', data: { event: '00000000-0000-4000-8000-000000000000', reason: 'x', data: { title: 'y' } } }).expect(422);
      expect(unknown.body).toMatchObject({ rule: 'event-must-exist', errors: [{ field: 'data.event' }] });
      const revoke = await post({ type: 'RevokeEvent', data: { event: '00000000-0000-4000-8000-000000000000', reason: 'x' } }).expect(422);
      expect(revoke.body.errors[0].field).toBe('data.event');
      const malformed = await post({ type: 'RevokeEvent', data: { event: 'not-an-id', reason: 'x' } }).expect(400);
      expect(malformed.body.errors[0].field).toBe('data.event');
      expect(await head()).toBe(position);
    });

    it('refuses attendance of a person named by a slug nobody has, naming the entry', async () => {
      await post([...setup, recordMeeting]).expect(201);
      const position = await head();
      const response = await post({ type: 'RecordAttendance', data: { meeting: MEETING, present: [{ person: { name: 'Ny Person' } }, { person: 'no-such-person' }] } }).expect(422);
      expect(response.body).toMatchObject({ rule: 'person-must-exist', errors: [{ field: 'data.present[1].person' }] });
      expect(await head()).toBe(position);
      await get('/people/ny-person').expect(404); // the batch registered nobody
    });

    it('refuses every change to a signed-off meeting except corrections', async () => {
      await post([...setup, recordMeeting, attendance, signOff]).expect(201);
      const position = await head();
      const changes = [
        { type: 'AddAgendaItem', data: { meeting: MEETING, item: { number: '7', kind: 'information', title: 'Övrigt' } } },
        { type: 'AmendAgendaItem', data: { meeting: MEETING, item: { number: '1', kind: 'information', title: 'Välkomna', text: 'Ändrad.' } } },
        { type: 'RecordAttendance', data: { meeting: MEETING, others: [{ person: { name: 'Sen Gäst' } }] } },
        { type: 'AttachSource', data: { meeting: MEETING, source: { document: 'Nyhetsbrev' }, items: ['1'] } },
        { type: 'SignOffMeeting', data: { meeting: MEETING, signedOn: '2025-03-06' } },
      ];
      for (const change of changes) {
        const response = await post(change).expect(422);
        expect(response.body).toMatchObject({ rule: 'meeting-signed-off', errors: [{ field: 'data.meeting' }] });
      }
      expect(await head()).toBe(position);
      const item1 = (await get(`/meetings/${MEETING}`).expect(200)).body.items[0].events[0];
      await post({ type: 'CorrectEvent', data: { event: item1, reason: 'Stavfel', data: { text: 'Rättad text.' } } }).expect(201);
      expect((await get(`/meetings/${MEETING}`).expect(200)).body.items[0].text).toBe('Rättad text.');
      await post(replaceCitingMeeting).expect(201); // an effect in another stream may cite a signed-off meeting
    });

    it('refuses malformed items: duplicate numbers, a bad kind, a bad number, a decision item without its decision', async () => {
      await post(setup).expect(201);
      const position = await head();
      const withItems = (items: unknown[]) => post({ ...recordMeeting, data: { ...recordMeeting.data, items } });
      const dup = await withItems([{ number: '4.1', kind: 'information', title: 'A' }, { number: '4.1', kind: 'information', title: 'B' }]).expect(400);
      expect(dup.body.errors[0].field).toBe('data.items');
      const kind = await withItems([{ number: '1', kind: 'beslut', title: 'A' }]).expect(400);
      expect(kind.body.errors[0].field).toBe('data.items[0].kind');
      const number = await withItems([{ number: '4a', kind: 'information', title: 'A' }]).expect(400);
      expect(number.body.errors[0].field).toBe('data.items[0].number');
      const noDecision = await withItems([{ number: '2', kind: 'decision', title: 'A' }]).expect(400);
      expect(noDecision.body.errors[0].field).toBe('data.items[0].decision');
      const noRatifiers = await withItems([{ number: '2', kind: 'decision', title: 'A', decision: { text: 'B', outcome: 'needs-ratification' } }]).expect(400);
      expect(noRatifiers.body.errors[0].field).toBe('data.items[0].decision.ratifiers');
      const infoWithDecision = await withItems([{ number: '2', kind: 'information', title: 'A', decision: { text: 'B', outcome: 'decided' } }]).expect(400);
      expect(infoWithDecision.body.errors[0].field).toBe('data.items[0].decision');
      const noBody = await post({ ...recordMeeting, data: { ...recordMeeting.data, body: 'no-such-group' } }).expect(422);
      expect(noBody.body.errors[0].field).toBe('data.body');
      expect(await head()).toBe(position);
    });

    it('refuses corrections the ledger cannot make in place, saying what to do instead', async () => {
      await seeded();
      const party = (await t.ledger.store.readByCommandId('party-kalmar'))[0]!.id;
      const response = await post({ type: 'CorrectEvent', data: { event: party, reason: 'x', data: { name: 'Y' } } }).expect(422);
      expect(response.body).toMatchObject({ rule: 'not-correctable' });
      const revoked = await post({ type: 'RevokeEvent', data: { event: party, reason: 'x' } }).expect(422);
      expect(revoked.body.rule).toBe('cannot-be-revoked');
      const appointed = (await t.ledger.store.readByCommandId('appoint-jilken')).find((e) => e.type === 'MemberAppointed')!.id;
      const bad = await post({ type: 'CorrectEvent', data: { event: appointed, reason: 'x', data: { effectiveFrom: '2025-02-30' } } }).expect(400);
      expect(bad.body.errors[0].field).toBe('data.data.effectiveFrom');
      const dependents = await post({ type: 'RevokeEvent', data: { event: appointed, reason: 'x' } }).expect(422);
      expect(dependents.body.rule).toBe('has-dependents');
      const late = await post({ type: 'CorrectEvent', data: { event: appointed, reason: 'x', data: { effectiveFrom: '2025-06-01' } } }).expect(422);
      expect(late.body.rule).toBe('effective-date-order'); // the seat would begin after it was ended
    });

    it('answers unknown meetings with 404 and bad query parameters with 400 naming them', async () => {
      await seeded();
      expect((await get('/meetings/no-such-meeting').expect(404)).body.errors[0].field).toBe('meeting');
      expect((await get('/decisions?status=bogus').expect(400)).body.errors[0].field).toBe('status');
      expect((await get('/meetings?from=2025-13-01').expect(400)).body.errors[0].field).toBe('from');
      expect((await get('/meetings?body=no-such-group').expect(404)).body.errors[0].field).toBe('body');
      expect((await get(`/meetings/${MEETING}/protocol?format=pdf`).expect(400)).body.errors[0].field).toBe('format');
      expect((await get(`/meetings/${MEETING}/protocol?knownAt=yesterday`).expect(400)).body.errors[0].field).toBe('knownAt');
      expect((await get(`/meetings/${MEETING}?format=xml`).expect(400)).body.errors[0].field).toBe('format');
    });
  });
});

import { join } from 'node:path';
import request from 'supertest';
import { importCommands, KALMAR_DATA_DIR } from '../../src/seed/kalmar-seed';
import { SEED_PROTOCOLS, seedText } from '../intake/reader-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** POST /intake/protocol: a protocol's text in, proposed commands and their dry run out; never an event appended. */
describe('POST /intake/protocol', () => {
  let t: TestApp;
  const protocol = seedText(SEED_PROTOCOLS['2025-02-28']);

  beforeEach(async () => {
    t = await startTestApp();
    await importCommands(t.ledger, join(KALMAR_DATA_DIR, '01-parties.json'), 'test');
    await importCommands(t.ledger, join(KALMAR_DATA_DIR, '02-groups.json'), 'test');
  });
  afterEach(async () => {
    await t.close();
  });

  const intake = (auth = t.auth.clerk) => request(t.server).post('/intake/protocol').set('Authorization', auth);
  const head = () => t.ledger.store.headPosition();

  it('given a ledger with parties and groups, when a seed protocol is sent as text/plain, then the meeting, its items and the decision effects are proposed with source lines, confidence and names, and nothing is appended', async () => {
    const before = await head();
    const response = await intake().set('Content-Type', 'text/plain; charset=utf-8').send(protocol).expect(200);

    const { intake: result, dryRun } = response.body;
    const types = result.proposals.map((p: { command: { type: string } }) => p.command.type);
    expect(types).toContain('RecordMeeting');
    expect(types).toContain('ReplaceMember');
    const meeting = result.proposals.find((p: { command: { type: string } }) => p.command.type === 'RecordMeeting');
    expect(meeting.command.data).toMatchObject({ date: '2025-02-28' });
    expect(meeting.command.data.items.length).toBeGreaterThan(3);
    for (const p of result.proposals) {
      expect(p.lines.length).toBeGreaterThan(0);
      expect(p.lines[0]).toEqual({ line: expect.any(Number), text: expect.any(String) });
      expect(['stated', 'inferred']).toContain(p.confidence);
    }
    const replacement = result.proposals.find((p: { command: { type: string } }) => p.command.type === 'ReplaceMember');
    expect(replacement.names.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['new']));
    expect(dryRun).toMatchObject({ dryRun: true });
    expect(dryRun.events.length).toBeGreaterThan(0);
    expect(await head()).toBe(before);
  });

  it('when the same protocol is sent as JSON { text } and as an uploaded file, then the reading is the same', async () => {
    const plain = await intake().set('Content-Type', 'text/plain').send(protocol).expect(200);
    const json = await intake().send({ text: protocol }).expect(200);
    const file = await intake().attach('protocol', Buffer.from(protocol, 'utf8'), { filename: 'protokoll.txt', contentType: 'text/plain' }).expect(200);
    expect(json.body.intake).toEqual(plain.body.intake);
    expect(file.body.intake).toEqual(plain.body.intake);
  });

  it('given the Kalmar dataset, when a recorded protocol is read again, then its people resolve to the ledger’s persons', async () => {
    await importCommands(t.ledger, KALMAR_DATA_DIR, 'test');
    const response = await intake().set('Content-Type', 'text/plain').send(protocol).expect(200);
    const kinds = response.body.intake.proposals.flatMap((p: { names: { kind: string }[] }) => p.names.map((n) => n.kind));
    expect(kinds).toContain('existing');
    expect(kinds).not.toContain('new');
  });

  it.each([
    ['an empty text', 'text/plain', '', 400, 'text'],
    ['only blanks', 'text/plain', '  \n\t \n', 400, 'text'],
    ['a protocol with no date', 'text/plain', 'Protokoll\n\n1. Mötet öppnas\nOrdföranden hälsar alla välkomna.\n', 422, 'text'],
    ['Latin-1 bytes', 'text/plain', Buffer.from('Ordförande Sofia Hartz', 'latin1'), 415, 'text'],
    ['another charset', 'text/plain; charset=iso-8859-1', 'Protokoll', 415, 'text'],
    ['an image', 'application/octet-stream', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), 415, 'content-type'],
  ])('given %s (sent as %s), then it answers with the status and names the field, and nothing is appended', async (_what, type, body, status, field) => {
    const before = await head();
    const response = await intake().set('Content-Type', type).send(body).expect(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await head()).toBe(before);
  });

  it.each([
    ['a PDF', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 3])]), 'PDF'],
    ['a Word file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), 'Word'],
    ['binary data', Buffer.from([0x41, 0x42, 0, 0, 0x43]), 'binary'],
  ])('given %s uploaded as the file, then 415 names the field protocol and says what it is', async (_what, bytes, word) => {
    const before = await head();
    const response = await intake().attach('protocol', bytes, { filename: 'protokoll.bin' }).expect(415);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'protocol' })]);
    expect(response.body.detail).toContain(word);
    expect(await head()).toBe(before);
  });

  it('given more than 5 MB of text, then 413 names the field, as text, as JSON and as a file', async () => {
    const before = await head();
    const big = 'Protokoll 2025-02-28\n'.padEnd(5 * 1024 * 1024 + 1, 'x');
    expect((await intake().set('Content-Type', 'text/plain').send(big).expect(413)).body.errors[0].field).toBe('text');
    expect((await intake().attach('protocol', Buffer.from(big), { filename: 'stor.txt' }).expect(413)).body.errors[0].field).toBe('protocol');
    expect((await intake().send({ text: big }).expect(413)).body.errors[0].field).toBe('text');
    expect(await head()).toBe(before);
  });

  it('given JSON without text, then 400 names text; malformed JSON names the body', async () => {
    expect((await intake().send({ protocol }).expect(400)).body.errors[0].field).toBe('text');
    expect((await intake().set('Content-Type', 'application/json').send('{"text": ').expect(400)).body.errors[0].field).toBe('body');
  });

  it('without a token 401; a reader’s or auditor’s token 403: the intake is a clerk’s tool', async () => {
    await request(t.server).post('/intake/protocol').set('Content-Type', 'text/plain').send(protocol).expect(401);
    await intake(t.auth.reader).set('Content-Type', 'text/plain').send(protocol).expect(403);
    await intake(t.auth.auditor).set('Content-Type', 'text/plain').send(protocol).expect(403);
  });
});

import type { Meeting, Topic } from '../../bench/generator/history-kind';
import { Prng } from '../../bench/generator/prng';
import { ProtocolSession } from '../../bench/generator/protocol-session';
import { createWorld } from '../../bench/generator/world';

const meeting: Meeting = { day: '2017-03-09', year: 2017, firstOfYear: false, document: 'Protokoll Ledningsgrupp Ekby 2017-03-09', slug: 'ledningsgrupp-ekby-2017-03-09' };
const goLive: Meeting = { ...meeting, day: '2016-01-15', document: 'Inläsning av organisationen Ekby 2016-01-15', slug: null };
const topic = (key: string, says: string): Topic => ({ key, kind: 'decision', title: `Byte av deltagare inom ${key} - Beslut`, says });

function session(m: Meeting): ProtocolSession {
  let n = 0;
  return new ProtocolSession(createWorld(1), new Prng(1), m, () => `c${n++}`);
}

describe('a protocol being generated', () => {
  it('numbers one item per topic under item 3, in order of first use, and gathers its sentences', () => {
    const s = session(meeting);
    s.emit('ReplaceMember', {}, topic('a', 'A ersätter B.'));
    s.emit('AppointMember', {}, topic('b', 'C utses.'));
    s.emit('EndMembership', {}, topic('a', 'D lämnar.'));
    expect(s.agenda()).toEqual([
      { number: '3.1', kind: 'decision', title: 'Byte av deltagare inom a - Beslut', sentences: ['A ersätter B.', 'D lämnar.'] },
      { number: '3.2', kind: 'decision', title: 'Byte av deltagare inom b - Beslut', sentences: ['C utses.'] },
    ]);
  });

  it('records the meeting ahead of the decisions, which then cite it and their item', () => {
    const s = session(meeting);
    s.emit('ReplaceMember', {}, topic('a', 'A ersätter B.'));
    s.recordMeeting({ body: 'ledningsgrupp-ekby', date: meeting.day });
    s.emit('SignOffMeeting', { meeting: meeting.slug });
    const commands = s.commands();
    expect(commands.map((c) => c.type)).toEqual(['RecordMeeting', 'ReplaceMember', 'SignOffMeeting']);
    expect(commands.map((c) => c.metadata.decision ?? null)).toEqual([null, { meeting: 'ledningsgrupp-ekby-2017-03-09', item: '3.1' }, null]);
    expect(commands[1]!.metadata.source).toEqual({ document: meeting.document, item: '3.1' });
    expect(() => s.emit('AppointMember', {}, topic('late', 'E utses.'))).toThrow(/opened after the meeting/);
  });

  it('cites no decision without a recorded meeting: at go-live the item is the line of the list', () => {
    const s = session(goLive);
    s.emit('EstablishGroup', {}, topic('a', 'ignored'));
    s.emit('AppointMember', {});
    expect(s.agenda()).toEqual([]);
    expect(s.commands().map((c) => [c.metadata.source, c.metadata.decision])).toEqual([
      [{ document: goLive.document, item: '1' }, undefined],
      [{ document: goLive.document, item: '2' }, undefined],
    ]);
    expect(() => s.recordMeeting({})).toThrow(/no meeting/);
  });
});

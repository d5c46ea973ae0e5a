import { intakeProtocol } from '../../src/intake/intake-protocol';
import { UnreadableProtocol, type IntakeResult, type Proposal } from '../../src/intake/intake-result';
import { datasetBatch, partiesAndGroupsDirectory, SEED_NEWSLETTER, SEED_PROTOCOLS, seedText, type SeedDate } from './reader-fixtures';

/**
 * The document reader against the four real protocols of seeds/ (read-only), with the shipped
 * dataset (data/kalmar/03..06, transcribed by hand from the same texts) as the expected reading.
 */

const DATASET: Record<SeedDate, string> = {
  '2024-12-13': '03-protocol-2024-12-13.json',
  '2025-02-28': '04-protocol-2025-02-28.json',
  '2025-05-16': '05-protocol-2025-05-16.json',
  '2026-03-12': '06-protocol-2026-03-12.json',
};

interface ItemData {
  number: string;
  kind: string;
  title: string;
  text?: string;
  presenters?: { person: { name: string }; as?: string }[];
  decision?: { text?: string; outcome: string; procedure?: string };
}

function read(date: SeedDate): IntakeResult {
  return intakeProtocol(seedText(SEED_PROTOCOLS[date]), partiesAndGroupsDirectory());
}

function only(result: IntakeResult, type: string): Proposal {
  const found = result.proposals.filter((p) => p.command.type === type);
  expect(found).toHaveLength(1);
  return found[0]!;
}

function itemsOf(result: IntakeResult): ItemData[] {
  return only(result, 'RecordMeeting').command.data['items'] as ItemData[];
}

function transcribed(date: SeedDate, type: string) {
  return datasetBatch(DATASET[date]).find((c) => c.type === type)!;
}

const DATES = Object.keys(SEED_PROTOCOLS) as SeedDate[];

describe('Given the plain text of a seed protocol', () => {
  describe.each(DATES)('protocol %s, when it is read', (date) => {
    const result = read(date);

    it('then the meeting is dated as its title, for Länsgemensam ledning i samverkan', () => {
      expect(result.meeting.date).toBe(date);
      expect(result.meeting.body).toBe('lansgemensam-ledning-i-samverkan');
      expect(result.meeting.ref).toBe(`lansgemensam-ledning-i-samverkan-${date}`);
      expect(result.meeting.title).toBe(transcribed(date, 'RecordMeeting').data['title']);
      const meeting = only(result, 'RecordMeeting');
      expect(meeting.id).toBe('p1');
      expect(meeting.command.metadata['commandId']).toBe(`kalmar:${date}:meeting`);
      expect(meeting.command.data['date']).toBe(date);
    });

    it('then the items and the points under them are numbered, titled and kinded as the transcription', () => {
      const expected = (transcribed(date, 'RecordMeeting').data['items'] as ItemData[]).map((i) => [i.number, i.kind, i.title]);
      expect(itemsOf(result).map((i) => [i.number, i.kind, i.title])).toEqual(expected);
    });

    it('then every decision text is copied verbatim, conversion line breaks mended', () => {
      const expected = (transcribed(date, 'RecordMeeting').data['items'] as ItemData[]).filter((i) => i.decision?.text !== undefined);
      expect(expected.length).toBeGreaterThan(0);
      const mine = new Map(itemsOf(result).map((i) => [i.number, i]));
      for (const item of expected) expect([item.number, mine.get(item.number)?.decision?.text]).toEqual([item.number, item.decision!.text]);
    });

    it('then the presenters are named with what is printed beside them', () => {
      const expected = (transcribed(date, 'RecordMeeting').data['items'] as ItemData[]).map((i) => [i.number, i.presenters ?? []]);
      expect(itemsOf(result).map((i) => [i.number, i.presenters ?? []])).toEqual(expected);
    });

    it('then the attendance lists are read in order: party or capacity, and "(tf.)" as acting', () => {
      const expected = transcribed(date, 'RecordAttendance').data;
      const attendance = only(result, 'RecordAttendance').command;
      expect(attendance.data['meeting']).toBe(`lansgemensam-ledning-i-samverkan-${date}`);
      expect(attendance.data['present']).toEqual(expected['present']);
      expect(attendance.data['others']).toEqual(expected['others']);
      expect(attendance.metadata['commandId']).toBe(`kalmar:${date}:attendance`);
    });

    it('then proposal ids run p1..pn in document order and commandIds are unique', () => {
      expect(result.proposals.map((p) => p.id)).toEqual(result.proposals.map((_p, i) => `p${i + 1}`));
      const ids = result.proposals.map((p) => p.command.metadata['commandId']);
      expect(new Set(ids).size).toBe(ids.length);
      // RecordAttendance follows the affiliations read from its own lists, as in the dataset.
      const firstLines = result.proposals.slice(1).filter((p) => p.command.type !== 'RecordAttendance').map((p) => p.lines[0]!.line);
      expect(firstLines).toEqual([...firstLines].sort((a, b) => a - b));
    });

    it('then no non-blank line is lost: each is used by a proposal, an amount, or listed as not understood', () => {
      const text = seedText(SEED_PROTOCOLS[date]);
      const nonBlank = text.split(/\r\n|\r|\n/).flatMap((t, i) => (t.trim() === '' ? [] : [i + 1]));
      const covered = new Set([...result.proposals.flatMap((p) => p.lines), ...result.amounts.flatMap((a) => a.lines), ...result.notUnderstood.flatMap((n) => n.lines)].map((l) => l.line));
      expect(nonBlank.filter((n) => !covered.has(n))).toEqual([]);
      for (const n of result.notUnderstood) expect(n.reason).not.toBe('');
      expect(result.counts.notUnderstood).toBe(result.notUnderstood.length);
    });

    it('then the same text read twice gives the same result', () => {
      expect(read(date)).toEqual(result);
    });
  });

  it('then 2024-12-13 lists 21 members present and 12 others, two of them user representatives', () => {
    const data = only(read('2024-12-13'), 'RecordAttendance').command.data as { present: { capacity?: string }[]; others: unknown[] };
    expect(data.present).toHaveLength(21);
    expect(data.others).toHaveLength(12);
    expect(data.present.filter((p) => p.capacity === 'Brukarrepresentant')).toHaveLength(2);
  });

  it('then 2025-02-28 carries its registry number "RS DRN 2025/51" into the meeting and every source', () => {
    const result = read('2025-02-28');
    expect(result.meeting.registryNumber).toBe('RS DRN 2025/51');
    expect(only(result, 'RecordMeeting').command.data['registryNumber']).toBe('RS DRN 2025/51');
    for (const p of result.proposals) expect((p.command.metadata['source'] as { registryNumber?: string }).registryNumber).toBe('RS DRN 2025/51');
  });

  it('then 2025-05-16 marks the two acting members "(tf.)" and the item 6 decision as deferred to e-mail', () => {
    const result = read('2025-05-16');
    const present = only(result, 'RecordAttendance').command.data['present'] as { person: { name: string }; acting?: boolean }[];
    expect(present.filter((p) => p.acting).map((p) => p.person.name)).toEqual(['Anne Hallberg', 'Ann-Charlotte Hedström']);
    const item6 = itemsOf(result).find((i) => i.number === '6')!;
    expect(item6.decision).toEqual({ outcome: 'deferred', procedure: 'beslutas via mejl', subject: 'Handlingsplanen för samordnande grupp äldre' });
  });

  it('then 2024-12-13 reads the points of item 7 ("6-7 mars 2025 – …") and the chair from item 1, inferred', () => {
    const result = read('2024-12-13');
    const meeting = only(result, 'RecordMeeting');
    expect(meeting.command.data['chair']).toEqual({ name: 'Sofia Hartz' });
    expect(meeting.command.metadata['fieldBasis']).toEqual([expect.objectContaining({ field: 'chair', kind: 'inferred' })]);
    expect(itemsOf(result).find((i) => i.number === '7.6')).toEqual({
      number: '7.6',
      kind: 'information',
      title: 'Ordförande och vice ordförande',
      text: 'Vid årsskiftet sker ett byte i ordförandeskap på samtliga nivåer inom Läns gemensam ledning i samverkan och gäller t o m dec 2026.',
    });
  });

  it('then the presenters and the attendance lists propose affiliations, organisations resolved diacritic-insensitively', () => {
    const result = read('2024-12-13');
    const affiliation = (slug: string) => result.proposals.find((p) => p.command.type === 'RecordAffiliation' && String(p.command.metadata['commandId']).endsWith(`:${slug}`));
    // "Kommunförbundet i Kalmar län" is an alias of Kommunförbundet Kalmar län.
    expect(affiliation('pija-lavas')!.command).toEqual(datasetBatch(DATASET['2024-12-13']).find((c) => c.metadata['commandId'] === 'kalmar:2024-12-13:item6:affiliation:pija-lavas'));
    // "Västervik kommun" (attendance) is Västerviks kommun.
    expect(affiliation('joakim-nyman')!.command.data).toEqual({ person: { name: 'Joakim Nyman' }, organisation: 'vasterviks-kommun', effectiveFrom: '2024-12-13' });
    // A user representative comes for no party: no affiliation.
    expect(affiliation('rune-jansson')).toBeUndefined();
  });

  it('then a person the ledger already knows at the same organisation gets no new affiliation', () => {
    const directory = partiesAndGroupsDirectory();
    const known = { ...directory, people: [{ slug: 'joakim-nyman', name: 'Joakim Nyman', aliases: [], affiliation: { organisation: 'vasterviks-kommun' } }] };
    const result = intakeProtocol(seedText(SEED_PROTOCOLS['2024-12-13']), known);
    expect(result.proposals.some((p) => p.command.metadata['commandId'] === 'kalmar:2024-12-13:attendance:affiliation:joakim-nyman')).toBe(false);
    const names = only(result, 'RecordAttendance').names;
    expect(names).toContainEqual({ kind: 'existing', name: 'Joakim Nyman', slug: 'joakim-nyman', matchedBy: 'name' });
  });
});

describe('Given a ledger that knows two people by the same name', () => {
  it('when a protocol names one of them, then the name is ambiguous, counted, and the clerk is asked to pick', () => {
    const directory = partiesAndGroupsDirectory();
    const twins = { ...directory, people: [{ slug: 'joakim-nyman', name: 'Joakim Nyman', aliases: [] }, { slug: 'joakim-nyman-2', name: 'Joakim Nyman', aliases: [] }] };
    const result = intakeProtocol(seedText(SEED_PROTOCOLS['2024-12-13']), twins);
    const attendance = only(result, 'RecordAttendance');
    expect(attendance.names.filter((n) => n.kind === 'ambiguous')).toEqual([
      { kind: 'ambiguous', name: 'Joakim Nyman', candidates: [expect.objectContaining({ slug: 'joakim-nyman' }), expect.objectContaining({ slug: 'joakim-nyman-2' })] },
    ]);
    expect(attendance.notes.some((n) => n.includes('Joakim Nyman'))).toBe(true);
    expect(result.counts.ambiguous).toBe(result.proposals.reduce((k, p) => k + p.names.filter((n) => n.kind === 'ambiguous').length, 0));
    expect(result.counts.ambiguous).toBeGreaterThanOrEqual(1);
  });
});

describe('Given a text the reader refuses as a whole', () => {
  const refused = (text: string): UnreadableProtocol => {
    try {
      intakeProtocol(text, partiesAndGroupsDirectory());
    } catch (e) {
      if (e instanceof UnreadableProtocol) return e;
      throw e;
    }
    throw new Error('the text was read');
  };

  it('when the protocol states no meeting date, then it is UnreadableProtocol naming the text', () => {
    const text = seedText(SEED_PROTOCOLS['2024-12-13']).replace('Protokoll Läns gemensam ledning i samverkan 2024-12-13', 'Protokoll Läns gemensam ledning i samverkan');
    expect(text).not.toContain('2024-12-13');
    const e = refused(text);
    expect(e.field).toBe('text');
    expect(e.message).toMatch(/mötesdatum/);
  });

  it('when the text is the newsletter, not a protocol, then it is UnreadableProtocol', () => {
    expect(refused(seedText(SEED_NEWSLETTER)).message).toMatch(/inget protokoll/);
  });

  it('when the text is empty or blank, then it is UnreadableProtocol', () => {
    expect(refused('').field).toBe('text');
    expect(refused(' \n\n \t\n').field).toBe('text');
  });
});

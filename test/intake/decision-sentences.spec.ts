import { deferralIn } from '../../src/intake/effects/deferred';
import { effectsOfItem } from '../../src/intake/effects/effects-of-item';
import type { DraftProposal, ItemEffects } from '../../src/intake/item-effects.contract';
import { contextOf, datasetCommand, datasetCommands, itemOf, PROTOCOLS, seedLines, textLines, type MeetingDate } from './intake-fixtures';

/**
 * The decision sentences of the four seed protocols, read from the seed files at the lines they
 * stand on (line breaks and conversion damage as printed), must give the commands the shipped
 * dataset has: same commandId, same data. Where the dataset knows more than one sentence can say
 * (a chair's term read from another protocol), the difference is listed below with the reason.
 */
interface SeedItem {
  readonly date: MeetingDate;
  readonly item: string;
  readonly kind: 'information' | 'decision';
  readonly from: number;
  readonly to: number;
  /** A phrase the lines must hold, so a wrong line range fails here and not silently. */
  readonly holds: string;
}

const SEED_ITEMS: readonly SeedItem[] = [
  { date: '2024-12-13', item: '1', kind: 'information', from: 7, to: 7, holds: 'Vice ordförande Sofia Hartz' },
  { date: '2024-12-13', item: '2', kind: 'decision', from: 11, to: 11, holds: 'Inga tillägg' },
  { date: '2024-12-13', item: '7.6', kind: 'information', from: 120, to: 120, holds: 'byte i ordförandeskap' },
  { date: '2024-12-13', item: '8.1', kind: 'decision', from: 126, to: 129, holds: 'tillsätta Charlotte Blomqvist' },
  { date: '2024-12-13', item: '8.2', kind: 'decision', from: 133, to: 136, holds: 'förlänga projektet' },
  { date: '2024-12-13', item: '8.3', kind: 'decision', from: 140, to: 145, holds: 'ny representation' },
  { date: '2025-02-28', item: '1', kind: 'information', from: 11, to: 24, holds: 'välkomna' },
  { date: '2025-02-28', item: '2', kind: 'decision', from: 25, to: 25, holds: 'Inga tillägg' },
  { date: '2025-02-28', item: '4.1', kind: 'decision', from: 93, to: 96, holds: 'ersätter tidigare deltagare' },
  { date: '2025-02-28', item: '4.2', kind: 'information', from: 105, to: 118, holds: '2 621 147 kr' },
  { date: '2025-02-28', item: '4.3', kind: 'information', from: 125, to: 136, holds: '1 424 825 kr' },
  { date: '2025-05-16', item: '1', kind: 'information', from: 7, to: 14, holds: 'Ordförande Sofia Hartz' },
  { date: '2025-05-16', item: '2', kind: 'decision', from: 19, to: 19, holds: 'Inga tillägg' },
  { date: '2025-05-16', item: '4.1', kind: 'decision', from: 59, to: 64, holds: 'ersätter tidigare deltagare' },
  { date: '2025-05-16', item: '4.2', kind: 'decision', from: 69, to: 74, holds: 'tillsätts som ny representant' },
  { date: '2025-05-16', item: '5', kind: 'decision', from: 170, to: 178, holds: 'stå bakom dokumentet' },
  { date: '2025-05-16', item: '6', kind: 'decision', from: 181, to: 195, holds: 'beslutas via mejl' },
  { date: '2026-03-12', item: '1', kind: 'information', from: 9, to: 9, holds: 'Vice ordförande Anna Hasselbom Trofast' },
  { date: '2026-03-12', item: '2', kind: 'decision', from: 13, to: 13, holds: 'Inga tillägg' },
  { date: '2026-03-12', item: '3', kind: 'information', from: 17, to: 24, holds: 'ordf. samordnande grupp Barn och unga' },
  { date: '2026-03-12', item: '4.3', kind: 'information', from: 60, to: 68, holds: '15 865 911 kr' },
];

function read(seed: SeedItem): ItemEffects {
  return effectsOfItem(itemOf(seed.item, seedLines(PROTOCOLS[seed.date].file, seed.from, seed.to), seed.kind), contextOf(seed.date));
}

const READ = SEED_ITEMS.map((seed) => ({ seed, effects: read(seed) }));
const PROPOSALS: DraftProposal[] = READ.flatMap((r) => r.effects.proposals);
const idOf = (p: DraftProposal) => String(p.command.metadata.commandId);

/** What the dataset reads from other protocols than the sentence's own (see the notes in data/kalmar/03, 05, 06). */
const DATASET_KNOWS_MORE: Readonly<Record<string, { data: Record<string, unknown>; why: string }>> = {
  'kalmar:2024-12-13:item1:vice-chair:sofia-hartz': { data: { effectiveTo: '2024-12-31' }, why: 'the term ends at the turn of the year (item 7.6 of the same protocol, another item)' },
  'kalmar:2025-05-16:item1:chair:sofia-hartz': { data: { effectiveFrom: '2025-01-01', effectiveTo: '2026-12' }, why: 'the term began at the turn of the year and runs t o m dec 2026 (protocol 2024-12-13 item 7.6)' },
  'kalmar:2025-05-16:item1:vice-chair:anna-hasselbom-trofast': { data: { effectiveFrom: '2025-01-01', effectiveTo: '2026-12' }, why: 'as for the chair' },
  'kalmar:2026-03-12:item3:chair:cecilia-wahlstrom': { data: { effectiveTo: '2026-12' }, why: 'the end is read from protocol 2024-12-13 item 7.6' },
  'kalmar:2026-03-12:item3:vice-chair:mats-petersson': { data: { effectiveTo: '2026-12' }, why: 'as for the chair' },
  'kalmar:2026-03-12:item3:vice-chair:pernilla-gustafsson': { data: { effectiveTo: '2026-12' }, why: 'as for the chair' },
};

/** Proposals the dataset records under another command: the clerk drops them on review. */
const DATASET_RECORDS_ELSEWHERE: Readonly<Record<string, string>> = {
  'kalmar:2026-03-12:item1:vice-chair:anna-hasselbom-trofast': 'the same term as kalmar:2025-05-16:item1:vice-chair:anna-hasselbom-trofast, whose basis is attested on 2026-03-12',
};

describe('the seed protocols: every decision sentence that states an effect gives the dataset command', () => {
  it.each(SEED_ITEMS.map((s) => [s.date, s.item, s] as const))('given protocol %s item %s, when its lines are read, then they are the lines meant', (_d, _i, seed) => {
    const text = seedLines(PROTOCOLS[seed.date].file, seed.from, seed.to).map((l) => l.text).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain(seed.holds);
  });

  it('given the four protocols, when read, then every membership, chair and project command the dataset derives from a sentence is proposed', () => {
    const dates = Object.keys(PROTOCOLS);
    const expected = datasetCommands()
      .filter((c) => ['AppointMember', 'ReplaceMember', 'ExtendProject', 'AppointChair'].includes(c.type))
      .filter((c) => dates.some((d) => c.metadata.commandId.startsWith(`kalmar:${d}:`)))
      .filter((c) => c.metadata.decision !== undefined || c.type === 'AppointChair' || c.metadata.commandId.includes(':prior-member-'))
      .map((c) => c.metadata.commandId)
      .sort();
    expect(expected.length).toBeGreaterThanOrEqual(16);
    expect(PROPOSALS.map(idOf).filter((id) => expected.includes(id)).sort()).toEqual(expected);
  });

  it('given the four protocols, when read, then nothing is proposed that the dataset lacks, except what it records elsewhere', () => {
    const known = new Set(datasetCommands().map((c) => c.metadata.commandId));
    const extra = PROPOSALS.map(idOf).filter((id) => !known.has(id) && !id.endsWith(':deferred-decision'));
    expect(extra).toEqual(Object.keys(DATASET_RECORDS_ELSEWHERE));
  });

  const comparable = () => PROPOSALS.filter((p) => datasetCommands().some((c) => c.metadata.commandId === idOf(p)));

  it('given each proposal with a dataset command, when compared, then type and data are the dataset\'s (chair terms read elsewhere aside)', () => {
    const differences = comparable().flatMap((p) => {
      const dataset = datasetCommand(idOf(p));
      const more = DATASET_KNOWS_MORE[idOf(p)]?.data ?? {};
      const ours = { type: p.command.type, data: withoutUnknownReasons({ ...p.command.data, ...more }) };
      const theirs = { type: dataset.type, data: withoutUnknownReasons(dataset.data) };
      return equal(ours, theirs) ? [] : [{ id: idOf(p), ours, theirs }];
    });
    expect(differences).toEqual([]);
  });

  it('given each proposal with a dataset command, when compared, then it cites the same document, item, registry number, decision and day', () => {
    for (const p of comparable()) {
      const dataset = datasetCommand(idOf(p));
      const source = dataset.metadata.source as Record<string, unknown>;
      const ours = p.command.metadata.source as Record<string, unknown>;
      expect({ id: idOf(p), document: ours.document, item: ours.item, registryNumber: ours.registryNumber }).toEqual({ id: idOf(p), document: source.document, item: source.item, registryNumber: source.registryNumber });
      expect({ id: idOf(p), decidedOn: p.command.metadata.decidedOn, decision: p.command.metadata.decision }).toEqual({ id: idOf(p), decidedOn: dataset.metadata.decidedOn, decision: dataset.metadata.decision });
    }
  });

  it('given the chairs the protocols name, when read, then each is inferred, effective from "unknown", attested on the meeting day', () => {
    const chairs = PROPOSALS.filter((p) => p.command.type === 'AppointChair');
    expect(chairs.length).toBe(7);
    for (const c of chairs) {
      expect(c.confidence).toBe('inferred');
      expect(c.command.data.effectiveFrom).toBe('unknown');
      expect(c.command.metadata.basis).toMatchObject({ attestedOn: [String(c.command.metadata.commandId).split(':')[1]] });
      expect(c.notes.join(' ')).toMatch(/inte när mandatperioden började/);
    }
  });

  it('given "Vid årsskiftet sker ett byte i ordförandeskap … t o m dec 2026", when read, then it is a note for the clerk with the month, not a command', () => {
    const effects = READ.find((r) => r.seed.date === '2024-12-13' && r.seed.item === '7.6')!.effects;
    expect(effects.proposals).toEqual([]);
    expect(effects.notUnderstood).toEqual([{ item: '7.6', lines: [{ line: 120, text: expect.stringContaining('Vid årsskiftet') }], reason: expect.stringMatching(/t o m 2026-12\b.*1 januari/) }]);
  });

  it('given "… handlingsplanen för samordnande grupp äldre beslutas via mejl", when read, then the deferral is the dataset\'s and the later decision is proposed for the clerk to complete', () => {
    const meeting = datasetCommand('kalmar:2025-05-16:meeting').data as { items: { number: string; decision?: Record<string, unknown> }[] };
    const item6 = meeting.items.find((i) => i.number === '6')!.decision!;
    expect(deferralIn('Med önskan om att inte fördröja beslutsgången föreslås att handlingsplanen för samordnande grupp äldre beslutas via mejl.')).toEqual({ procedure: item6.procedure, subject: item6.subject });
    const effects = READ.find((r) => r.seed.date === '2025-05-16' && r.seed.item === '6')!.effects;
    expect(effects.proposals).toHaveLength(1);
    const [deferred] = effects.proposals;
    expect(deferred!.command).toMatchObject({ type: 'RecordDeferredDecision', data: { meeting: 'lansgemensam-ledning-i-samverkan-2025-05-16', item: '6', procedure: 'beslutas via mejl' } });
    expect(deferred!.command.data).not.toHaveProperty('decidedOn');
    expect(deferred!.lines.map((l) => l.line)).toEqual([193, 194]);
    expect(deferred!.notes.join(' ')).toMatch(/fyll i datum \(decidedOn\) och beslutstext/);
  });

  it('given the kronor figures of 2025-02-28 and 2026-03-12, when read, then each is whole kronor with the words it belongs to', () => {
    const amounts = READ.flatMap((r) => r.effects.amounts).map((a) => [a.item, a.kronor, a.belongsTo]);
    expect(amounts).toEqual([
      ['4.2', '1760585', 'där 1 760 585 kr förutspåddes bli outnyttjade och tillföll kommunerna i tidigt skede'],
      ['4.2', '2621147', 'de kvarvarande länsgemensamma medlen'],
      ['4.3', '1424825', 'planerade insatser för 2025'],
      ['4.3', '15865911', 'länsgemensamma stimulansmedel'],
      ['4.3', '4000000', 'Stöd till genomförande och uppföljning av den nationella strategin'],
      ['4.3', '4654855', 'Samordnade insatser för personer med komplexa behov, fokus samsjuklighet'],
      ['4.3', '7211056', 'Stärkt suicidpreventivt arbete'],
      ['4.3', '2669116', 'respektive part'],
    ]);
    // Every figure read is one the dataset's finance commands book (data/kalmar/08, 09).
    const booked = new Set<string>();
    const collect = (v: unknown): void => {
      if (typeof v === 'number') booked.add(String(v));
      else if (v !== null && typeof v === 'object') Object.values(v).forEach(collect);
    };
    datasetCommands().filter((c) => String(c.data.grant ?? c.data.slug ?? '').startsWith('psykisk-halsa-suicidprevention-')).forEach((c) => collect(c.data));
    expect(amounts.map(([, kronor]) => kronor).filter((k) => !booked.has(k!))).toEqual([]);
  });

  it('given the decisions no rule reads ("stå bakom dokumentet", the school members\' later decision), when read, then they are listed as not understood with their lines', () => {
    const effects = READ.find((r) => r.seed.date === '2025-05-16' && r.seed.item === '5')!.effects;
    expect(effects.proposals).toEqual([]);
    expect(effects.notUnderstood.map((n) => n.lines.map((l) => l.line))).toEqual([[172, 174], [178]]);
    for (const n of effects.notUnderstood) expect(n.reason).toMatch(/ingen regel/);
  });

  it('given the formal decision "Inga tillägg och protokollet lades till handlingarna", when read, then there is nothing to propose and nothing left over', () => {
    for (const r of READ.filter((x) => x.seed.item === '2')) expect(r.effects).toEqual({ proposals: [], amounts: [], notUnderstood: [] });
  });

  it('given the welcome of 2025-02-28, which names two people without roles, when read, then no chair is proposed', () => {
    expect(READ.find((r) => r.seed.date === '2025-02-28' && r.seed.item === '1')!.effects.proposals).toEqual([]);
  });
});

function withoutUnknownReasons(data: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(data), (key, value: unknown) => (key === 'unknown' && typeof value === 'string' ? '(reason)' : value)) as Record<string, unknown>;
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
}


describe('invented variants of the decision sentences', () => {
  const ctx = contextOf('2025-02-28');
  const readText = (text: string, number = '4.1', people: Parameters<typeof contextOf>[1] = []) =>
    effectsOfItem(itemOf(number, textLines(text, 10)), contextOf('2025-02-28', people));
  const commands = (effects: ItemEffects) => effects.proposals.map((p) => ({ type: p.command.type, data: p.command.data }));

  it('given a replacement wrapped mid-employer and before the group, with blank lines between, when read, then it is the same replacement and cites every line', () => {
    const effects = readText('Länsgemensam ledning beslutar att Katarina Nilsson Ederam, verksamhetschef i Borgholms\n\nkommun, ersätter tidigare deltagare Karin Jilkén i samordnande grupp\n\näldre.');
    expect(commands(effects)).toEqual([
      { type: 'AppointMember', data: { group: 'samordnande-grupp-aldre', person: { name: 'Karin Jilkén' }, effectiveFrom: 'unknown' } },
      { type: 'ReplaceMember', data: { group: 'samordnande-grupp-aldre', outgoing: { name: 'Karin Jilkén' }, incoming: { name: 'Katarina Nilsson Ederam' }, title: 'verksamhetschef', effectiveFrom: '2025-02-28' } },
    ]);
    expect(effects.proposals[1]!.lines.map((l) => l.line)).toEqual([10, 12, 14]);
    expect(effects.notUnderstood).toEqual([]);
  });

  it('given "samordnade grupp" and odd capitals, when read, then the group still resolves', () => {
    const effects = readText('Länsgemensam ledning beslutar att Sam Nordström, verksamhetschef Mönsterås kommun, ersätter tidigare deltagare Lena Nordström Hellberg som representant för hab/rehab i SAMORDNADE GRUPP PSYKISK HÄLSA.');
    expect(effects.proposals.map((p) => p.command.data.group)).toEqual(['samordnande-grupp-psykisk-halsa', 'samordnande-grupp-psykisk-halsa']);
    expect(effects.proposals[1]!.command.data).toMatchObject({ field: 'hab/rehab', title: 'verksamhetschef' });
  });

  it('given two people appointed in one sentence, when read, then each gets an appointment with the title before the employer', () => {
    const effects = readText('Länsgemensam ledning beslutar att Eva Berg, enhetschef i Nybro kommun, och Per Ek, socialchef Torsås kommun, tillsätts som nya representanter inom samordnade grupp Äldre.');
    expect(commands(effects)).toEqual([
      { type: 'AppointMember', data: { group: 'samordnande-grupp-aldre', person: { name: 'Eva Berg' }, title: 'enhetschef', effectiveFrom: '2025-02-28' } },
      { type: 'AppointMember', data: { group: 'samordnande-grupp-aldre', person: { name: 'Per Ek' }, title: 'socialchef', effectiveFrom: '2025-02-28' } },
    ]);
    expect(effects.proposals.map((p) => p.command.metadata.commandId)).toEqual(['kalmar:2025-02-28:item4:appoint-eva-berg', 'kalmar:2025-02-28:item4:appoint-per-ek']);
  });

  it('given two replacements in one sentence ("respektive"), when read, then each pair is a replacement', () => {
    const effects = readText('Länsgemensam ledning beslutar att Eva Berg, enhetschef i Nybro kommun, och Per Ek, socialchef Torsås kommun, ersätter tidigare deltagare Karin Jilkén respektive Lotta Lindgren i samordnande grupp äldre.');
    const replacements = effects.proposals.filter((p) => p.command.type === 'ReplaceMember').map((p) => [p.command.data.incoming, p.command.data.outgoing]);
    expect(replacements).toEqual([[{ name: 'Eva Berg' }, { name: 'Karin Jilkén' }], [{ name: 'Per Ek' }, { name: 'Lotta Lindgren' }]]);
  });

  it('given two new people replacing one, when read, then it is not guessed: listed as not understood', () => {
    const effects = readText('Länsgemensam ledning beslutar att Eva Berg och Per Ek ersätter tidigare deltagare Karin Jilkén i samordnande grupp äldre.');
    expect(effects.proposals).toEqual([]);
    expect(effects.notUnderstood).toEqual([{ item: '4.1', lines: [{ line: 10, text: expect.stringContaining('Eva Berg') }], reason: expect.stringMatching(/para ihop/) }]);
  });

  it('given a person the ledger knows under another spelling, when read, then the proposal names the known person and says how it matched', () => {
    const effects = readText('Länsgemensam ledning beslutar att Katarina Nilsson Ederam, verksamhetschef i Borgholms kommun, ersätter tidigare deltagare Karin Jilken i samordnande grupp äldre.', '4.1', [
      { slug: 'karin-jilken', name: 'Karin Jilkén', aliases: [] },
    ]);
    const replace = effects.proposals.find((p) => p.command.type === 'ReplaceMember')!;
    expect(replace.command.data.outgoing).toEqual({ name: 'Karin Jilkén' });
    expect(replace.names).toEqual([
      { kind: 'new', name: 'Katarina Nilsson Ederam', slug: 'katarina-nilsson-ederam' },
      { kind: 'existing', name: 'Karin Jilkén', slug: 'karin-jilken', matchedBy: 'slug' },
    ]);
  });

  it('given a name that could be two known people, when read, then the proposal carries the candidates and a note to pick one', () => {
    const effects = readText('Länsgemensam ledning beslutar att Sofia Hartz, planeringsdirektör Region Kalmar län, tillsätts som ny representant inom samordnande grupp äldre.', '4.2', [
      { slug: 'sofia-hartz-ekman', name: 'Sofia Hartz Ekman', aliases: [] },
      { slug: 'sofia-lind-hartz', name: 'Sofia Lind Hartz', aliases: [] },
    ]);
    const [appoint] = effects.proposals;
    expect(appoint!.names).toEqual([{ kind: 'ambiguous', name: 'Sofia Hartz', candidates: [expect.objectContaining({ slug: 'sofia-hartz-ekman' }), expect.objectContaining({ slug: 'sofia-lind-hartz' })] }]);
    expect(appoint!.notes.join(' ')).toMatch(/välj rätt person/);
  });

  it('given a group the ledger does not know, when read, then the proposal uses the slug it would have and says so', () => {
    const effects = readText('Länsgemensam ledning beslutar att Eva Berg, enhetschef i Nybro kommun, tillsätts som ny representant inom samordnande grupp Funktionsstöd.');
    expect(effects.proposals[0]!.command.data.group).toBe('samordnande-grupp-funktionsstod');
    expect(effects.proposals[0]!.notes.join(' ')).toMatch(/finns inte i registret/);
  });

  it('given a new seat in one sentence with its appointee, when read, then it is one appointment with the field', () => {
    const effects = readText('Läns gemensam ledning beslutar att utöka samordnande grupp Äldre med ytterligare en representant från hemsjukvården och tillsätta Eva Berg, sjuksköterska Kalmar kommun, som representant.');
    expect(commands(effects)).toEqual([{ type: 'AppointMember', data: { group: 'samordnande-grupp-aldre', person: { name: 'Eva Berg' }, field: 'hemsjukvården', title: 'sjuksköterska', effectiveFrom: '2025-02-28' } }]);
  });

  it('given a new seat and nobody appointed to it, when read, then it is said to the clerk, not dropped', () => {
    const effects = readText('Länsgemensam ledning beslutar att\n- utöka samordnande grupp Äldre med ytterligare en representant från hemsjukvården');
    expect(effects.proposals).toEqual([]);
    expect(effects.notUnderstood).toEqual([{ item: '4.1', lines: [{ line: 11, text: expect.stringContaining('utöka') }], reason: expect.stringMatching(/ingen tillsätts/) }]);
  });

  it.each([
    ['t.o.m. 31 december 2027', '2027-12-31'],
    ['till och med dec 2026', '2026-12'],
    ['t o m 2027', '2027'],
  ])('given a project extended "%s", when read, then it runs until %s', (until, expected) => {
    const effects = readText(`Länsgemensam ledning beslutar att förlänga projektet Digital ungdomsmottagning ${until}.`, '5');
    expect(commands(effects)).toEqual([{ type: 'ExtendProject', data: { project: 'digital-ungdomsmottagning', until: expected, effectiveFrom: '2025-02-28' } }]);
    expect(effects.proposals[0]!.command.metadata.commandId).toBe('kalmar:2025-02-28:item5:extend-digital-ungdomsmottagning');
  });

  it('given a project extension with a financing that prints its amount, when read, then the financing carries the kronor', () => {
    const effects = readText('Länsgemensam ledning beslutar att\n- förlänga projektet Digital ungdomsmottagning t o m 2026-12-31\n- projektet finansieras genom länsgemensamma medel med 350 000 kr', '5');
    expect(effects.proposals[0]!.command.data.financing).toEqual([{ description: 'Projektet finansieras genom länsgemensamma medel med 350 000 kr', amount: 350000 }]);
    expect(effects.amounts).toMatchObject([{ kronor: '350000', printed: '350 000 kr' }]);
  });

  it('given "Beslut om … fattas via mejl", when read, then it is a deferral with its subject', () => {
    expect(deferralIn('Beslut om budgeten för 2026 fattas via mejl.')).toEqual({ procedure: 'beslut fattas via mejl', subject: 'Budgeten för 2026' });
    const effects = readText('Beslut om budgeten för 2026 fattas via mejl.', '6');
    expect(effects.proposals.map((p) => p.command.type)).toEqual(['RecordDeferredDecision']);
    expect(effects.notUnderstood).toEqual([]);
  });

  it('given a chair named before the role of a named group, and one after the role of the body, when read, then both are chairs of the right group', () => {
    const effects = readText('Ordförande Eva Berg, socialchef i Nybro kommun, och Per Ek, vice ordförande i samordnade grupp Äldre, hälsade alla välkomna.', '1');
    expect(commands(effects)).toEqual([
      { type: 'AppointChair', data: { group: 'lansgemensam-ledning-i-samverkan', person: { name: 'Eva Berg' }, role: 'chair', effectiveFrom: 'unknown' } },
      { type: 'AppointChair', data: { group: 'samordnande-grupp-aldre', person: { name: 'Per Ek' }, role: 'vice-chair', effectiveFrom: 'unknown' } },
    ]);
  });

  it('given "Ordförande och vice ordförande för samordnade grupper …" with no names, when read, then no chair is proposed', () => {
    expect(readText('Ordförande och vice ordförande för samordnade grupper barn och unga och psykisk hälsa gav information om pågående arbete.', '4').proposals).toEqual([]);
  });

  it('given a decision no rule reads, and list points under "beslutar att" that no rule reads, when read, then each is not understood with its lines', () => {
    const effects = readText('Länsgemensam ledning beslutar att införa en gemensam rutin för avvikelser.\nLänsgemensam ledning beslutar att\n- ge beredningen i uppdrag att ta fram en tidplan\n- återkomma i frågan i juni', '7');
    expect(effects.proposals).toEqual([]);
    expect(effects.notUnderstood.map((n) => n.lines.map((l) => l.line))).toEqual([[10], [11], [12], [13]]);
  });

  it('given a kronor figure with öre and one in a table, when read, then öre are kept as a decimal', () => {
    const effects = readText('Kostnaden för lokalen uppgår till 12 500,50 kr.\n| - Utbildning | 80 000 kr |', '3');
    expect(effects.amounts.map((a) => [a.kronor, a.printed, a.belongsTo])).toEqual([
      ['12500.50', '12 500,50 kr', 'Kostnaden för lokalen'],
      ['80000', '80 000 kr', 'Utbildning'],
    ]);
  });

  it('given the same item twice, when read, then the effects are identical (deterministic)', () => {
    const text = 'Länsgemensam ledning beslutar att Eva Berg, enhetschef i Nybro kommun, tillsätts som ny representant inom samordnande grupp äldre.';
    expect(readText(text)).toEqual(readText(text));
    void ctx;
  });
});

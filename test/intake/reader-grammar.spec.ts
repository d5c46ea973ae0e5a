import { readAttendance } from '../../src/intake/attendance';
import { intakeProtocol } from '../../src/intake/intake-protocol';
import { mendParagraphs } from '../../src/intake/paragraphs';
import { partyAtEnd, resolveParty } from '../../src/intake/party-names';
import { affiliationOf, readPersonPhrase } from '../../src/intake/person-phrase';
import { resolvePerson } from '../../src/intake/resolve-names';
import { toRawLines } from '../../src/intake/source-lines';
import { findSwedishDate, findUpToAndIncluding } from '../../src/intake/swedish-dates';
import { readWelcomers } from '../../src/intake/welcome';
import { partiesAndGroupsDirectory } from './reader-fixtures';

const { parties } = partiesAndGroupsDirectory();

describe('Swedish dates', () => {
  it.each([
    ['Protokoll Länsgemensam ledning 2025-02-28', { date: '2025-02-28', precision: 'day' }],
    ['vid möte den 12 april 2024, beslutades', { date: '2024-04-12', precision: 'day' }],
    ['den 17 mars 2023 och gäller', { date: '2023-03-17', precision: 'day' }],
    ['och gäller t o m dec 2026.', { date: '2026-12', precision: 'month' }],
  ])('given "%s", when read, then the date keeps the precision printed', (text, expected) => {
    expect(findSwedishDate(text)).toMatchObject(expected);
  });

  it('given a day that is not in the calendar ("2025-02-30", "31 april 2025"), then no day is invented', () => {
    expect(findSwedishDate('2025-02-30')).toBeNull();
    expect(findSwedishDate('31 april 2025')).toBeNull();
  });

  it('given "t o m 2026-12-31" or "till och med december 2026", then the end date is read', () => {
    expect(findUpToAndIncluding('förlänga projektet Framtidens hab/rehab är Nära t o m 2026-12-31')).toMatchObject({ date: '2026-12-31', precision: 'day' });
    expect(findUpToAndIncluding('gäller till och med december 2026')).toMatchObject({ date: '2026-12', precision: 'month' });
    expect(findUpToAndIncluding('inget slutdatum')).toBeNull();
  });
});

describe('Organisations and people as printed', () => {
  it.each([
    ['Kommunförbundet i Kalmar län', 'kommunforbundet-kalmar-lan'],
    ['Västervik kommun', 'vasterviks-kommun'],
    ['region Kalmar län', 'region-kalmar-lan'],
    ['Region Kalmar Lan', 'region-kalmar-lan'],
    ['Oskarhamns kommun', 'oskarshamns-kommun'],
    ['RKL', 'region-kalmar-lan'],
  ])('given "%s", when resolved against the parties, then it is %s', (printed, slug) => {
    expect(resolveParty(printed, parties)?.slug).toBe(slug);
  });

  it('given words that name no party ("Kalmar län", "Hotell Munken"), then nothing resolves', () => {
    expect(resolveParty('Kalmar län', parties)).toBeNull();
    expect(resolveParty('Hotell Munken', parties)).toBeNull();
  });

  it('given a description, then the longest party ending wins and the title is the last part before it', () => {
    expect(partyAtEnd('samordnare elevhälsa, Kommunförbundet i Kalmar län', parties)).toMatchObject({ slug: 'kommunforbundet-kalmar-lan', before: 'samordnare elevhälsa,' });
    expect(affiliationOf('ordf. samordnande grupp Barn och unga, socialchef Oskarshamn kommun', parties)).toEqual({ organisation: 'oskarshamns-kommun', printedOrganisation: 'Oskarshamn kommun', title: 'socialchef', unit: null });
    expect(affiliationOf('planeringsdirektör i region Kalmar län', parties)).toMatchObject({ organisation: 'region-kalmar-lan', title: 'planeringsdirektör' });
    expect(affiliationOf('central vårdkoordinator, Primärvårdsförvaltningen RKL', parties)).toMatchObject({ title: 'central vårdkoordinator', unit: 'Primärvårdsförvaltningen' });
    expect(affiliationOf('Barnrättssamordnare, RKL', parties)).toMatchObject({ title: 'barnrättssamordnare' });
    expect(affiliationOf('Region Kalmar län', parties)).toMatchObject({ organisation: 'region-kalmar-lan', title: null });
    expect(affiliationOf('skolpsykolog', parties)).toBeNull();
  });

  it('given presenter lines, then the name and what is printed beside it are read; a sentence is no presenter', () => {
    expect(readPersonPhrase('Pija Lavås projektsamordnare, Kommunförbundet i Kalmar län')).toEqual({ name: 'Pija Lavås', as: 'projektsamordnare, Kommunförbundet i Kalmar län' });
    expect(readPersonPhrase('Mikaela Gustafsson Essén, Barnrättssamordnare, RKL')).toEqual({ name: 'Mikaela Gustafsson Essén', as: 'Barnrättssamordnare, RKL' });
    expect(readPersonPhrase('Länsgemensam ledning beslutar att')).toBeNull();
    expect(readPersonPhrase('Ordförande och vice ordförande')).toBeNull();
  });

  it('given a name the ledger knows by another spelling of its slug, then it resolves to that person; two candidates are ambiguous', () => {
    const people = [
      { slug: 'katrin-karlsson', name: 'Katrin Karlsson', aliases: [] },
      { slug: 'lena-nordstrom-hellberg', name: 'Lena Nordström Hellberg', aliases: ['Lena Hellberg'] },
      { slug: 'anna-svensson', name: 'Anna Svensson', aliases: [] },
      { slug: 'anna-svensson-2', name: 'Anna Svensson', aliases: [] },
    ];
    expect(resolvePerson('Katrín Karlsson', people)).toEqual({ kind: 'existing', name: 'Katrin Karlsson', slug: 'katrin-karlsson', matchedBy: 'slug' });
    expect(resolvePerson('Lena Hellberg', people)).toMatchObject({ kind: 'existing', slug: 'lena-nordstrom-hellberg', matchedBy: 'alias' });
    expect(resolvePerson('Anna Svensson', people)).toMatchObject({ kind: 'ambiguous' });
    expect(resolvePerson('Sam Nordström', people)).toEqual({ kind: 'new', name: 'Sam Nordström', slug: 'sam-nordstrom' });
  });

  it('given the opening sentence, then who welcomed the members is read with their roles', () => {
    const text = 'Ordförande Sofia Hartz, planeringsdirektör i region Kalmar län, och vice ordförande Anna Hasselbom Trofast, socialchef i Borgholms kommun hälsade ledamöter i Länsgemensam ledning välkomna till dagens möte.';
    expect(readWelcomers(text)).toEqual([
      { name: 'Sofia Hartz', role: 'chair', description: 'planeringsdirektör i region Kalmar län' },
      { name: 'Anna Hasselbom Trofast', role: 'vice-chair', description: 'socialchef i Borgholms kommun' },
    ]);
    expect(readWelcomers('Mötet öppnades.')).toEqual([]);
  });
});

describe('Mending conversion line breaks', () => {
  it('given the wrapped style (trailing space, empty line, whitespace-only line between paragraphs), then the paragraphs are whole', () => {
    const lines = toRawLines('Länsgemensam ledning beslutar att Katarina Nilsson Ederam, verksamhetschef i Borgholms \n\nkommun, ersätter tidigare deltagare. \n\n \n\nNästa stycke. \n');
    expect(mendParagraphs(lines, new Set()).map((p) => p.text)).toEqual(['Länsgemensam ledning beslutar att Katarina Nilsson Ederam, verksamhetschef i Borgholms kommun, ersätter tidigare deltagare.', 'Nästa stycke.']);
  });

  it('given the dense style (one paragraph a line), then a sentence broken by a page footer is joined and a list stays a list', () => {
    const lines = toRawLines('vikten av att skapa mervärde för länet,\n\nSIDFOT\n\nkommunerna och skolor.\n\nLäns gemensam ledning beslutar att\n\n- utöka gruppen\n- tillsätta X');
    expect(mendParagraphs(lines, new Set([3])).map((p) => p.text)).toEqual(['vikten av att skapa mervärde för länet, kommunerna och skolor.', 'Läns gemensam ledning beslutar att', '- utöka gruppen', '- tillsätta X']);
  });
});

describe('Attendance lists', () => {
  it('given "(tf.)", a user representative, an organisation wrapped onto the next line and an unknown one, then each entry is read', () => {
    const text = ['Närvarande ledamöter:', 'Anne Hallberg, Nybro kommun (tf.)', 'Rune Jansson, Brukarrepresentant', 'Övriga', 'Margit Lindholm Johansson,', 'Kommunförbundet', 'Eva Ek, Hotell Munken', 'inte ett namn'].join('\n');
    const a = readAttendance(toRawLines(text), new Set(), parties);
    expect(a.present.map((e) => [e.name, e.party, e.capacity, e.acting])).toEqual([
      ['Anne Hallberg', 'nybro-kommun', null, true],
      ['Rune Jansson', null, 'Brukarrepresentant', false],
    ]);
    expect(a.others.map((e) => [e.name, e.party, e.capacity])).toEqual([
      ['Margit Lindholm Johansson', 'kommunforbundet-kalmar-lan', null],
      ['Eva Ek', null, 'Hotell Munken'],
    ]);
    expect(a.unread.map((l) => l.text)).toEqual(['inte ett namn']);
  });
});

describe('A small protocol in the house style', () => {
  const text = [
    'Protokoll Länsgemensam ledning 13 december 2024',
    'Plats: Hotell Munken, Mönsterås',
    '',
    '1. Välkomna',
    '',
    'Ordförande Sofia Hartz, planeringsdirektör Region Kalmar län, hälsade ledamöterna välkomna.',
    '',
    '2. Beslut- och informationspunkter',
    '',
    'Ny deltagare - Beslut',
    '',
    'Länsgemensam ledning beslutar att Eva Ek, socialchef i Nybro kommun, tillsätts som ny representant inom samordnande grupp Äldre.',
    '',
    'Läget - Information',
    '',
    'Arbetet pågår.',
    '',
    'Tid: 09.00–12.00',
    '',
    'Närvarande ledamöter',
    'Eva Ek, Nybro kommun',
  ].join('\n');

  it('when read, then date ("13 december 2024"), place, chair, points and kinds are as printed, and an unread line is listed', () => {
    const r = intakeProtocol(text, partiesAndGroupsDirectory());
    expect(r.meeting).toMatchObject({ date: '2024-12-13', place: 'Hotell Munken, Mönsterås', body: 'lansgemensam-ledning-i-samverkan' });
    const data = r.proposals[0]!.command.data as { chair: unknown; items: { number: string; kind: string; title: string; text?: string }[] };
    expect(data.chair).toEqual({ name: 'Sofia Hartz' });
    expect(data.items.map((i) => [i.number, i.kind, i.title])).toEqual([
      ['1', 'information', 'Välkomna'],
      ['2', 'information', 'Beslut- och informationspunkter'],
      ['2.1', 'decision', 'Ny deltagare - Beslut'],
      ['2.2', 'information', 'Läget - Information'],
    ]);
    expect(data.items[3]!.text).toBe('Arbetet pågår.');
    expect(r.notUnderstood).toEqual([{ item: '2.2', lines: [{ line: 18, text: 'Tid: 09.00–12.00' }], reason: 'kort rad utan sammanhang (bildtext, rubrik på en bild eller liknande), inte med i punktens text' }]);
  });
});

import { slugify } from '../../src/domain/slug';

/**
 * Swedish-looking names for synthetic bodies, groups and people. Each name comes from a
 * bijection of a sequence number, so names (and the slugs the ledger derives from them)
 * never collide: the slug rule would otherwise merge two people who share a name.
 */
const FIRST = [
  'Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Lena', 'Kerstin', 'Emma', 'Ingrid', 'Malin',
  'Linnea', 'Sofia', 'Ida', 'Hanna', 'Elin', 'Johanna', 'Katarina', 'Ulla', 'Åsa', 'Birgitta',
  'Erik', 'Lars', 'Karl', 'Anders', 'Johan', 'Per', 'Nils', 'Mikael', 'Jan', 'Hans',
  'Peter', 'Fredrik', 'Daniel', 'Mattias', 'Henrik', 'Stefan', 'Magnus', 'Andreas', 'Björn', 'Mats',
  'Jonas', 'Oskar', 'Gustav', 'Axel', 'Elsa', 'Astrid', 'Maja', 'Alva', 'Ebba', 'Tove',
];
const MIDDLE = [
  'Louise', 'Charlotte', 'Marie', 'Helena', 'Christina', 'Elisabet', 'Margareta', 'Viktoria', 'Josefin', 'Amalia',
  'Olof', 'Gunnar', 'Ingvar', 'Sven', 'Arvid', 'Ragnar', 'Torsten', 'Vilhelm', 'Håkan', 'Göran',
  'Rut', 'Siv', 'Tyra', 'Stina', 'Greta', 'Folke', 'Algot', 'Einar', 'Sixten', 'Tage',
];
const SURNAMES = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson',
  'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Sjögren', 'Lindberg', 'Jakobsson', 'Magnusson', 'Lindström',
  'Olofsson', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg', 'Lundqvist', 'Mattsson', 'Berglund',
  'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg', 'Sjöberg', 'Wallin', 'Engström', 'Eklund', 'Danielsson', 'Lundin',
  'Håkansson', 'Björk', 'Bergman', 'Gunnarsson', 'Holm', 'Wikström', 'Samuelsson', 'Isaksson', 'Fransson', 'Bergqvist',
  'Nyström', 'Holmberg', 'Arvidsson', 'Löfgren', 'Söderberg', 'Nyberg', 'Blomqvist', 'Claesson', 'Nordström', 'Ederam',
];

const PLACE_STEM = [
  'Björk', 'Ek', 'Sand', 'Strand', 'Berg', 'Lund', 'Hol', 'Vik', 'Norr', 'Sunn',
  'Mal', 'Kal', 'Ny', 'Grän', 'Ulv', 'Lin', 'Tor', 'Al', 'Ask', 'Bro',
  'Fal', 'Gull', 'Hag', 'Karl', 'Kvarn', 'Lax', 'Mör', 'Ron', 'Sjö', 'Skog',
  'Sten', 'Tall', 'Ulri', 'Vall', 'Väster', 'Öster', 'Hög', 'Lag', 'Mark', 'Ving',
];
const PLACE_END = [
  'by', 'vik', 'sund', 'holm', 'berga', 'stad', 'köping', 'ås', 'hult', 'fors',
  'näs', 'torp', 'lunda', 'dal', 'hamn', 'ryd', 'mo', 'sjö', 'ö', 'tuna',
  'hed', 'boda', 'storp', 'inge', 'ånger',
];
const PLACE_QUALIFIER = ['', 'Norra ', 'Södra ', 'Östra ', 'Västra ', 'Övre ', 'Nedre '];

export const AREAS = [
  'Barn och unga', 'Psykisk hälsa', 'Äldre', 'Funktionsstöd', 'Missbruk och beroende', 'Hälso- och sjukvård',
  'Elevhälsa', 'Socialtjänst', 'Digitalisering', 'Kompetensförsörjning', 'Suicidprevention', 'Våld i nära relationer',
  'Ekonomiskt bistånd', 'Rehabilitering', 'Primärvård', 'Integration',
];
export const TITLES = [
  'socialchef', 'förvaltningschef', 'verksamhetschef', 'enhetschef', 'utvecklingsledare', 'kvalitetsutvecklare',
  'hälso- och sjukvårdsdirektör', 'medicinskt ansvarig sjuksköterska', 'skolchef', 'IFO-chef', 'avdelningschef',
  'processledare', 'controller', 'områdeschef', 'biträdande socialchef', 'utredare',
];
export const FIELDS = ['hab/rehab', 'skolhälsovården', 'psykiatri', 'primärvård', 'elevhälsa', 'äldreomsorg', 'LSS', 'socialpsykiatri', 'beroendevård'];

/** Multiplies by a number coprime with the space, so consecutive numbers give unrelated-looking names. */
function scatter(n: number, size: number, salt: number): number {
  const K = 1_000_003; // prime, coprime with every size below
  return Number((BigInt(n) * BigInt(K) + BigInt(salt)) % BigInt(size));
}

const PERSON_SPACE = FIRST.length * (MIDDLE.length + 1) * SURNAMES.length * (SURNAMES.length + 1);

/** The n-th person's name; distinct n give distinct slugs. */
export function personName(n: number, salt: number): string {
  let x = scatter(n % PERSON_SPACE, PERSON_SPACE, salt);
  const take = (size: number) => {
    const v = x % size;
    x = Math.floor(x / size);
    return v;
  };
  const first = FIRST[take(FIRST.length)]!;
  const middle = take(MIDDLE.length + 1);
  const last = SURNAMES[take(SURNAMES.length)]!;
  const second = take(SURNAMES.length + 1);
  const cycle = Math.floor(n / PERSON_SPACE);
  return [first, middle > 0 ? MIDDLE[middle - 1] : null, last, second > 0 ? SURNAMES[second - 1] : null, cycle > 0 ? romanSuffix(cycle) : null]
    .filter((p): p is string => p !== null)
    .join(' ');
}

const PLACE_SPACE = PLACE_STEM.length * PLACE_END.length * PLACE_QUALIFIER.length;

/** The n-th place name (a body's home); distinct n give distinct slugs. */
export function placeName(n: number): string {
  if (n >= PLACE_SPACE) throw new Error(`at most ${PLACE_SPACE} places`);
  const stem = PLACE_STEM[n % PLACE_STEM.length]!;
  const end = PLACE_END[Math.floor(n / PLACE_STEM.length) % PLACE_END.length]!;
  const qualifier = PLACE_QUALIFIER[Math.floor(n / (PLACE_STEM.length * PLACE_END.length))]!;
  return `${qualifier}${stem}${end}`;
}

function romanSuffix(n: number): string {
  const numerals: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n + 1;
  for (const [value, text] of numerals) while (rest >= value) (out += text, (rest -= value));
  return out;
}

// The bijections above only hold if no two list entries share a slug; check once at load.
for (const [label, list] of [['FIRST', FIRST], ['MIDDLE+SURNAMES', [...MIDDLE, ...SURNAMES]], ['PLACE_STEM', PLACE_STEM], ['PLACE_END', PLACE_END]] as const) {
  if (new Set(list.map(slugify)).size !== list.length) throw new Error(`names.ts: two entries of ${label} share a slug`);
}

import { resolveNamed, resolvePerson } from '../../src/intake/resolve-names';
import type { KnownNamed, KnownPerson } from '../../src/intake/intake-result';
import { kalmarDirectory } from './intake-fixtures';

const person = (name: string, slug: string, aliases: string[] = []): KnownPerson => ({ name, slug, aliases });

const PEOPLE: readonly KnownPerson[] = [
  person('Karin Jilkén', 'karin-jilken'),
  person('Katrín Karlsson', 'katrin-karlsson', ['Katrin Karlsson']),
  person('Sofia Hartz', 'sofia-hartz'),
  person('Sofia Erlandsson', 'sofia-erlandsson'),
  person('Katarina Nilsson Ederam', 'katarina-nilsson-ederam'),
  person('Lena Nordström Hellberg', 'lena-nordstrom-hellberg'),
  person('Anna Hasselbom Trofast', 'anna-hasselbom-trofast', ['Anna Hasselbom']),
];

describe('resolvePerson: a printed name against the people the ledger knows', () => {
  it('given the exact name (spacing and case aside), when resolved, then it is that person, matched by name', () => {
    expect(resolvePerson('  karin   Jilkén ', PEOPLE)).toEqual({ kind: 'existing', name: 'Karin Jilkén', slug: 'karin-jilken', matchedBy: 'name' });
  });

  it('given the name without its accent, when resolved, then it is the same person, matched by slug', () => {
    expect(resolvePerson('Karin Jilken', PEOPLE)).toEqual({ kind: 'existing', name: 'Karin Jilkén', slug: 'karin-jilken', matchedBy: 'slug' });
    expect(resolvePerson('Katrin Karlsson', PEOPLE)).toMatchObject({ kind: 'existing', slug: 'katrin-karlsson' });
  });

  it('given the slug itself, when resolved, then it is that person', () => {
    expect(resolvePerson('sofia-hartz', PEOPLE)).toMatchObject({ kind: 'existing', slug: 'sofia-hartz', matchedBy: 'slug' });
  });

  it('given another spelling the ledger has seen, when resolved, then it is that person, matched by alias', () => {
    expect(resolvePerson('Anna Hasselbom', PEOPLE)).toEqual({ kind: 'existing', name: 'Anna Hasselbom Trofast', slug: 'anna-hasselbom-trofast', matchedBy: 'alias' });
  });

  it('given a first name two people share, when resolved, then it is ambiguous with both as candidates', () => {
    const found = resolvePerson('Sofia', PEOPLE);
    expect(found.kind).toBe('ambiguous');
    if (found.kind !== 'ambiguous') return;
    expect(found.candidates.map((c) => c.slug)).toEqual(['sofia-hartz', 'sofia-erlandsson']);
    expect(found.candidates[0]!.why).toMatch(/börjar som Sofia Hartz/);
  });

  it('given surname and initial, when resolved, then the person is a candidate, never taken for granted', () => {
    expect(resolvePerson('S. Hartz', PEOPLE)).toMatchObject({ kind: 'ambiguous', candidates: [{ slug: 'sofia-hartz', why: expect.stringMatching(/efternamn och initial/) }] });
    expect(resolvePerson('S Erlandsson', PEOPLE)).toMatchObject({ kind: 'ambiguous', candidates: [{ slug: 'sofia-erlandsson' }] });
  });

  it('given a name that is the start of a longer known name, when resolved, then it is ambiguous with that candidate', () => {
    expect(resolvePerson('Katarina Nilsson', PEOPLE)).toMatchObject({ kind: 'ambiguous', candidates: [{ slug: 'katarina-nilsson-ederam' }] });
  });

  it('given the same first and last name without the middle name, when resolved, then it is ambiguous', () => {
    expect(resolvePerson('Lena Hellberg', PEOPLE)).toMatchObject({ kind: 'ambiguous', candidates: [{ slug: 'lena-nordstrom-hellberg', why: expect.stringMatching(/för- och efternamn/) }] });
  });

  it('given a name one letter off a known long name, when resolved, then it is ambiguous (a conversion slip or another person)', () => {
    expect(resolvePerson('Karin Jilkn', PEOPLE)).toMatchObject({ kind: 'ambiguous', candidates: [{ slug: 'karin-jilken', why: expect.stringMatching(/nästan/) }] });
  });

  it('given two known people who share an alias, when the alias is resolved, then it is ambiguous', () => {
    const twins = [person('Eva Berg', 'eva-berg', ['E. Berg']), person('Erik Berg', 'erik-berg', ['E. Berg'])];
    expect(resolvePerson('E. Berg', twins)).toMatchObject({ kind: 'ambiguous', candidates: [{ slug: 'eva-berg' }, { slug: 'erik-berg' }] });
  });

  it('given a name nobody resembles, when resolved, then it is a new person with the slugified name', () => {
    expect(resolvePerson('Charlotte Blomqvist', PEOPLE)).toEqual({ kind: 'new', name: 'Charlotte Blomqvist', slug: 'charlotte-blomqvist' });
    expect(resolvePerson('Lise-Lotte Månsson', [])).toEqual({ kind: 'new', name: 'Lise-Lotte Månsson', slug: 'lise-lotte-mansson' });
  });

  it('given a different person with the same first name only, when resolved by full name, then it is new, not ambiguous', () => {
    expect(resolvePerson('Sofia Ludvigsson', PEOPLE)).toMatchObject({ kind: 'new', slug: 'sofia-ludvigsson' });
  });
});

describe('resolveNamed: groups and parties, tolerant of the damage the seeds show', () => {
  const { groups, parties } = kalmarDirectory();

  it.each([
    ['Samordnande grupp Äldre', 'samordnande-grupp-aldre', 'name'],
    ['samordnande grupp äldre', 'samordnande-grupp-aldre', 'name'],
    ['samordnande-grupp-psykisk-halsa', 'samordnande-grupp-psykisk-halsa', 'slug'],
    ['samordnande grupp Psykisk Hälsa', 'samordnande-grupp-psykisk-halsa', 'name'],
    ['Samordnande grupp Aldre', 'samordnande-grupp-aldre', 'slug'],
    ['samordnade grupp Psykisk Hälsa', 'samordnande-grupp-psykisk-halsa', 'mended'],
    ['samordnade grupp Barn och unga', 'samordnande-grupp-barn-och-unga', 'mended'],
    ['samordnade grupper barn och unga', 'samordnande-grupp-barn-och-unga', 'mended'],
    ['Läns gemensam ledning i samverkan', 'lansgemensam-ledning-i-samverkan', 'mended'],
    ['äldre', 'samordnande-grupp-aldre', 'short name'],
    ['Psykisk hälsa', 'samordnande-grupp-psykisk-halsa', 'short name'],
  ])('given the group printed "%s", when resolved, then it is %s (by %s)', (printed, slug, by) => {
    expect(resolveNamed(printed, groups)).toMatchObject({ kind: 'existing', slug, matchedBy: by });
  });

  it.each([
    ['Västervik kommun', 'vasterviks-kommun', 'alias'],
    ['Oskarhamns kommun', 'oskarshamns-kommun', 'alias'],
    ['RKL', 'region-kalmar-lan', 'alias'],
    ['region Kalmar län', 'region-kalmar-lan', 'name'],
    ['Kommunförbundet i Kalmar län', 'kommunforbundet-kalmar-lan', 'alias'],
    ['Kalmarsunds Gymnasieförbund', 'kalmarsunds-gymnasieforbund', 'name'],
  ])('given the party printed "%s", when resolved, then it is %s (by %s)', (printed, slug, by) => {
    expect(resolveNamed(printed, parties)).toMatchObject({ kind: 'existing', slug, matchedBy: by });
  });

  it('given a short name two groups share, when resolved, then it is ambiguous', () => {
    const two: KnownNamed[] = [
      { slug: 'samordnande-grupp-aldre', name: 'Samordnande grupp Äldre', aliases: [] },
      { slug: 'arbetsgrupp-aldre', name: 'Arbetsgrupp Äldre', aliases: [] },
    ];
    expect(resolveNamed('äldre', two)).toEqual({ kind: 'ambiguous', text: 'äldre', candidates: [{ slug: 'samordnande-grupp-aldre', name: 'Samordnande grupp Äldre' }, { slug: 'arbetsgrupp-aldre', name: 'Arbetsgrupp Äldre' }] });
  });

  it('given a group the ledger does not know, when resolved, then it is unknown with the slug it would have', () => {
    expect(resolveNamed('samordnande grupp Funktionsnedsättning', groups)).toEqual({ kind: 'unknown', text: 'samordnande grupp Funktionsnedsättning', slug: 'samordnande-grupp-funktionsnedsattning' });
  });
});

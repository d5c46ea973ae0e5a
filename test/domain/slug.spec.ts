import { isSlug, slugify } from '../../src/domain/slug';

describe('slugify (the DOMAIN.md slug rule)', () => {
  it.each([
    ['Samordnande grupp Äldre', 'samordnande-grupp-aldre'],
    ['Karin Jilkén', 'karin-jilken'],
    ['Region Kalmar län', 'region-kalmar-lan'],
    ['Katrín Karlsson', 'katrin-karlsson'],
    ['Katrin Karlsson', 'katrin-karlsson'],
    ['Hälso- och sjukvård', 'halso-och-sjukvard'],
    ['Mörbylånga kommun', 'morbylanga-kommun'],
    ['Högsby', 'hogsby'],
    ['Länsgemensam ledning i samverkan', 'lansgemensam-ledning-i-samverkan'],
    ['Kommunförbundet Kalmar län (KFKL)', 'kommunforbundet-kalmar-lan-kfkl'],
    ['Samordnande grupp Psykisk hälsa', 'samordnande-grupp-psykisk-halsa'],
    ['hab/rehab', 'hab-rehab'],
    ['ÅÄÖ åäö', 'aao-aao'],
    ['  --Barn   och unga!!  ', 'barn-och-unga'],
    ['Socialnämnden 2025', 'socialnamnden-2025'],
  ])('%j → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('gives the same slug for decomposed (NFD) input', () => {
    expect(slugify('Region Kalmar län'.normalize('NFD'))).toBe('region-kalmar-lan');
    expect(slugify('Katrín Karlsson'.normalize('NFD'))).toBe('katrin-karlsson');
  });

  it('gives an empty slug for text without letters or digits', () => {
    expect(slugify(' -- / ')).toBe('');
  });

  it('always gives a valid slug (or nothing)', () => {
    for (const text of ['Samordnande grupp Äldre', 'Hälso- och sjukvård', '  --Barn   och unga!!  ', 'a', 'Ö']) {
      expect(isSlug(slugify(text))).toBe(true);
    }
  });
});

describe('isSlug', () => {
  it.each(['samordnande-grupp-aldre', 'a', 'kfkl', '2025'])('accepts %s', (text) => expect(isSlug(text)).toBe(true));
  it.each(['', 'Samordnande', '-aldre', 'aldre-', 'a--b', 'äldre', 'a b', 'a_b'])('rejects %j', (text) => expect(isSlug(text)).toBe(false));
});

import { v5 as uuidv5 } from 'uuid';
import { idFromSlug } from '../../src/domain/identity';

// Ids are derived, so every log already written depends on them staying the same.
const NAMESPACE = '6f1c3b1e-8a4e-4c55-9a43-0f6c2b8f7d10';

describe('idFromSlug', () => {
  it.each([
    ['person', 'karin-jilken'],
    ['group', 'samordnande-grupp-aldre'],
    ['decision', 'Ledamöter inom skola'],
    ['party', 'Region Kalmar län ✓ 𝄞'],
  ] as const)('gives the id uuid v5 gave for the string %s:%s', (kind, slug) => {
    expect(idFromSlug(kind, slug)).toBe(uuidv5(`${kind}:${slug}`, NAMESPACE));
  });

  it('gives an id, not an error, for a lone surrogate', () => {
    expect(() => uuidv5('decision:\ud800', NAMESPACE)).toThrow();
    expect(idFromSlug('decision', '\ud800')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

import { areaOf, factOf, fieldChanges, type FactNames } from '../../src/audit/changed-facts';

const names: FactNames = {
  person: (id) => ({ p1: 'Katarina Nilsson Ederam', p2: 'Karin Jilkén' })[id] ?? null,
  group: (id) => (id === 'g1' ? 'Samordnande grupp Äldre' : null),
  party: (id) => (id === 'o1' ? 'Region Kalmar län' : null),
  meeting: () => null,
  grant: (id) => (id === 'gr1' ? 'Psykisk hälsa 2025' : null),
  project: () => null,
};

describe('changed facts', () => {
  it('given a replacement, states who replaces whom, where and from when', () => {
    expect(factOf('MemberReplaced', { groupId: 'g1', outgoing: { personId: 'p2' }, incoming: { personId: 'p1' } }, '2025-02-28', names)).toBe(
      'Katarina Nilsson Ederam ersätter Karin Jilkén i Samordnande grupp Äldre från 2025-02-28',
    );
  });

  it('given money, writes kronor the Swedish way and an unknown amount as unknown, never 0', () => {
    expect(factOf('FundsAllocated', { grantId: 'gr1', purpose: 'länsgemensamma insatser', amount: 1424825 }, null, names)).toBe('Psykisk hälsa 2025: 1\u202f424\u202f825\u00a0kr avsätts till länsgemensamma insatser');
    expect(factOf('InvoicePaid', { grantId: 'gr1', invoice: 'F1', amount: { unknown: 'källorna säger inget om betalning' } }, null, names)).toBe('Psykisk hälsa 2025: faktura F1 betald, okänt belopp (källorna säger inget om betalning)');
  });

  it('given an id the ledger does not know, says so instead of failing', () => {
    expect(factOf('MembershipEnded', { personId: 'nobody', groupId: 'g1' }, null, names)).toBe('okänd person lämnar Samordnande grupp Äldre');
  });

  it('lists every changed leaf by path, nested and in arrays, and nothing when equal', () => {
    expect(fieldChanges({ a: 1, b: { c: 'x', d: [1, 2] } }, { a: 1, b: { c: 'y', d: [1, 3, 4] } })).toEqual([
      { path: 'b.c', before: 'x', after: 'y' },
      { path: 'b.d[1]', before: 2, after: 3 },
      { path: 'b.d[2]', before: null, after: 4 },
    ]);
    expect(fieldChanges({ a: [1] }, { a: [1] })).toEqual([]);
    expect(fieldChanges('x', 'y')).toEqual([{ path: '(värdet)', before: 'x', after: 'y' }]);
  });

  it('names the part of the record from the stream', () => {
    expect(areaOf('group-0f')).toBe('grupper');
    expect(areaOf('grant-0f')).toBe('ekonomi');
    expect(areaOf('weird')).toBe('övrigt');
  });
});

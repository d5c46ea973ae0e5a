import { attestedDaysOf, basisOf } from '../../src/domain/basis';
import type { StoredEvent } from '../../src/events/event-envelope';
import { UpcasterRegistry } from '../../src/events/upcasters';

const DOC = 'Protokoll Länsgemensam ledning 2025-02-28';

describe('the basis of a fact', () => {
  it('given an explicit claim, when read, then the claim wins: stated with the quote and the item, or inferred with its reasoning (else the note)', () => {
    const source = { document: DOC, item: '4', note: 'Dated to the meeting.' };
    expect(basisOf({ source, decision: null, basis: { kind: 'stated', quote: 'ersätter tidigare deltagare' } })).toEqual({
      kind: 'stated',
      sources: [{ document: DOC, item: '4', quote: 'ersätter tidigare deltagare' }],
    });
    expect(basisOf({ source, decision: null, basis: { kind: 'inferred' } })).toEqual({ kind: 'inferred', reasoning: 'Dated to the meeting.' });
    expect(basisOf({ source, decision: null, basis: { kind: 'stated' }, fieldBasis: { place: { kind: 'inferred', reasoning: 'From the plan.' } } }, 'place')).toEqual({ kind: 'inferred', reasoning: 'From the plan.' });
    expect(basisOf({ source, decision: null, basis: { kind: 'stated' }, fieldBasis: { place: { kind: 'inferred', reasoning: 'From the plan.' } } }, 'date')).toMatchObject({ kind: 'stated' });
  });

  it('given an old event without a claim, when read, then a cited decision is stated at its item, a note makes it inferred, a bare source is stated, nothing is inferred', () => {
    expect(basisOf({ source: { document: DOC, item: '4', note: 'Long note.' }, decision: { meetingId: 'm', item: '4.1' } })).toEqual({ kind: 'stated', sources: [{ document: DOC, item: '4.1' }] });
    expect(basisOf({ source: { document: DOC, item: '1', note: 'Read from the turn of the year.' }, decision: null })).toEqual({ kind: 'inferred', reasoning: 'Read from the turn of the year.' });
    expect(basisOf({ source: { document: DOC, item: '1' }, decision: null })).toEqual({ kind: 'stated', sources: [{ document: DOC, item: '1' }] });
    expect(basisOf({ source: null, decision: null })).toEqual({ kind: 'inferred', reasoning: 'No source is cited for it.' });
  });

  it('attested days come sorted from the claim, none without one', () => {
    expect(attestedDaysOf({ source: null, decision: null, basis: { kind: 'stated', attestedOn: ['2026-03-12', '2025-05-16'] } })).toEqual(['2025-05-16', '2026-03-12']);
    expect(attestedDaysOf({ source: null, decision: null })).toEqual([]);
  });

  it('survives upcasting: an upcaster changes data, never the claim in the metadata', () => {
    const registry = new UpcasterRegistry([{ type: 'MemberAppointed', fromVersion: 1, upcast: (data) => ({ ...(data as object), upcast: true }) }]);
    const event = {
      id: 'e',
      type: 'MemberAppointed',
      schemaVersion: 1,
      stream: 's',
      streamVersion: 1,
      position: 1,
      data: {},
      metadata: { source: { document: DOC }, decision: null, basis: { kind: 'inferred', reasoning: 'Because.' } },
    } as unknown as StoredEvent;
    const upcast = registry.upcast(event);
    expect(upcast.schemaVersion).toBe(2);
    expect(basisOf(upcast.metadata)).toEqual({ kind: 'inferred', reasoning: 'Because.' });
  });
});

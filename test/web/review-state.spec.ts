import type { IntakeResult, Proposal } from '../../src/intake/intake-result';
import { decodeIntake, editableFields, readReviewForm } from '../../src/web/review/review-state';

function proposal(id: string, overrides: Partial<Proposal> = {}): Proposal {
  return {
    id,
    command: {
      type: 'ReplaceMember',
      data: { group: 'samordnande-grupp-aldre', outgoing: { name: 'Karin Jilkén' }, incoming: { name: 'Katarina Nilsson Ederam' }, effectiveFrom: '2025-02-28' },
      metadata: { commandId: `kalmar:2025-02-28:${id}` },
    },
    summary: 'Katarina Nilsson Ederam ersätter Karin Jilkén',
    item: '4.1',
    lines: [{ line: 40, text: 'Länsgemensam ledning beslutar att …' }],
    confidence: 'stated',
    names: [],
    notes: [],
    ...overrides,
  };
}

const form = (entries: Record<string, string>) => new URLSearchParams(entries);

describe('the review form', () => {
  it('given two proposals, when only one is kept, then only that one is confirmed', () => {
    const choice = readReviewForm([proposal('p1'), proposal('p2')], form({ 'keep.p2': 'on' }));
    expect(choice.confirmed.map((c) => c.proposal.id)).toEqual(['p2']);
  });

  it('given an edit of a nested name and a date, when read, then the command carries them and the proposal is unchanged', () => {
    const p = proposal('p1');
    const choice = readReviewForm([p], form({ 'keep.p1': 'on', 'edit.p1.incoming.name': ' Katarina Nilsson-Ederam ', 'edit.p1.effectiveFrom': '2025-03-01' }));
    expect(choice.confirmed[0]!.command.data).toMatchObject({ incoming: { name: 'Katarina Nilsson-Ederam' }, effectiveFrom: '2025-03-01', outgoing: { name: 'Karin Jilkén' } });
    expect((p.command.data.incoming as { name: string }).name).toBe('Katarina Nilsson Ederam');
  });

  it('given an ambiguous name, when no candidate is picked, then it is reported as unpicked; when one is, every reference to it gets the slug', () => {
    const p = proposal('p1', {
      names: [{ kind: 'ambiguous', name: 'Karin Jilkén', candidates: [{ slug: 'karin-jilken', name: 'Karin Jilkén', why: 'samma namn' }, { slug: 'karin-jilken-2', name: 'Karin Jilkén', why: 'samma namn' }] }],
    });
    expect(readReviewForm([p], form({ 'keep.p1': 'on' })).unpicked).toEqual([{ id: 'p1', name: 'Karin Jilkén' }]);
    expect(readReviewForm([p], form({ 'keep.p1': 'on', 'pick.p1.0': 'not-a-candidate' })).unpicked).toHaveLength(1);
    const picked = readReviewForm([p], form({ 'keep.p1': 'on', 'pick.p1.0': 'karin-jilken-2' }));
    expect(picked.unpicked).toEqual([]);
    expect(picked.confirmed[0]!.command.data.outgoing).toEqual({ name: 'Karin Jilkén', slug: 'karin-jilken-2' });
  });

  it('offers the text fields of the top level and one level down, never list entries', () => {
    expect(editableFields({ date: '2025-02-28', chair: { name: 'Sofia Hartz' }, items: [{ title: 'x' }], n: 3 }).map((f) => f.path)).toEqual(['date', 'chair.name']);
  });

  it('decodes only an intake result the page wrote', () => {
    const intake: IntakeResult = {
      meeting: { ref: 'm', body: 'b', date: '2025-02-28', title: 't', place: null, registryNumber: null },
      proposals: [proposal('p1')],
      amounts: [],
      notUnderstood: [],
      counts: { proposals: { ReplaceMember: 1 }, ambiguous: 0, notUnderstood: 0 },
    };
    expect(decodeIntake(JSON.stringify(intake))).toEqual(intake);
    expect(decodeIntake('{"meeting":{}}')).toBeNull();
    expect(decodeIntake('not json')).toBeNull();
    expect(decodeIntake(JSON.stringify({ ...intake, proposals: [{ id: 'p1' }] }))).toBeNull();
    expect(decodeIntake(null)).toBeNull();
  });
});

describe('optional fields a protocol leaves out', () => {
  it('given a meeting proposal without a place, then the place is offered empty; left empty it stays absent, typed it is set', () => {
    expect(editableFields({ date: '2025-02-28' }, 'RecordMeeting')).toEqual([
      { path: 'date', value: '2025-02-28' },
      { path: 'place', value: '' },
      { path: 'registryNumber', value: '' },
    ]);
    expect(editableFields({ date: '2025-02-28', place: 'Kalmar' }, 'RecordMeeting').map((f) => f.path)).toEqual(['date', 'place', 'registryNumber']);
  });
});

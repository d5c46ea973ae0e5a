import { buildCommand } from '../../src/web/clerk/build-command';
import { FORMS_BY_SLUG } from '../../src/web/clerk/decision-forms';
import { findNamed, personRef } from '../../src/web/clerk/pickers';
import { formFieldOf, problemErrors } from '../../src/web/clerk/problem-fields';
import { parseSwedishDate } from '../../src/web/clerk/swedish-date';

const directory = {
  persons: [
    { slug: 'karin-jilken', name: 'Karin Jilkén' },
    { slug: 'katarina-nilsson-ederam', name: 'Katarina Nilsson Ederam' },
  ],
  groups: [{ slug: 'samordnande-grupp-aldre', name: 'Samordnande grupp Äldre' }],
  parties: [{ slug: 'region-kalmar-lan', name: 'Region Kalmar län' }],
  meetings: [{ slug: 'lansgemensam-ledning-i-samverkan-2025-02-28', name: 'Länsgemensam ledning i samverkan 2025-02-28' }],
};
const form = (slug: string) => FORMS_BY_SLUG.get(slug)!;

describe('Swedish dates as a clerk types them', () => {
  it.each([
    ['2025-02-28', '2025-02-28'],
    ['28 februari 2025', '2025-02-28'],
    ['1 Mars 2026', '2026-03-01'],
    ['februari 2025', '2025-02'],
    ['dec 2026', '2026-12'],
    ['2025', '2025'],
  ])('given "%s", then %s (the precision typed, never a made-up day)', (typed, iso) => {
    expect(parseSwedishDate(typed)).toEqual({ ok: true, value: iso });
  });

  it('given an impossible or unreadable date, then a Swedish message saying how to write it', () => {
    for (const typed of ['31 februari 2025', '2025-13-01', 'igår', '28 febuari 2025']) {
      const answer = parseSwedishDate(typed);
      expect(answer.ok).toBe(false);
      expect(!answer.ok && answer.message).toContain('2025-02-28');
    }
  });

  it('given "okänt", then unknown only where the field allows it; a meeting needs a day', () => {
    expect(parseSwedishDate('okänt', { allowUnknown: true })).toEqual({ ok: true, value: 'unknown' });
    expect(parseSwedishDate('okänt').ok).toBe(false);
    expect(parseSwedishDate('februari 2025', { dayOnly: true }).ok).toBe(false);
  });
});

describe('pickers: what the server makes of a typed name', () => {
  it('given a name in any case or without diacritics, a slug, or "Namn (slug)", then the known person', () => {
    for (const typed of ['Karin Jilkén', 'karin jilken', 'karin-jilken', 'Karin Jilkén (karin-jilken)']) expect(findNamed(typed, directory.persons)?.slug).toBe('karin-jilken');
  });
  it('given a name the ledger does not know, then the name itself (registered where the command allows it)', () => {
    expect(personRef('Anna  Svensson', directory.persons)).toEqual({ name: 'Anna Svensson' });
  });
});

describe('a form to a command', () => {
  it('given a filled ReplaceMember form, then the command with slugs, the ISO date and the cited decision', () => {
    const values = new Map([
      ['commandId', 'web-1'],
      ['group', 'Samordnande grupp Äldre'],
      ['outgoing', 'Karin Jilkén'],
      ['incoming', 'Anna Svensson'],
      ['effectiveFrom', '28 februari 2025'],
      ['representing', 'Region Kalmar län'],
      ['decisionMeeting', 'Länsgemensam ledning i samverkan 2025-02-28'],
      ['decisionItem', '4'],
    ]);
    expect(buildCommand(form('ersatt-ledamot'), values, directory)).toEqual({
      command: {
        type: 'ReplaceMember',
        data: { group: 'samordnande-grupp-aldre', outgoing: 'karin-jilken', incoming: { name: 'Anna Svensson' }, effectiveFrom: '2025-02-28', representing: 'region-kalmar-lan' },
        metadata: { commandId: 'web-1', decision: { meeting: 'lansgemensam-ledning-i-samverkan-2025-02-28', item: '4' } },
      },
      errors: new Map(),
      itemRows: [],
    });
  });

  it('given empty required fields, a bad date and a meeting without item, then no command and a message at each field', () => {
    const built = buildCommand(form('ersatt-ledamot'), new Map([['effectiveFrom', 'igår'], ['decisionMeeting', 'x']]), directory);
    expect(built.command).toBeNull();
    expect([...built.errors.keys()].sort()).toEqual(['decisionItem', 'effectiveFrom', 'group', 'incoming', 'outgoing']);
  });

  it('given a meeting form with rows 0 and 2 filled, then two items, and data.items[1] names row 2', () => {
    const values = new Map([
      ['body', 'lansgemensam-ledning-i-samverkan'],
      ['date', '2025-02-28'],
      ['items.0.number', '1'],
      ['items.0.title', 'Mötets öppnande'],
      ['items.2.number', '4'],
      ['items.2.title', 'Ny ledamot'],
      ['items.2.kind', 'decision'],
      ['items.2.decisionText', 'Beslut: att tillsätta.'],
    ]);
    const built = buildCommand(form('mote'), values, directory);
    expect(built.command?.data.items).toEqual([
      { number: '1', kind: 'information', title: 'Mötets öppnande' },
      { number: '4', kind: 'decision', title: 'Ny ledamot', decision: { outcome: 'decided', text: 'Beslut: att tillsätta.' } },
    ]);
    expect(built.itemRows).toEqual([0, 2]);
    expect(formFieldOf('data.items[1].decision.text', form('mote'), built.itemRows)).toBe('items.2.decisionText');
    expect(formFieldOf('data.items[1].number', form('mote'), built.itemRows)).toBe('items.2.number');
  });
});

describe('a refusal to the form field it names', () => {
  it('given field paths, then the form fields (a path the form lacks goes above the form)', () => {
    const f = form('ersatt-ledamot');
    expect(formFieldOf('data.outgoing', f, [])).toBe('outgoing');
    expect(formFieldOf('data.incoming.name', f, [])).toBe('incoming');
    expect(formFieldOf('metadata.decision.item', f, [])).toBe('decisionItem');
    expect(formFieldOf('metadata.commandId', f, [])).toBeNull();
  });

  it('given a 422 problem, then the message in Swedish next to its field', () => {
    const errors = problemErrors({ type: 'x', title: 'Rule violated', status: 422, detail: 'The person does not sit in samordnande-grupp-aldre on 2025-02-28', errors: [{ field: 'data.outgoing', message: 'does not sit in this group on that date' }] }, form('ersatt-ledamot'), []);
    expect(errors).toEqual(new Map([['outgoing', ['Personen sitter inte i gruppen det datumet.']]]));
  });
});

import { basisMark } from '../../src/web/basis-mark';
import { html, SafeHtml } from '../../src/web/html';
import { kronor } from '../../src/web/format';
import { figureText } from '../../src/web/figure-cell';
import { foldText } from '../../src/queries/search.reader';

describe('basisMark', () => {
  it('given a row without basis, renders nothing', () => {
    expect(basisMark({ name: 'Karin Jilkén' })).toBe('');
    expect(basisMark({ basis: null })).toBe('');
  });

  it('given an inferred fact, renders a focusable "härlett" mark with the reasoning on hover and for screen readers', () => {
    const mark = String(basisMark({ basis: { kind: 'inferred', reasoning: 'Replaced on 2025-02-28, so she sat <before>' } }));
    expect(mark).toContain('tabindex="0"');
    expect(mark).toContain('title="Härlett: Replaced on 2025-02-28, so she sat &lt;before&gt;"');
    expect(mark).toContain('härlett<span class="visually-hidden">: Replaced on 2025-02-28, so she sat &lt;before&gt;</span>');
    expect(mark).not.toContain('<before>');
  });

  it('given a stated fact, renders a "källa" mark naming document, item and quote', () => {
    const mark = String(basisMark({ basis: { kind: 'stated', sources: [{ document: 'Protokoll 2025-02-28', item: '4', quote: 'ersätter "tidigare" deltagare' }] } }));
    expect(mark).toContain('class="basis stated"');
    expect(mark).toContain('Källa: Protokoll 2025-02-28, punkt 4, ”ersätter &quot;tidigare&quot; deltagare”');
  });

  it('given a stated fact with no sources, renders nothing', () => {
    expect(basisMark({ basis: { kind: 'stated', sources: [] } })).toBe('');
  });
});

describe('html', () => {
  it('escapes every interpolated value except SafeHtml', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const out = html`<p title="${hostile}">${hostile}${html`<b>${'&'}</b>`}${[hostile, 1]}${null}${false}</p>`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(out.value).toBe('<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;<b>&amp;</b>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;1</p>');
  });
});

describe('money and unknowns on the pages', () => {
  it('writes kronor with narrow no-break spaces and a no-break space before kr', () => {
    expect(kronor(2669116)).toBe('2\u202f669\u202f116\u00a0kr');
    expect(kronor(-500)).toBe('−500\u00a0kr');
  });

  it('writes an unknown figure as "okänt" with its reason, never 0', () => {
    const text = figureText({ amount: null, reason: 'the sources give no cost', knownPart: 0, uncertain: false }).value;
    expect(text).toContain('okänt');
    expect(text).toContain('Skäl: the sources give no cost');
    expect(text).not.toMatch(/>0\u00a0kr/);
  });
});

describe('foldText (search)', () => {
  it('drops case and diacritics: "jilken" matches Jilkén, "aldre" matches Äldre', () => {
    expect(foldText('Karin Jilkén')).toContain('jilken');
    expect(foldText('Samordnande grupp Äldre')).toContain('aldre');
  });
});

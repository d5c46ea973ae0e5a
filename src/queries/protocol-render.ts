import type { MeetingDetail } from './meeting.reader';
import { INFERRED_MARK, protocolBlocks, type Block, type Marked } from './protocol-document';

const asMarked = (item: string | Marked): Marked => (typeof item === 'string' ? { text: item } : item);

/** Markdown: the text, then "(antaget: reasoning)" when it is inferred. */
function mdMarked(item: string | Marked): string {
  const m = asMarked(item);
  return m.inferred === undefined ? md(m.text) : `${md(m.text)} *(${INFERRED_MARK}: ${inline(m.inferred)})*`;
}

/**
 * HTML: an inferred fact carries its reasoning twice, as a `title` for hover and in a
 * <details> that a tap opens (no script: the page's CSP forbids it).
 */
function htmlMarked(item: string | Marked): string {
  const m = asMarked(item);
  if (m.inferred === undefined) return escapeHtml(m.text);
  const why = escapeHtml(m.inferred);
  return `<span class="inferred" data-basis="inferred" title="${why}">${escapeHtml(m.text)}</span> <details class="basis"><summary title="${why}">${INFERRED_MARK}</summary><p>${why}</p></details>`;
}

/** Escapes what Markdown would read as markup, so names and text print as written. */
function inline(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/** Also escapes what would start a heading or list at the beginning of a block. */
function md(text: string): string {
  return inline(text).replace(/^(#+|\d+\.|[-+]) /, (m) => `\\${m}`);
}

export function protocolMarkdown(m: MeetingDetail): string {
  const out: string[] = [];
  for (const b of protocolBlocks(m)) {
    switch (b.kind) {
      case 'registry':
        out.push(md(b.text));
        break;
      case 'title':
        out.push(`# ${inline(b.text)}`);
        break;
      case 'meta':
        out.push(b.rows.map(([k, v]) => `${md(k)}: ${mdMarked(v)}`).join('  \n'));
        break;
      case 'heading':
        out.push(`${'#'.repeat(b.level)} ${inline(b.text)}`);
        break;
      case 'para':
        out.push(md(b.text));
        break;
      case 'list':
        out.push(b.items.length > 0 ? b.items.map((i) => `- ${mdMarked(i)}`).join('\n') : '*(ingen registrerad)*');
        break;
      case 'decision':
        out.push(b.lines.map((l) => (l.bullet ? `- **${md(l.text)}**` : `**${md(l.text)}**`)).join('\n'));
        break;
      case 'note':
        out.push(`> *${md(b.label)}*\n${b.items.map((i) => `> - ${md(i)}`).join('\n')}`);
        break;
    }
  }
  return `${out.join('\n\n')}\n`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
  body { font-family: Georgia, 'Times New Roman', serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #111; background: #fff; }
  .registry { text-align: right; font-family: system-ui, sans-serif; font-size: 0.9rem; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; } h3 { font-size: 1.05rem; margin-top: 1.5rem; }
  dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; font-family: system-ui, sans-serif; font-size: 0.95rem; }
  dl.meta dt { font-weight: 600; }
  .decision { border-left: 4px solid #333; padding-left: 0.75rem; }
  aside.ledger { font-family: system-ui, sans-serif; font-size: 0.9rem; color: #333; background: #f3f3f3; padding: 0.5rem 0.75rem; }
  aside.ledger p { margin: 0 0 0.25rem; font-style: italic; }
  .inferred { border-bottom: 1px dotted #555; }
  details.basis { display: inline; font-family: system-ui, sans-serif; font-size: 0.85rem; }
  details.basis summary { display: inline; cursor: pointer; color: #555; }
  details.basis summary::before { content: '('; } details.basis summary::after { content: ')'; }
  details.basis[open] p { display: block; margin: 0.25rem 0; padding: 0.25rem 0.5rem; background: #f3f3f3; }
  @media print { body { margin: 0; max-width: none; } aside.ledger { background: none; border: 1px solid #999; } h2, h3 { break-after: avoid; } }`;

/** A self-contained, printable page; everything from the log is escaped. */
export function protocolHtml(m: MeetingDetail): string {
  const blocks = protocolBlocks(m);
  const title = blocks.find((b): b is Extract<Block, { kind: 'title' }> => b.kind === 'title')?.text ?? 'Protokoll';
  const body: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'registry':
        body.push(`<p class="registry">${escapeHtml(b.text)}</p>`);
        break;
      case 'title':
        body.push(`<h1>${escapeHtml(b.text)}</h1>`);
        break;
      case 'meta':
        body.push(`<dl class="meta">${b.rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${htmlMarked(v)}</dd>`).join('')}</dl>`);
        break;
      case 'heading':
        body.push(`<h${b.level} id="${escapeHtml(b.id)}">${escapeHtml(b.text)}</h${b.level}>`);
        break;
      case 'para':
        body.push(`<p>${escapeHtml(b.text)}</p>`);
        break;
      case 'list':
        body.push(b.items.length > 0 ? `<ul>${b.items.map((i) => `<li>${htmlMarked(i)}</li>`).join('')}</ul>` : '<p><em>(ingen registrerad)</em></p>');
        break;
      case 'decision': {
        const bullets = b.lines.filter((l) => l.bullet);
        const lines = b.lines.filter((l) => !l.bullet);
        body.push(
          `<div class="decision">${lines.map((l) => `<p><strong>${escapeHtml(l.text)}</strong></p>`).join('')}${bullets.length > 0 ? `<ul>${bullets.map((l) => `<li><strong>${escapeHtml(l.text)}</strong></li>`).join('')}</ul>` : ''}</div>`,
        );
        break;
      }
      case 'note':
        body.push(`<aside class="ledger" aria-label="${escapeHtml(b.label)}"><p>${escapeHtml(b.label)}</p><ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul></aside>`);
        break;
    }
  }
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${STYLE}
</style>
</head>
<body>
<main>
<article>
${body.join('\n')}
</article>
</main>
</body>
</html>
`;
}

import { timestamp } from './format';
import { html, type SafeHtml } from './html';
import { link, type PageContext } from './page-context';

const NAV: readonly [string, string][] = [
  ['/', 'Start'],
  ['/grupper', 'Grupper'],
  ['/personer', 'Personer'],
  ['/moten', 'Möten'],
  ['/beslut', 'Beslut'],
  ['/ekonomi', 'Ekonomi'],
  ['/granskning', 'Granskning'],
  ['/registrera', 'Registrera'],
];

function current(ctx: PageContext, href: string): boolean {
  return href === '/' ? ctx.path === '/' : ctx.path === href || ctx.path.startsWith(`${href}/`);
}

/** The "Känt per" control: a GET form that reloads the same page with ?knownAt=, keeping its other parameters. */
function knownAtControl(ctx: PageContext): SafeHtml {
  const hidden = Object.entries(ctx.query).filter(([k]) => k !== 'knownAt');
  const value = ctx.knownAt ? ctx.knownAt.slice(0, 10) : '';
  return html`<form class="known-at" method="get" action="${ctx.path}" role="search" aria-label="Visa registret som det var känt vid en tidpunkt">
${hidden.map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<label for="known-at-input">Känt per</label>
<input id="known-at-input" type="date" name="knownAt" value="${value}">
<button type="submit">Visa</button>
${ctx.knownAt ? html`<a href="${link({ ...ctx, knownAt: null }, ctx.path, Object.fromEntries(hidden))}">Nu</a>` : ''}
</form>`;
}

function banner(ctx: PageContext): SafeHtml | string {
  if (!ctx.knownAt) return '';
  const shown = /^\d{4}-\d{2}-\d{2}$/.test(ctx.knownAt) ? `${ctx.knownAt} (dagens slut)` : timestamp(new Date(ctx.knownAt).toISOString());
  return html`<p class="banner" role="status"><strong>Historisk vy:</strong> registret som det var känt per ${shown}. Senare registreringar och rättelser visas inte. <a href="${link({ ...ctx, knownAt: null }, ctx.path, Object.fromEntries(Object.entries(ctx.query).filter(([k]) => k !== 'knownAt')))}">Visa som känt nu</a></p>`;
}

/** A page's own stylesheets and scripts beside the site's, all served from /assets (the CSP allows no inline ones). */
export interface PageAssets {
  readonly css?: readonly string[];
  readonly js?: readonly string[];
}

/** The shared page: Swedish nav, search box, the knownAt control and banner, one CSS file and one small script. */
export function layout(ctx: PageContext, title: string, main: SafeHtml, assets: PageAssets = {}): string {
  return html`<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/site.css">
<script src="/assets/site.js" defer></script>
${(assets.css ?? []).map((href) => html`<link rel="stylesheet" href="${href}">\n`)}${(assets.js ?? []).map((src) => html`<script src="${src}" defer></script>\n`)}<title>${title} · Beslutsregistret</title>
</head>
<body>
<a class="skip" href="#innehall">Hoppa till innehållet</a>
<header class="site">
<p class="brand"><a href="${link(ctx, '/')}">Beslutsregistret</a></p>
<nav aria-label="Huvudmeny"><ul>
${NAV.map(([href, label]) => html`<li><a href="${link(ctx, href)}"${current(ctx, href) ? html` aria-current="page"` : ''}>${label}</a></li>`)}
</ul></nav>
<div class="tools">
<form class="search" method="get" action="/sok" role="search" aria-label="Sök">
<label for="search-input">Sök</label>
<input id="search-input" type="search" name="q" value="${ctx.path === '/sok' ? (ctx.query.q ?? '') : ''}" placeholder="person, grupp, möte, beslut">
${ctx.knownAt ? html`<input type="hidden" name="knownAt" value="${ctx.knownAt}">` : ''}
<button type="submit">Sök</button>
</form>
${knownAtControl(ctx)}
</div>
</header>
${banner(ctx)}
<main id="innehall" tabindex="-1">
${main}
</main>
<footer class="site"><p>Alla uppgifter läses ur händelseloggen. <a href="/api-docs">API</a></p></footer>
</body>
</html>
`.value;
}

/** The site's one stylesheet and one enhancement script, served from /assets (no inline style or script). */
export const SITE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff; }
a { color: #0b4f8a; } a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, [tabindex]:focus-visible { outline: 3px solid #c25400; outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 0.5rem; top: 0.5rem; background: #fff; padding: 0.25rem 0.5rem; z-index: 10; }
header.site { background: #f2f4f7; border-bottom: 1px solid #c9ced6; padding: 0.5rem 1rem; }
.brand { margin: 0; font-weight: 700; font-size: 1.15rem; } .brand a { color: #1a1a1a; text-decoration: none; }
nav ul { list-style: none; margin: 0.25rem 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
.tools { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; }
.tools form { display: flex; flex-wrap: wrap; gap: 0.25rem; align-items: center; margin: 0.25rem 0; }
input, select, button { font: inherit; padding: 0.2rem 0.4rem; min-height: 2rem; }
button { background: #0b4f8a; color: #fff; border: 1px solid #0b4f8a; border-radius: 3px; cursor: pointer; }
.banner { margin: 0; padding: 0.6rem 1rem; background: #fff3c4; border-bottom: 2px solid #b58900; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #d5d9e0; vertical-align: top; }
th { background: #f2f4f7; } td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.num .reason { display: block; white-space: normal; text-align: left; min-width: 12rem; max-width: 32rem; }
.table-wrap { overflow-x: auto; position: relative; }
.muted { color: #555; } .small { font-size: 0.9rem; }
.unknown { font-style: italic; color: #7a3b00; }
.uncertain { color: #7a3b00; font-weight: 600; }
.status-pass { color: #146c2e; font-weight: 700; } .status-fail { color: #a30000; font-weight: 700; } .status-unknown { color: #7a3b00; font-weight: 700; }
.basis { display: inline-block; margin-left: 0.25rem; padding: 0 0.3rem; border: 1px solid #7a3b00; border-radius: 3px; color: #7a3b00; font-size: 0.8rem; cursor: help; }
.basis.stated { border-color: #555; color: #444; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
figure.chart { margin: 1rem 0; overflow-x: auto; position: relative; } figure.chart svg { width: 100%; height: auto; min-width: 40rem; }
figure.chart figcaption { position: sticky; left: 0; }
figure.chart figcaption { font-size: 0.9rem; color: #444; }
ul.plain { list-style: none; padding: 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
.card { border: 1px solid #d5d9e0; border-radius: 4px; padding: 0.75rem 1rem; }
.card h2 { margin-top: 0; font-size: 1.1rem; }
main { overflow-wrap: break-word; } #changed-facts, pre.envelope { overflow-wrap: anywhere; } ol.changes > li { margin-bottom: 0.6rem; } ol.changes li.correction { border-left: 3px solid #b45309; padding-left: 0.5rem; } dl.change-detail dt { font-weight: 600; margin-top: 0.25rem; } dl.change-detail dd { margin: 0 0 0 1rem; } pre.envelope { white-space: pre-wrap; font-size: 0.85rem; background: #f7f7f7; padding: 0.5rem; }
footer.site { border-top: 1px solid #c9ced6; padding: 0.5rem 1rem; font-size: 0.9rem; color: #444; }
@media (max-width: 40rem) { th, td { padding: 0.25rem; font-size: 0.9rem; } h1 { font-size: 1.3rem; } td.num .reason { min-width: 9rem; } }
@media print { header.site .tools, nav, .skip, footer.site { display: none; } main { max-width: none; padding: 0; } a { color: inherit; } .banner { border: 1px solid #000; } .review .actions, .review input[type="checkbox"] { display: none; } }
.review-columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; align-items: start; }
ol.source-lines { font-family: ui-monospace, monospace; font-size: 0.8rem; max-height: 80vh; overflow: auto; border: 1px solid #d5d9e0; padding-left: 3.5rem; white-space: pre-wrap; }
ol.source-lines li:target { background: #fff3c4; }
fieldset.proposal { border: 1px solid #d5d9e0; border-radius: 4px; margin: 0 0 0.75rem; } fieldset.proposal.refused { border: 2px solid #a30000; }
fieldset.proposal legend { font-weight: 600; } fieldset.proposal .kind { background: #e8ecf2; padding: 0 0.3rem; border-radius: 3px; font-weight: 400; }
.confidence.inferred { color: #7a3b00; font-weight: 700; } ul.violations { color: #a30000; } li.name-ambiguous { color: #7a3b00; }
ul.not-understood blockquote { margin: 0.25rem 0 0.5rem 1rem; font-size: 0.85rem; color: #444; }
@media (max-width: 50rem) { .review-columns { grid-template-columns: minmax(0, 1fr); } ol.source-lines { max-height: 40vh; } }
ol.source-lines li, fieldset.proposal, fieldset.proposal legend, ul.violations, ul.not-understood { overflow-wrap: anywhere; }
.review-columns > * { min-width: 0; } fieldset.proposal { min-width: 0; } fieldset.proposal input:not([type="checkbox"]), li.name-ambiguous select { max-width: 100%; box-sizing: border-box; }
`;

/** Enhancement only: a changed date picker submits its form (the pages work without it). */
export const SITE_JS = `'use strict';
document.addEventListener('change', function (event) {
  var target = event.target;
  if (target && target.matches && target.matches('input[type="date"][data-autosubmit]') && target.form) target.form.requestSubmit();
});
`;

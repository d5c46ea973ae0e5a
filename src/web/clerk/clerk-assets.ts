/** The clerk forms' own stylesheet and script, served from /assets like the site's (the CSP allows no inline ones). */
export const CLERK_CSS = `
.signed-in { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 0 0 1rem; padding: 0.4rem 0.75rem; background: #f2f4f7; border-radius: 4px; }
.signed-in p, .signed-in form { margin: 0; }
button.secondary { background: #fff; color: #0b4f8a; }
.notice { padding: 0.6rem 0.75rem; background: #fff3c4; border-left: 4px solid #b58900; }
.clerk-form { max-width: 44rem; }
.clerk-form .field { margin: 0 0 1rem; }
.clerk-form label { display: block; font-weight: 600; }
.clerk-form .req { font-weight: 400; color: #555; font-size: 0.9rem; }
.clerk-form input[type="text"], .clerk-form input[type="password"], .clerk-form select, .clerk-form textarea { width: 100%; max-width: 40rem; border: 1px solid #6b7280; border-radius: 3px; font: inherit; padding: 0.3rem 0.4rem; }
.clerk-form .hint { margin: 0.1rem 0 0.25rem; color: #444; font-size: 0.9rem; }
.clerk-form .has-error input, .clerk-form .has-error select, .clerk-form .has-error textarea { border: 2px solid #a30000; }
.field-error { margin: 0.1rem 0 0.25rem; color: #a30000; font-weight: 600; }
fieldset { border: 1px solid #c9ced6; border-radius: 4px; margin: 0 0 1rem; padding: 0.5rem 1rem; }
legend { font-weight: 700; padding: 0 0.25rem; }
.item-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0 1rem; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1rem 0 2rem; }
.error-summary { border: 3px solid #a30000; padding: 0.5rem 1rem; margin: 0 0 1rem; }
.error-summary h2 { margin-top: 0.25rem; font-size: 1.15rem; }
.preview { border: 3px solid #146c2e; padding: 0.5rem 1rem; margin: 0 0 1rem; }
.preview h2 { margin-top: 0.25rem; }
ul.form-list li { margin-bottom: 0.6rem; }
.breadcrumb { margin: 0; font-size: 0.9rem; }
`;

/**
 * Search as you type for the person and group pickers: fills the field's <datalist> from
 * /registrera/sok (the ledger's search, for the signed-in clerk). Enhancement only: without
 * it the server reads the name as typed.
 */
export const CLERK_JS = `'use strict';
(function () {
  var timers = new WeakMap();
  function fill(input) {
    var q = input.value.trim();
    var list = input.list;
    if (!list || q.length < 2) return;
    fetch('/registrera/sok?slag=' + encodeURIComponent(input.getAttribute('data-picker')) + '&q=' + encodeURIComponent(q), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) {
        if (!answer || input.value.trim() !== q) return;
        var seen = {};
        Array.prototype.forEach.call(list.options, function (o) { seen[o.value] = true; });
        answer.hits.forEach(function (hit) {
          if (seen[hit.name]) return;
          var option = document.createElement('option');
          option.value = hit.name;
          option.textContent = hit.slug;
          list.appendChild(option);
        });
      })
      .catch(function () {});
  }
  document.addEventListener('input', function (event) {
    var input = event.target;
    if (!input || !input.matches || !input.matches('input[data-picker]')) return;
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(function () { fill(input); }, 150));
  });
  var summary = document.getElementById('form-errors');
  if (summary) summary.focus();
})();
`;

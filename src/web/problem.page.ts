import type { ProblemDetails } from '../http/problem-details';
import { html } from './html';
import { layout } from './layout';
import { link, pageContext } from './page-context';

/** An error on a web page: what went wrong in Swedish, the fields named, the problem's own words kept. */
export function problemPage(path: string, query: Record<string, unknown>, problem: ProblemDetails): string {
  const ctx = pageContext(path, query, new Date().toISOString().slice(0, 10));
  const heading = problem.status === 404 ? 'Hittades inte' : problem.status === 400 ? 'Felaktig uppgift i adressen' : 'Något gick fel';
  const fields = ((problem as { errors?: { field: string; message: string }[] }).errors ?? []) as { field: string; message: string }[];
  return layout(
    { ...ctx, knownAt: problem.status === 400 ? null : ctx.knownAt },
    heading,
    html`<h1>${heading}</h1>
<p id="problem-detail">${problem.detail ?? problem.title}</p>
${fields.length > 0 ? html`<ul>${fields.map((f) => html`<li><strong>${f.field}</strong>: ${f.message}</li>`)}</ul>` : ''}
<p><a href="${link({ ...ctx, knownAt: null }, '/')}">Till startsidan</a></p>`,
  );
}

/** What every page knows about its request: the path, its query and the global "known at" time. */
export interface PageContext {
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** The raw ?knownAt= as given (already validated by the query it was passed to), or null. */
  readonly knownAt: string | null;
  /** The current day (valid time default), from the ledger's clock. */
  readonly today: string;
}

/** A link that keeps the global knownAt, so the whole site stays at one point in time. */
export function link(ctx: PageContext, path: string, params: Readonly<Record<string, string | null | undefined>> = {}, hash = ''): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') search.set(k, v);
  if (ctx.knownAt && !search.has('knownAt')) search.set('knownAt', ctx.knownAt);
  const qs = search.toString();
  return `${path}${qs ? `?${qs}` : ''}${hash}`;
}

/** Only plain string query values count; repeated or nested ones are ignored. */
export function pageContext(path: string, query: Record<string, unknown>, today: string): PageContext {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (typeof v === 'string') flat[k] = v;
  return { path, query: flat, knownAt: flat.knownAt ? flat.knownAt : null, today };
}

/**
 * The query in URLs: reading `?q=` of the page's own address (opt-in `sync-url`; the session
 * writes it, with the filters, see url-state.ts) and links to the site's server search.
 */

/** Default name of the query parameter, when neither `query-param` nor a light form names one. */
export const QUERY_PARAM = 'q';

export function readUrlQuery(param = QUERY_PARAM): string | undefined {
  const value = new URL(window.location.href).searchParams.get(param);
  return value?.trim() ? value : undefined;
}

/** What a GET request to the site's server search consists of. */
export interface ServerSearch {
  /** The search page (already checked with `isSafeUrl`). */
  url: string;
  /** Name of the query parameter. */
  param: string;
  /** Hidden fields of the site's form (language, page id …), sent first, as a form would. */
  hidden?: readonly (readonly [string, string])[];
}

/**
 * The server search's URL for `query`, as the site's own form would submit it: its parameters,
 * then the hidden fields, then the query. Undefined if the URL cannot be parsed.
 */
export function serverSearchUrl(search: ServerSearch, query: string): string | undefined {
  try {
    const url = new URL(search.url, document.baseURI);
    // The form's fields replace parameters of the same name in the action (as a GET form does).
    for (const [name] of search.hidden ?? []) url.searchParams.delete(name);
    url.searchParams.delete(search.param);
    for (const [name, value] of search.hidden ?? []) url.searchParams.append(name, value);
    url.searchParams.append(search.param, query);
    return url.href;
  } catch {
    return undefined;
  }
}

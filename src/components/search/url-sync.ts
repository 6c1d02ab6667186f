/**
 * Keeps `?q=` of the page URL in sync with the search (opt-in `sync-url`), so results can be
 * linked and survive a reload. `replaceState` only: typing must not flood the back button.
 */
export const QUERY_PARAM = 'q';

export function readUrlQuery(): string | undefined {
  const value = new URL(window.location.href).searchParams.get(QUERY_PARAM);
  return value?.trim() ? value : undefined;
}

export function writeUrlQuery(query: string): void {
  const url = new URL(window.location.href);
  if (query) url.searchParams.set(QUERY_PARAM, query);
  else url.searchParams.delete(QUERY_PARAM);
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}

/** `fallback?q=query`, keeping the fallback's own parameters; undefined if `base` is unsafe. */
export function withQuery(base: string, query: string): string | undefined {
  try {
    const url = new URL(base, document.baseURI);
    url.searchParams.set(QUERY_PARAM, query);
    return url.href;
  } catch {
    return undefined;
  }
}

/**
 * The search in the page's own address (opt-in `sync-url`), so results can be linked and survive
 * a reload: the query as `?q=` (or the site's `query-param`) and each chosen filter value as
 * `filter-<field>=<value>`, one parameter per value (`?q=wohngeld&filter-category=Formular&
 * filter-category=Antrag`). The prefix keeps filter parameters apart from the site's own (`type`,
 * `category` …). Written with `replaceState` only: typing and ticking must not flood the back
 * button. Part of the session module: the page reads `?q=` alone before that (url-sync.ts).
 */
import type { FilterSelection } from './filters.js';

export const FILTER_PARAM_PREFIX = 'filter-';

/** The chosen values of `fields` in the page's URL (fields without values are left out). */
export function readUrlFilters(fields: readonly string[]): FilterSelection {
  const params = new URL(window.location.href).searchParams;
  const selection: FilterSelection = {};
  for (const field of fields) {
    const values = [...new Set(params.getAll(FILTER_PARAM_PREFIX + field).filter((v) => v.trim()))];
    if (values.length) selection[field] = values;
  }
  return selection;
}

/**
 * Writes `query` (removed when empty) and the chosen values of `fields` into the page's URL. The
 * parameters of other fields, and all of the site's own, stay as they are.
 */
export function writeUrlState(
  query: string,
  param: string,
  fields: readonly string[],
  selection: FilterSelection,
): void {
  const url = new URL(window.location.href);
  if (query) url.searchParams.set(param, query);
  else url.searchParams.delete(param);
  for (const field of fields) {
    const name = FILTER_PARAM_PREFIX + field;
    url.searchParams.delete(name);
    for (const value of selection[field] ?? []) url.searchParams.append(name, value);
  }
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}

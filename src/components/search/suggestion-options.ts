/**
 * The options of the suggestion list: completions of the text (choosing one searches for it)
 * and titles of the best hits (choosing one opens the page). Plain text only: the listbox's
 * options are `role="option"`, whose content is presentational.
 */
import type { SearchHit, SearchResults, Suggestions } from '../../core/types.js';
import { isSafeUrl } from '../../core/url.js';

export type SuggestionOption =
  { kind: 'completion'; text: string } | { kind: 'page'; text: string; hit: SearchHit };

export const MAX_COMPLETIONS = 5;
export const MAX_PAGES = 3;

export function suggestionOptions(
  query: string,
  suggestions: Suggestions,
  results: SearchResults,
): SuggestionOption[] {
  const typed = query.trim().toLocaleLowerCase();
  const seen = new Set<string>();
  const options: SuggestionOption[] = [];
  for (const text of suggestions.completions) {
    const key = text.trim().toLocaleLowerCase();
    // Offering what is already in the field would be a no-op choice.
    if (!key || key === typed || seen.has(key)) continue;
    seen.add(key);
    options.push({ kind: 'completion', text: text.trim() });
    if (options.length === MAX_COMPLETIONS) break;
  }
  let pages = 0;
  for (const hit of results.hits) {
    if (pages === MAX_PAGES) break;
    // A page option navigates: only to URLs that are safe to open.
    if (typeof hit.title !== 'string' || !hit.title.trim() || !isSafeUrl(hit.url)) continue;
    options.push({ kind: 'page', text: hit.title, hit });
    pages++;
  }
  return options;
}

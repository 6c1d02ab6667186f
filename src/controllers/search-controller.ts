/**
 * Runs queries against a search source and guards against races: every request gets an id, and
 * only the latest request's outcome is handed back. Whatever the widget shows therefore belongs
 * to the current text, even when an asynchronous source (a worker, a sharded index) answers out
 * of order.
 */
import type {
  FilterValues,
  SearchOptions,
  SearchResults,
  SuggestOptions,
  Suggestions,
} from '../core/types.js';
import { cutText } from '../core/text.js';

/**
 * What the widget needs from an index: the core's `SearchIndex` fits, and so does anything with
 * the same methods, synchronous or returning promises (a Web Worker proxy, a sharded index).
 */
export interface SearchSource {
  search(query: string, options?: SearchOptions): SearchResults | Promise<SearchResults>;
  suggest(query: string, options?: SuggestOptions): Suggestions | Promise<Suggestions>;
  /**
   * Optional: loads ahead what searching `query` will need, without answering. The widget calls
   * it for text still too short to search (the first letter), with the options its search would
   * have, so that the search of the next letters finds its data there.
   */
  prefetch?(query: string, options?: SearchOptions): void;
  /** "Datenstand" (`YYYY-MM-DD`), shown in the widget when present. */
  readonly dataDate?: string;
  readonly documentCount?: number;
  /**
   * BCP 47 language of the indexed text (default `de`). Titles, snippets and suggestions are
   * marked up with it, so screen readers pronounce them right inside an English widget.
   */
  readonly language?: string;
  /**
   * The index's filter fields and their values with document counts (`SearchIndex.filterValues`):
   * the filter panel lists values the current query does not find (with a count of 0) from it.
   * Without it, the panel lists the values seen in results.
   */
  readonly filterValues?: FilterValues;
}

export interface SearchRequest {
  query: string;
  limit: number;
  /** Complete the last word as a prefix (while typing) or not (submitted). */
  prefix: boolean;
  /** Also ask for completions and a correction. */
  suggest: boolean;
  /** Chosen filter values (see `SearchOptions.filters`); none if empty. */
  filters?: SearchOptions['filters'];
  /** Fields to count values of (see `SearchOptions.facets`); none if empty. */
  facets?: SearchOptions['facets'];
}

export type SearchOutcome =
  | { status: 'done'; query: string; results: SearchResults; suggestions: Suggestions }
  | { status: 'stale' }
  | { status: 'failed'; query: string; error: unknown };

/**
 * Queries longer than this are cut before they reach the source: nobody types more, and a pasted
 * page of text must not keep the main thread busy. The full text stays in the input.
 */
export const MAX_QUERY_CHARACTERS = 500;

const NO_SUGGESTIONS: Suggestions = { completions: [] };

function isResults(value: unknown): value is SearchResults {
  const results = value as SearchResults | null;
  return (
    typeof results === 'object' &&
    results !== null &&
    typeof results.total === 'number' &&
    Array.isArray(results.hits)
  );
}

function cleanSuggestions(value: unknown): Suggestions {
  const suggestions = value as Suggestions | null;
  if (typeof suggestions !== 'object' || suggestions === null) return NO_SUGGESTIONS;
  const completions = Array.isArray(suggestions.completions)
    ? suggestions.completions.filter((text): text is string => typeof text === 'string')
    : [];
  const correction =
    typeof suggestions.correction === 'string' && suggestions.correction.trim()
      ? suggestions.correction
      : undefined;
  return correction ? { completions, correction } : { completions };
}

/**
 * The options for `source.search`: filters and facets only when there are any, so a source that
 * predates them (or a stub in a test) sees the same call as before.
 */
function searchOptions(request: SearchRequest): SearchOptions {
  const options: SearchOptions = { limit: request.limit, prefix: request.prefix };
  if (request.filters && Object.keys(request.filters).length) options.filters = request.filters;
  if (request.facets?.length) options.facets = request.facets;
  return options;
}

/**
 * `options` with `signal`, not enumerable: a custom source that hands its options on to a worker
 * (postMessage) or a server (JSON) keeps working, since an AbortSignal can be neither cloned nor
 * serialized; a source that reads `options.signal` gets it.
 */
function withSignal<T extends object>(
  options: T,
  signal: AbortSignal,
): T & { signal: AbortSignal } {
  return Object.defineProperty(options, 'signal', { value: signal, enumerable: false }) as T & {
    signal: AbortSignal;
  };
}

export class SearchController {
  private latest = 0;
  /** Aborts the request in flight: a source can stop work nobody waits for any more. */
  private inFlight?: AbortController;

  /** Runs `request`; resolves to `stale` if a newer request was started (or `cancel` called). */
  async run(source: SearchSource, request: SearchRequest): Promise<SearchOutcome> {
    const id = ++this.latest;
    this.inFlight?.abort();
    const abort = (this.inFlight = new AbortController());
    const query = cutText(request.query, MAX_QUERY_CHARACTERS);
    try {
      const [results, suggestions] = await Promise.all([
        source.search(query, withSignal(searchOptions(request), abort.signal)),
        request.suggest ? source.suggest(query, withSignal({}, abort.signal)) : NO_SUGGESTIONS,
      ]);
      if (id !== this.latest) return { status: 'stale' };
      // A custom source is not type-checked at runtime by anyone else.
      if (!isResults(results)) throw new TypeError('search() did not return { total, hits }.');
      return {
        status: 'done',
        query: request.query,
        results,
        suggestions: cleanSuggestions(suggestions),
      };
    } catch (error) {
      if (id !== this.latest) return { status: 'stale' };
      return { status: 'failed', query: request.query, error };
    } finally {
      if (this.inFlight === abort) this.inFlight = undefined;
    }
  }

  /** Has `source` load ahead what searching `request` would need (text still too short). */
  prefetch(source: SearchSource, request: SearchRequest): void {
    source.prefetch?.(cutText(request.query, MAX_QUERY_CHARACTERS), searchOptions(request));
  }

  /** Makes every request in flight stale, e.g. when the text was cleared. */
  cancel(): void {
    this.latest++;
    this.inFlight?.abort();
    this.inFlight = undefined;
  }
}

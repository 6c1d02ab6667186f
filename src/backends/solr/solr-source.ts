/**
 * A SearchSource over a Solr collection that uses the hzd-de configset (solr/hzd-de/): the
 * widget, or any code, searches it like a static index (`search`, `suggest`) and gets the same
 * hit shape. Runs in browsers and in Node 20+ (global fetch).
 *
 * A search is edismax over title, keywords, headings, summary and body with the client index's
 * weights (SOLR_QUERY_FIELDS). Every word is required first; if no document holds them all, a
 * second request takes documents with any of them and asks, per hit, which words it holds, so the
 * widget can say "Ergebnisse ohne: …" as it does for the static index. If nothing matches at all
 * and spellcheck has a correction, the corrected words are searched (the static index's typo
 * tolerance, done by Solr's spellchecker).
 *
 * The word being typed ("wohng") cannot be searched as a prefix query on the analyzed fields:
 * they hold stems ("beantragen" is indexed as "beantrag", so "beantrage*" would find nothing),
 * and a wildcard term skips the German analysis. Instead the configset's suggester (unstemmed,
 * folded words of titles and keywords) completes it first, and the search takes the word or any
 * of its completions ("wohng" OR "Wohngeld" OR "Wohngeldstelle"), each analyzed and weighted like
 * a typed word. A word only the body holds is found once it is typed in full. The same
 * completions answer `suggest`, from one request.
 */
import { fold } from '../../core/analysis/fold.js';
import { tokenize } from '../../core/analysis/tokenize.js';
import type {
  SearchOptions,
  SearchResults,
  SuggestOptions,
  Suggestions,
} from '../../core/types.js';
import { SearchSourceError } from '../../core/errors.js';
import { SOLR_HANDLERS } from './solr-fields.js';
import { getJson, type FetchFunction } from './solr-http.js';
import {
  escapeTerm,
  facetFields,
  filterQueries,
  parseQuery,
  selectParams,
  suggestParams,
  type ParsedQuery,
  type QueryTerm,
  type SelectRequest,
} from './solr-query.js';
import { parseSelect, parseSuggest, type SelectAnswer } from './solr-response.js';

export interface SolrSourceOptions {
  /**
   * The collection's URL (`https://www.example.de/solr/portal/`), or a same-origin path in a
   * browser (`/solr/portal/`); the handlers /hzd/select and /hzd/suggest are below it. Never with
   * a user name or password: give credentials in `headers` (and only outside browsers).
   */
  url: string;
  /** The fetch to use (default: the global one), e.g. one that adds a proxy's header. */
  fetch?: FetchFunction;
  /** Milliseconds until a request fails with `timeout` (default 8000). */
  timeout?: number;
  /** Extra request headers (a custom header makes browsers send a CORS preflight). */
  headers?: Record<string, string>;
  /** Hits per search when `limit` is not given (default 10, at most 100). */
  rows?: number;
  /** BCP 47 language of the collection's text (default `de`). */
  language?: string;
}

/** The core's options; their `signal` aborts the request (the promise rejects with its reason). */
export type SolrSearchOptions = SearchOptions;
export type SolrSuggestOptions = SuggestOptions;

const DEFAULT_TIMEOUT = 8000;
const DEFAULT_ROWS = 10;
const MAX_ROWS = 100;
/** Entries the suggester is asked for; several can complete to the same word. */
const SUGGEST_COUNT = 10;
/** Completions of the word being typed that the search also takes. */
const SEARCH_COMPLETIONS = 4;
/** Answers kept for reuse between `search` and `suggest` of the same text. */
const MEMO_SIZE = 32;

/** A small map that forgets its oldest entries. */
class Memo<T> {
  private readonly entries = new Map<string, T>();
  get(key: string): T | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > MEMO_SIZE) this.entries.delete(this.entries.keys().next().value!);
  }
  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** The collection URL as a base ending in `/`, checked. */
function collectionUrl(url: string): URL {
  if (typeof url !== 'string' || !url.trim()) {
    throw new TypeError('SolrSource needs the collection URL: new SolrSource({ url }).');
  }
  const base = (globalThis as { location?: { href?: string } }).location?.href;
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), base);
  } catch {
    throw new TypeError(`SolrSource: "${url}" is not a URL.`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new TypeError(`SolrSource: the URL must be http(s), not ${parsed.protocol}`);
  }
  if (parsed.username || parsed.password) {
    throw new TypeError(
      'SolrSource: the URL holds credentials. Never put them in a URL (it ends up in logs, and in a page everyone can read it); put a proxy in front of Solr, or pass an Authorization header in `headers` outside browsers.',
    );
  }
  parsed.search = '';
  parsed.hash = '';
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  return parsed;
}

function handlerUrl(base: URL, handler: string, params: URLSearchParams): string {
  const url = new URL(handler.replace(/^\//, ''), base);
  url.search = params.toString();
  return url.href;
}

function clampRows(value: unknown, fallback: number): number {
  const rows = Math.trunc(Number(value));
  return Number.isFinite(rows) && rows >= 0 ? Math.min(rows, MAX_ROWS) : fallback;
}

/**
 * The words of Solr's suggestions that complete `prefix` ("wohng" → "Wohngeld" from "Wohngeld
 * beantragen"), one per folded form, in the suggester's order.
 */
export function completionWords(prefix: string, terms: readonly string[]): string[] {
  const start = fold(prefix);
  if (!start) return [];
  const seen = new Set<string>();
  const words: string[] = [];
  for (const term of terms) {
    for (const word of tokenize(term)) {
      const folded = fold(word.text);
      if (folded === start || !folded.startsWith(start) || seen.has(folded)) continue;
      seen.add(folded);
      words.push(word.text);
    }
  }
  return words;
}

export class SolrSource {
  readonly language: string;
  /** Unknown for a server index: no "Datenstand" is shown. */
  readonly dataDate: string | undefined = undefined;
  readonly documentCount: number | undefined = undefined;

  private readonly base: URL;
  private readonly fetchFunction: FetchFunction;
  private readonly timeout: number;
  private readonly headers: Record<string, string>;
  private readonly rows: number;
  private readonly completionMemo = new Memo<Promise<string[]>>();
  private readonly correctionMemo = new Memo<Promise<string | undefined>>();

  constructor(options: SolrSourceOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new TypeError('SolrSource needs options: new SolrSource({ url }).');
    }
    this.base = collectionUrl(options.url);
    const fetchFunction = options.fetch ?? (globalThis.fetch as FetchFunction | undefined);
    if (typeof fetchFunction !== 'function') {
      throw new TypeError('SolrSource: there is no fetch here; pass one as `fetch`.');
    }
    // Bound: `window.fetch` called on another object throws "Illegal invocation".
    this.fetchFunction = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const timeout = Number(options.timeout ?? DEFAULT_TIMEOUT);
    this.timeout = Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT;
    this.headers = { ...(options.headers ?? {}) };
    this.rows = clampRows(options.rows, DEFAULT_ROWS) || DEFAULT_ROWS;
    this.language = options.language?.trim() || 'de';
  }

  /** The collection URL requests go to (without credentials or parameters). */
  get url(): string {
    return this.base.href;
  }

  search(query: string, options: SolrSearchOptions = {}): Promise<SearchResults> {
    const parsed = parseQuery(query);
    const answer = this.find(parsed, options);
    // The correction of this text comes with the search; `suggest` for the same text (the
    // widget asks for both at once) waits for it instead of asking Solr again.
    this.correctionMemo.set(
      parsed.text.trim(),
      answer.then(
        (result) => result.correction,
        () => undefined,
      ),
    );
    return answer.then(({ results }) => ({ ...results, query }));
  }

  async suggest(query: string, options: SolrSuggestOptions = {}): Promise<Suggestions> {
    const limit = clampRows(options.limit ?? 5, 5);
    const parsed = parseQuery(query);
    const last = parsed.allWords.at(-1);
    if (!last) return { completions: [] };
    const head = parsed.text.slice(0, last.start);
    const [words, correction] = await Promise.all([
      parsed.lastIsOpen ? this.completions(last.text, options.signal) : [],
      this.correction(parsed, options.signal),
    ]);
    const suggestions: Suggestions = {
      completions: words.slice(0, limit).map((word) => `${head}${word}`),
    };
    if (correction) suggestions.correction = correction;
    return suggestions;
  }

  // ---- Searching ----------------------------------------------------------------------------

  private async find(
    parsed: ParsedQuery,
    options: SolrSearchOptions,
  ): Promise<{ results: SearchResults; correction?: string }> {
    const facets = options.facets?.length ? [...options.facets] : undefined;
    // Field names first: a wrong one fails before anything is asked.
    filterQueries(options.filters);
    facetFields(facets);
    if (!parsed.words.length) {
      const results: SearchResults = { query: parsed.text, total: 0, hits: [] };
      if (facets) results.facets = Object.fromEntries(facets.map((name) => [name, {}]));
      return { results };
    }
    const open = this.openWord(parsed, options.prefix ?? true);
    const completions = open ? await this.searchCompletions(open.text, options.signal) : [];
    const alternatives = parsed.words.map((word) =>
      word === open ? [word.term, ...completions.map(escapeTerm)] : [word.term],
    );
    // A word being typed that has completions is not corrected ("wohng" is no typo).
    const spellcheck = spellText(parsed, open && completions.length ? open : undefined);
    const request: SelectRequest = {
      alternatives,
      requireAll: true,
      rows: clampRows(options.limit, this.rows),
      start: Math.max(0, Math.trunc(Number(options.offset ?? 0)) || 0),
      filters: options.filters,
      facets,
      spellcheck: spellcheck.text,
    };
    let answer = await this.select(request, options.signal, facets);
    const correction = correctionOf(answer.collation, spellcheck);
    let missingWords: string[] | undefined;
    if (answer.total === 0 && parsed.words.length > 1) {
      const relaxed = await this.select(
        { ...request, requireAll: false, spellcheck: undefined },
        options.signal,
        facets,
        parsed.words,
      );
      if (relaxed.total > 0) {
        answer = relaxed;
        missingWords = relaxed.hits[0]?.missingWords;
      }
    }
    if (answer.total === 0 && correction) {
      // Nothing for the words as typed, but spellcheck knows close words ("wohngelt" →
      // "wohngeld"): their results, as the static index finds them by typo tolerance.
      const corrected = parseQuery(correction);
      if (corrected.words.length) {
        const retry = await this.select(
          {
            ...request,
            alternatives: corrected.words.map((word) => [word.term]),
            spellcheck: undefined,
          },
          options.signal,
          facets,
        );
        if (retry.total > 0) answer = retry;
      }
    }
    const results: SearchResults = { query: parsed.text, total: answer.total, hits: answer.hits };
    if (missingWords?.length) results.missingWords = missingWords;
    if (answer.facets) results.facets = answer.facets;
    return correction ? { results, correction } : { results };
  }

  /** The word the visitor is still typing, if it is a word searched for. */
  private openWord(parsed: ParsedQuery, prefix: boolean): QueryTerm | undefined {
    if (!prefix || !parsed.lastIsOpen) return undefined;
    const last = parsed.words.at(-1);
    return last && last.end === parsed.text.length ? last : undefined;
  }

  /**
   * Completions for the search. A suggester that fails in its own way (not built, another
   * configset) leaves the word as typed; no answer at all fails the search, as the select would.
   */
  private async searchCompletions(prefix: string, signal?: AbortSignal): Promise<string[]> {
    try {
      return (await this.completions(prefix, signal)).slice(0, SEARCH_COMPLETIONS);
    } catch (error) {
      if (
        error instanceof SearchSourceError &&
        (error.code === 'server' || error.code === 'malformed')
      ) {
        return [];
      }
      throw error;
    }
  }

  private async select(
    request: SelectRequest,
    signal: AbortSignal | undefined,
    facets: readonly string[] | undefined,
    words?: readonly QueryTerm[],
  ): Promise<SelectAnswer> {
    const url = handlerUrl(this.base, SOLR_HANDLERS.select, selectParams(request));
    return parseSelect(await this.get(url, signal), facets, words);
  }

  /** Words completing `prefix`, shared by `search` and `suggest` (one request per prefix). */
  private completions(prefix: string, signal?: AbortSignal): Promise<string[]> {
    const key = fold(prefix);
    let pending = this.completionMemo.get(key);
    if (!pending) {
      const url = handlerUrl(
        this.base,
        SOLR_HANDLERS.suggest,
        suggestParams(prefix, SUGGEST_COUNT),
      );
      // Not aborted by one caller's signal: the other caller may still wait for it.
      pending = this.get(url).then((body) => completionWords(prefix, parseSuggest(body)));
      this.completionMemo.set(key, pending);
      pending.catch(() => this.completionMemo.delete(key));
    }
    return signal ? abortable(pending, signal) : pending;
  }

  /** "Meinten Sie …?" for `parsed`: from the search of the same text, or a count-only select. */
  private async correction(parsed: ParsedQuery, signal?: AbortSignal): Promise<string | undefined> {
    const known = this.correctionMemo.get(parsed.text.trim());
    if (known) return known;
    if (!parsed.words.length) return undefined;
    const spellcheck = spellText(parsed, undefined);
    const request: SelectRequest = {
      alternatives: parsed.words.map((word) => [word.term]),
      requireAll: true,
      rows: 0,
      start: 0,
      spellcheck: spellcheck.text,
      countOnly: true,
    };
    const answer = await this.select(request, signal, undefined);
    return correctionOf(answer.collation, spellcheck);
  }

  private get(url: string, signal?: AbortSignal): Promise<unknown> {
    return getJson(url, {
      fetch: this.fetchFunction,
      timeout: this.timeout,
      headers: this.headers,
      signal,
    });
  }
}

/** What spellcheck corrects: the typed words, without a word still being completed. */
function spellText(
  parsed: ParsedQuery,
  completed: QueryTerm | undefined,
): { text: string; rest: string } {
  const words = parsed.allWords.filter((word) => word.start !== completed?.start);
  return { text: words.map((word) => word.text).join(' '), rest: completed?.text ?? '' };
}

/** The collation as a correction, unless it is the text itself (in other letter case). */
function correctionOf(
  collation: string | undefined,
  spellcheck: { text: string; rest: string },
): string | undefined {
  if (!collation || !spellcheck.text) return undefined;
  if (fold(collation) === fold(spellcheck.text)) return undefined;
  return spellcheck.rest ? `${collation} ${spellcheck.rest}` : collation;
}

/** `promise`, or the signal's reason once it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

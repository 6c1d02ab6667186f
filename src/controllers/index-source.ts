/**
 * Loads a prebuilt index from a URL into the page's search engine (a Web Worker; see
 * backends/static/): a single JSON file, or a sharded index given as its folder (`…/index/`) or
 * its `manifest.json`. The page fetches every file and hands the bytes to the engine, which
 * parses and searches off the main thread; for a sharded index it asks for the shards a query
 * needs, and they are fetched here.
 *
 * One load per URL is shared by every widget on the page (`Map<url, load>`), so two search boxes
 * fetch and parse the file once. Each caller can abort its own wait; the fetch itself is aborted
 * only when no caller is left. Failed loads leave the cache, so a later attempt ("Erneut
 * versuchen") fetches again. Every failure becomes an error whose `code` the widget maps to its
 * error state.
 */
import { IndexLoadError, SearchSourceError } from '../core/errors.js';
import type { FilterValues, SearchOptions, SuggestOptions } from '../core/types.js';
import { EngineFailure, pageEngine, type EngineClient } from '../backends/static/engine-client.js';
import type { IndexInfo } from '../backends/static/protocol.js';
import type { HzdErrorCode, HzdErrorDetail } from '../events.js';
import type { SearchSource } from './search-controller.js';

export class IndexSourceError extends Error {
  override readonly name = 'IndexSourceError';
  constructor(
    readonly code: HzdErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface LoadOptions {
  /** Aborts this caller's wait (and the fetch, if no other caller waits for it). */
  signal?: AbortSignal;
  /** Milliseconds until the load fails with `timeout` (default 15 s). */
  timeout?: number;
  /**
   * The same index as a classic script that puts its text into `globalThis[global]`, for pages
   * opened from disk (file://), where browsers refuse fetch but still run scripts.
   */
  script?: { url: string; global: string };
}

interface SharedLoad {
  promise: Promise<SearchSource>;
  controller: AbortController;
  waiting: number;
  settled: boolean;
}

const cache = new Map<string, SharedLoad>();
const DEFAULT_TIMEOUT = 15_000;
/** A shard is fetched again this many times after a network failure (a flaky connection). */
const SHARD_RETRIES = 2;
const SHARD_TIMEOUT = 15_000;

/**
 * The URL of the file to fetch first: a folder (ending in `/`) means its `manifest.json`.
 * Absolute, so "index.json" and "./index.json" share one load.
 */
function entryUrl(url: string): string {
  let absolute: string;
  try {
    absolute = new URL(url, document.baseURI).href;
  } catch {
    return url;
  }
  return new URL(absolute).pathname.endsWith('/')
    ? new URL('manifest.json', absolute).href
    : absolute;
}

interface FetchOptions {
  cache?: RequestCache;
  /** What a webmaster does about a missing file. */
  hint?: string;
}

/** Fetches `url` as bytes; every failure becomes an IndexSourceError with a code. */
async function fetchBytes(
  url: string,
  signal: AbortSignal,
  what: string,
  { cache = 'default', hint = 'Check the index-src URL.' }: FetchOptions = {},
): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin', cache });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw new IndexSourceError(
      'network',
      `${what} could not be fetched from ${url} (network error or blocked by CORS).`,
      { cause: error },
    );
  }
  if (!response.ok) {
    const missing = response.status === 404 || response.status === 410;
    throw new IndexSourceError(
      missing ? 'not-found' : 'http',
      `${what} ${url} answered HTTP ${response.status}.${missing ? ` ${hint}` : ''}`,
    );
  }
  try {
    return await response.arrayBuffer();
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw new IndexSourceError('network', `${what} ${url} was cut off while loading.`, {
      cause: error,
    });
  }
}

/** A shard of a sharded index, with retries for network failures and a timeout each. */
async function fetchShard(index: string, path: string): Promise<ArrayBuffer> {
  const url = new URL(path, index).href;
  for (let attempt = 0; ; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(
      () =>
        controller.abort(
          new IndexSourceError(
            'timeout',
            `A part of the search index (${url}) did not load in time.`,
          ),
        ),
      SHARD_TIMEOUT,
    );
    try {
      return await fetchBytes(url, controller.signal, 'A part of the search index', {
        hint: 'Copy the whole folder the index command wrote, and keep the previous build until pages that loaded it are gone (the command does so).',
      });
    } catch (error) {
      const retry = error instanceof IndexSourceError && error.code === 'network';
      if (!retry || attempt >= SHARD_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
    } finally {
      clearTimeout(timer);
    }
  }
}

function engine(): Promise<EngineClient> {
  return pageEngine(fetchShard);
}

/** The widget's view of an index open in the engine. */
class EngineSource implements SearchSource {
  readonly dataDate: string;
  readonly documentCount: number;
  readonly language: string;
  readonly filterValues: FilterValues;

  constructor(
    private readonly client: EngineClient,
    private readonly name: string,
    info: IndexInfo,
  ) {
    this.dataDate = info.dataDate;
    this.documentCount = info.documentCount;
    this.language = info.language;
    this.filterValues = info.filterValues;
  }

  search(query: string, options?: SearchOptions) {
    return this.client.search(this.name, query, options);
  }

  suggest(query: string, options?: SuggestOptions) {
    return this.client.suggest(this.name, query, options);
  }

  prefetch(query: string, options?: SearchOptions) {
    this.client.prefetch(this.name, query, options);
  }
}

/** Runs a classic script that leaves the index's text in `globalThis[global]`. */
function scriptBytes(script: { url: string; global: string }): Promise<ArrayBuffer> {
  const global = globalThis as Record<string, unknown>;
  return new Promise((resolve, reject) => {
    const element = document.createElement('script');
    element.src = script.url;
    element.addEventListener('load', () => {
      const text = global[script.global];
      if (typeof text === 'string') resolve(new TextEncoder().encode(text).buffer as ArrayBuffer);
      else reject(new IndexSourceError('not-an-index', `${script.url} holds no search index.`));
    });
    element.addEventListener('error', () =>
      reject(
        new IndexSourceError('network', `The search index ${script.url} could not be loaded.`),
      ),
    );
    document.head.append(element);
  });
}

/** The index file's bytes: fetched, or from its script on a page opened from disk. */
async function indexBytes(url: string, signal: AbortSignal, script?: LoadOptions['script']) {
  try {
    // Revalidated every time (a cheap 304): the entry file has a fixed name, and a rebuilt site
    // must be seen at once. Shards have content names and may be cached for ever.
    return await fetchBytes(url, signal, 'The search index', { cache: 'no-cache' });
  } catch (error) {
    const fromDisk = location.protocol === 'file:';
    if (!script || !fromDisk || !(error instanceof IndexSourceError)) throw error;
    return scriptBytes(script);
  }
}

/** Opens the index at `url` (absolute) in the engine: the shared work behind every caller. */
async function openIndex(
  url: string,
  signal: AbortSignal,
  script?: LoadOptions['script'],
): Promise<SearchSource> {
  const [content, client] = await Promise.all([indexBytes(url, signal, script), engine()]);
  if (signal.aborted) throw signal.reason;
  try {
    return new EngineSource(client, url, await client.open(url, content));
  } catch (error) {
    if (error instanceof EngineFailure)
      throw new IndexSourceError(error.code as HzdErrorCode, error.message);
    throw error;
  }
}

function startLoad(url: string, timeout: number, script?: LoadOptions['script']): SharedLoad {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(
      new IndexSourceError('timeout', `The search index ${url} did not load within ${timeout} ms.`),
    );
  }, timeout);
  const load: SharedLoad = {
    controller,
    waiting: 0,
    settled: false,
    promise: openIndex(url, controller.signal, script).finally(() => {
      clearTimeout(timer);
      load.settled = true;
    }),
  };
  load.promise.catch(() => {
    if (cache.get(url) === load) cache.delete(url);
  });
  return load;
}

/** Loads (or reuses) the index at `url`. Rejects with IndexSourceError or the abort reason. */
export function loadIndexFromUrl(url: string, options: LoadOptions = {}): Promise<SearchSource> {
  const key = entryUrl(url);
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  let load = cache.get(key);
  if (!load) {
    load = startLoad(key, options.timeout ?? DEFAULT_TIMEOUT, options.script);
    cache.set(key, load);
  }
  const shared = load;
  shared.waiting++;
  if (!signal) return shared.promise;

  return new Promise<SearchSource>((resolve, reject) => {
    const onAbort = () => {
      shared.waiting--;
      // Nobody else waits: stop the download and forget it, so the next caller starts afresh.
      if (shared.waiting === 0 && !shared.settled) {
        shared.controller.abort(signal.reason);
        if (cache.get(key) === shared) cache.delete(key);
      }
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (index) => {
        signal.removeEventListener('abort', onAbort);
        resolve(index);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Forgets loaded indexes (all, or the one for `url`), e.g. after the file was rebuilt. */
export function clearIndexCache(url?: string): void {
  const keys = url === undefined ? [...cache.keys()] : [entryUrl(url)];
  for (const key of keys) {
    const load = cache.get(key);
    cache.delete(key);
    if (load?.settled) void engine().then((client) => client.close(key));
  }
}

/** Maps any load or search failure to the widget's error state. */
export function toErrorDetail(error: unknown): HzdErrorDetail {
  if (
    error instanceof IndexSourceError ||
    error instanceof IndexLoadError ||
    error instanceof SearchSourceError
  ) {
    return { code: error.code, message: error.message };
  }
  if (error instanceof EngineFailure)
    return { code: error.code as HzdErrorCode, message: error.message };
  return {
    code: 'search-failed',
    message: `The search failed: ${error instanceof Error ? error.message : String(error)}`,
  };
}

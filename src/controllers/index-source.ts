/**
 * Loads a prebuilt index from a URL. One load per URL is shared by every widget on the page
 * (`Map<url, load>`), so two search boxes fetch and parse the file once. Each caller can abort its
 * own wait; the fetch itself is aborted only when no caller is left. Failed loads leave the cache,
 * so a later attempt ("Erneut versuchen") fetches again.
 *
 * Every failure becomes an `IndexSourceError` whose `code` the widget maps to its error state.
 */
import { IndexLoadError, loadIndex, type SearchIndex } from '../core/index.js';
import type { HzdErrorCode, HzdErrorDetail } from '../events.js';

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
}

interface SharedLoad {
  promise: Promise<SearchIndex>;
  controller: AbortController;
  waiting: number;
  settled: boolean;
}

const cache = new Map<string, SharedLoad>();
const DEFAULT_TIMEOUT = 15_000;

/** The cache key: the absolute URL, so "index.json" and "./index.json" share one load. */
function absolute(url: string): string {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return url;
  }
}

async function fetchIndex(url: string, signal: AbortSignal): Promise<SearchIndex> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw new IndexSourceError(
      'network',
      `The search index could not be fetched from ${url} (network error or blocked by CORS).`,
      { cause: error },
    );
  }
  if (!response.ok) {
    const missing = response.status === 404 || response.status === 410;
    throw new IndexSourceError(
      missing ? 'not-found' : 'http',
      `The search index ${url} answered HTTP ${response.status}.${missing ? ' Check the index-src URL.' : ''}`,
    );
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw new IndexSourceError('network', `The search index ${url} was cut off while loading.`, {
      cause: error,
    });
  }
  return loadIndex(text);
}

function startLoad(url: string, timeout: number): SharedLoad {
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
    promise: fetchIndex(url, controller.signal).finally(() => {
      clearTimeout(timer);
      load.settled = true;
    }),
  };
  load.promise.catch(() => {
    if (cache.get(url) === load) cache.delete(url);
  });
  return load;
}

/** Loads (or reuses) the index at `url`. Rejects with IndexSourceError, IndexLoadError or the abort reason. */
export function loadIndexFromUrl(url: string, options: LoadOptions = {}): Promise<SearchIndex> {
  const key = absolute(url);
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  let load = cache.get(key);
  if (!load) {
    load = startLoad(key, options.timeout ?? DEFAULT_TIMEOUT);
    cache.set(key, load);
  }
  const shared = load;
  shared.waiting++;
  if (!signal) return shared.promise;

  return new Promise<SearchIndex>((resolve, reject) => {
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

/** Forgets cached indexes (all, or the one for `url`), e.g. after the file was rebuilt. */
export function clearIndexCache(url?: string): void {
  if (url === undefined) cache.clear();
  else cache.delete(absolute(url));
}

/** Maps any load or search failure to the widget's error state. */
export function toErrorDetail(error: unknown): HzdErrorDetail {
  if (error instanceof IndexSourceError || error instanceof IndexLoadError) {
    return { code: error.code, message: error.message };
  }
  return {
    code: 'search-failed',
    message: `The search failed: ${error instanceof Error ? error.message : String(error)}`,
  };
}

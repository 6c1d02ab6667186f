/**
 * One GET request to a Solr handler, with a timeout and an optional caller's abort signal. Every
 * way it can fail becomes a SearchSourceError whose code says which: `network` (no answer),
 * `timeout`, `server` (an HTTP error status, with Solr's own message when it sent one) or
 * `malformed` (an answer that is not JSON: an HTML error page of a proxy, a cut-off body). An
 * abort by the caller rejects with the signal's reason, as fetch does.
 */
import { SearchSourceError } from '../../core/errors.js';
import { cutText } from '../../core/text.js';
import { solrErrorMessage } from './solr-response.js';

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpOptions {
  fetch: FetchFunction;
  timeout: number;
  headers: Record<string, string>;
  signal?: AbortSignal;
}

/** Longest part of a server's error message repeated in ours. */
const MAX_QUOTED = 300;

/** `url` for messages: without the query string, which holds what the visitor typed. */
function shown(url: string): string {
  return url.replace(/[?#].*$/s, '');
}

/** A signal that aborts on the timeout or when `outer` aborts, and its cleanup. */
function linkedSignal(
  timeout: number,
  url: string,
  outer?: AbortSignal,
): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () =>
      controller.abort(
        new SearchSourceError(
          'timeout',
          `Solr did not answer within ${timeout} ms (${shown(url)}). Check that it runs and is reachable, or raise the timeout.`,
        ),
      ),
    timeout,
  );
  const onAbort = () => controller.abort(outer!.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}

/** GETs `url` and parses its JSON body. */
export async function getJson(url: string, options: HttpOptions): Promise<unknown> {
  const { signal, done } = linkedSignal(options.timeout, url, options.signal);
  try {
    let response: Response;
    try {
      response = await options.fetch(url, {
        method: 'GET',
        headers: { Accept: 'application/json', ...options.headers },
        signal,
        credentials: 'same-origin',
      });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw new SearchSourceError(
        'network',
        `Solr could not be reached at ${shown(url)} (network error, or blocked by CORS: the server must allow this page's origin).`,
        { cause: error },
      );
    }
    let body: string;
    try {
      body = await response.text();
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw new SearchSourceError('network', `Solr's answer from ${shown(url)} was cut off.`, {
        cause: error,
      });
    }
    let json: unknown;
    let parseError: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      parseError = error;
    }
    if (!response.ok) {
      const message = solrErrorMessage(json);
      throw new SearchSourceError(
        'server',
        `Solr answered HTTP ${response.status} at ${shown(url)}${message ? `: ${cutText(message, MAX_QUOTED)}` : " (not with Solr's error JSON: is the URL the collection's, ending before /hzd/select?)"}`,
        { status: response.status },
      );
    }
    if (parseError !== undefined) {
      throw new SearchSourceError(
        'malformed',
        `The answer from ${shown(url)} is not JSON (an HTML page, or cut off). Check that the URL is the Solr collection's.`,
        { cause: parseError },
      );
    }
    // SolrCloud reports some failures (a shard that could not answer) as error JSON with 200.
    const message = solrErrorMessage(json);
    if (message !== undefined) {
      throw new SearchSourceError(
        'server',
        `Solr reported an error at ${shown(url)}: ${cutText(message, MAX_QUOTED)}`,
        { status: response.status },
      );
    }
    return json;
  } finally {
    done();
  }
}

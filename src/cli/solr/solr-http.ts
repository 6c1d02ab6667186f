/**
 * HTTP to Solr for the CLI push: JSON in and out, retries with exponential backoff where trying
 * again can help (connection errors, timeouts, 5xx, 429), and errors that say what Solr said.
 */

export interface RetryPolicy {
  /** Tries after the first. */
  retries: number;
  /** Wait before the first retry; doubled for each further one. */
  delayMs: number;
  /** Per request. */
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 5, delayMs: 500, timeoutMs: 120_000 };

/** Solr answered with an error status; `solrMessage` is its `error.msg`. */
export class SolrHttpError extends Error {
  override readonly name = 'SolrHttpError';
  constructor(
    readonly url: string,
    readonly status: number,
    readonly solrMessage: string,
  ) {
    super(`Solr answered ${status} for ${redact(url)}: ${solrMessage}`);
  }
}

/** No answer: connection refused, reset, DNS, timeout. */
export class SolrUnreachableError extends Error {
  override readonly name = 'SolrUnreachableError';
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`no answer from Solr at ${redact(url)}: ${reason}`);
  }
}

/** User and password in a URL never reach a message. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}

function retriable(error: unknown): boolean {
  if (error instanceof SolrUnreachableError) return true;
  return error instanceof SolrHttpError && (error.status >= 500 || error.status === 429);
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'timed out';
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

async function once(url: string, init: RequestInit, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new SolrUnreachableError(url, reasonOf(error));
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new SolrUnreachableError(url, reasonOf(error));
  }
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const msg = (body as { error?: { msg?: string } } | undefined)?.error?.msg;
    throw new SolrHttpError(
      url,
      response.status,
      msg ?? (text.slice(0, 300) || response.statusText),
    );
  }
  if (body === undefined) {
    throw new SolrHttpError(url, response.status, `not JSON: ${text.slice(0, 200)}`);
  }
  return body;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One JSON request with retries. `onRetry` hears of each failed try that will be repeated. */
export async function solrRequest<T>(
  url: string,
  init: RequestInit = {},
  policy: RetryPolicy = DEFAULT_RETRY,
  onRetry?: (error: Error, attempt: number) => void,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await once(url, init, policy.timeoutMs)) as T;
    } catch (error) {
      if (!retriable(error) || attempt >= policy.retries) throw error;
      onRetry?.(error as Error, attempt + 1);
      await sleep(policy.delayMs * 2 ** attempt);
    }
  }
}

/** POST of a JSON body. */
export function postJson<T>(
  url: string,
  body: unknown,
  policy?: RetryPolicy,
  onRetry?: (error: Error, attempt: number) => void,
): Promise<T> {
  return solrRequest<T>(
    url,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    policy,
    onRetry,
  );
}

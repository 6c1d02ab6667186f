/**
 * HTTP for the crawler, polite to the site: at most `concurrency` requests at a time and at most
 * `rate` request starts per second (slower if robots.txt asks), a timeout per request, and retries
 * with growing waits after timeouts, network errors, 429 and 5xx (a Retry-After is honoured).
 * Redirects are returned, not followed, so the crawler can check each target against its rules.
 */

export interface FetcherOptions {
  userAgent: string;
  concurrency: number;
  /** Request starts per second. */
  rate: number;
  timeoutMs: number;
  retries: number;
  /** First wait before a retry; it doubles each time (tests make it short). */
  retryDelayMs?: number;
}

export interface FetchRequest {
  url: string;
  etag?: string;
  lastModified?: string;
  /** Whether to read the body of a 200 response with this content type. */
  wantsBody?(contentType: string): boolean;
}

export interface FetchResponse {
  status: number;
  headers: Headers;
  /** Read for a 200 whose content type was wanted. */
  body?: Uint8Array;
  /** Requests it took, retries included. */
  attempts: number;
}

/** Thrown when all tries failed; the message says why, for the report. */
export class FetchFailure extends Error {}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
/** Longest wait asked by a Retry-After that is honoured; longer ones count as failure. */
const MAX_RETRY_AFTER_MS = 120_000;
/** Bodies larger than this are not read (a crawl indexes pages and documents). */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfter(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

function describeError(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return `no answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ENOTFOUND') return 'host not found';
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}

async function readBody(response: Response): Promise<Uint8Array> {
  const length = Number(response.headers.get('content-length'));
  if (length > MAX_BODY_BYTES) {
    await response.body?.cancel();
    throw new FetchFailure(`larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_BODY_BYTES)
    throw new FetchFailure(`larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
  return bytes;
}

export class PoliteFetcher {
  /** HTTP requests sent, retries included. */
  requests = 0;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private nextStart = 0;
  private interval: number;

  constructor(private readonly options: FetcherOptions) {
    this.interval = 1000 / options.rate;
  }

  get concurrency(): number {
    return this.options.concurrency;
  }

  /** Waits at least this long between request starts from now on (robots.txt Crawl-delay). */
  slowDownTo(intervalMs: number): void {
    this.interval = Math.max(this.interval, intervalMs);
  }

  private async acquire(): Promise<void> {
    if (this.active >= this.options.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.active++;
    const now = Date.now();
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + this.interval;
    if (start > now) await sleep(start - now);
  }

  private release(): void {
    this.active--;
    this.waiting.shift()?.();
  }

  async fetch(request: FetchRequest): Promise<FetchResponse> {
    const { retries, timeoutMs } = this.options;
    const baseDelay = this.options.retryDelayMs ?? 1000;
    let lastProblem = '';
    let tries = 0;
    for (let attempt = 0; attempt <= retries; attempt++) {
      tries++;
      let wait = baseDelay * 2 ** attempt;
      let giveUp = false;
      let outcome: FetchResponse | undefined;
      await this.acquire();
      try {
        this.requests++;
        const headers: Record<string, string> = {
          'user-agent': this.options.userAgent,
          accept: 'text/html,application/xhtml+xml,application/pdf,application/xml;q=0.9,*/*;q=0.5',
        };
        if (request.etag) headers['if-none-match'] = request.etag;
        if (request.lastModified) headers['if-modified-since'] = request.lastModified;
        const response = await fetch(request.url, {
          headers,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (RETRY_STATUS.has(response.status)) {
          await response.body?.cancel();
          lastProblem = `the server answered ${response.status}`;
          const asked = retryAfter(response.headers);
          if (asked !== undefined) {
            giveUp = asked > MAX_RETRY_AFTER_MS;
            wait = asked;
          }
        } else {
          const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
          const wanted = response.status === 200 && (request.wantsBody?.(contentType) ?? true);
          let body: Uint8Array | undefined;
          if (wanted) body = await readBody(response);
          else await response.body?.cancel();
          outcome = {
            status: response.status,
            headers: response.headers,
            body,
            attempts: attempt + 1,
          };
        }
      } catch (error) {
        if (error instanceof FetchFailure) throw error;
        lastProblem = describeError(error, timeoutMs);
      } finally {
        this.release();
      }
      if (outcome) return outcome;
      if (giveUp) break;
      if (attempt < retries) await sleep(wait * (0.75 + Math.random() / 2));
    }
    throw new FetchFailure(`${lastProblem} (${tries} ${tries === 1 ? 'try' : 'tries'})`);
  }
}

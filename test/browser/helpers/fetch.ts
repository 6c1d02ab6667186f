/**
 * Replaces `window.fetch` for one test: records the requested URLs and answers with `handler`
 * (or passes through to the real fetch). Slow and failing networks without a server plugin.
 */
export interface FetchStub {
  calls: string[];
  restore(): void;
}

type Handler = (
  url: string,
  init: RequestInit | undefined,
  real: typeof fetch,
) => Promise<Response>;

export function stubFetch(handler: Handler = (url, init, real) => real(url, init)): FetchStub {
  const real = window.fetch;
  const calls: string[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push(url);
    return handler(url, init, real.bind(window));
  };
  return {
    calls,
    restore() {
      window.fetch = real;
    },
  };
}

/** A response that arrives after `ms`, or never (`Infinity`); honours the abort signal. */
export function delayed(
  ms: number,
  respond: () => Promise<Response>,
  signal?: AbortSignal | null,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const timer = Number.isFinite(ms) ? setTimeout(() => resolve(respond()), ms) : undefined;
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

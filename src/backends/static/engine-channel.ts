/**
 * How the page talks to the engine: through a Web Worker, or, where workers are unavailable (a
 * page opened from disk, a browser or policy without them), with the same engine in the page.
 */
import type { Engine } from './engine.js';
import type { FromEngine, ToEngine } from './protocol.js';

export interface EngineChannel {
  send(message: ToEngine, transfer?: ArrayBuffer[]): void;
  onMessage(listener: (message: FromEngine) => void): void;
}

/** A worker that must say it is ready within this time, or the engine runs in the page. */
const READY_TIMEOUT = 10_000;

/** Resolves once the worker runs; rejects if it cannot be started or fails to load. */
export function workerChannel(create: () => Worker): Promise<EngineChannel> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = create();
    } catch (error) {
      reject(error);
      return;
    }
    const listeners: ((message: FromEngine) => void)[] = [];
    const timer = setTimeout(
      () => fail(new Error('The search engine did not start.')),
      READY_TIMEOUT,
    );
    const fail = (error: unknown) => {
      clearTimeout(timer);
      worker.terminate();
      reject(error);
    };
    worker.addEventListener('error', fail, { once: true });
    worker.addEventListener('message', (event: MessageEvent<FromEngine>) => {
      if (event.data?.type === 'ready') {
        clearTimeout(timer);
        worker.removeEventListener('error', fail);
        resolve({
          send: (message, transfer) => worker.postMessage(message, transfer ?? []),
          onMessage: (listener) => listeners.push(listener),
        });
        return;
      }
      for (const listener of listeners) listener(event.data);
    });
  });
}

/** The engine in the page, answering asynchronously like a worker. */
export function inThreadChannel(
  create: (post: (message: FromEngine) => void) => Engine,
): EngineChannel {
  const listeners: ((message: FromEngine) => void)[] = [];
  const engine = create((message) => {
    setTimeout(() => {
      for (const listener of listeners) listener(message);
    });
  });
  return {
    send: (message) => setTimeout(() => engine.handle(message)),
    onMessage: (listener) => listeners.push(listener),
  };
}

/** Loads the engine file with a <script> (works where workers and module imports do not). */
export function engineScript(
  url: string,
  hook: string,
): Promise<(post: (message: FromEngine) => void) => Engine> {
  const global = globalThis as Record<string, unknown>;
  const ready = () => global[hook] as ((post: (message: FromEngine) => void) => Engine) | undefined;
  const loaded = ready();
  if (loaded) return Promise.resolve(loaded);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.addEventListener('load', () => {
      const factory = ready();
      if (factory) resolve(factory);
      else reject(new Error(`${url} did not provide the search engine.`));
    });
    script.addEventListener('error', () =>
      reject(new Error(`The search engine ${url} could not be loaded.`)),
    );
    document.head.append(script);
  });
}

/**
 * Entry of the engine file (dist/hzd-search.worker.js). Started as a Web Worker, it answers the
 * page's messages. Loaded with a plain <script> instead (where workers are unavailable, e.g. a
 * page opened from disk), it registers the same engine for the page to use in-thread.
 */
import { Engine } from './engine.js';
import { ENGINE_HOOK, type FromEngine, type ToEngine } from './protocol.js';

declare const WorkerGlobalScope: (new () => unknown) | undefined;

const inWorker = typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope;

if (inWorker) {
  const scope = self as unknown as {
    postMessage(message: FromEngine): void;
    onmessage: ((event: MessageEvent<ToEngine>) => void) | null;
  };
  const engine = new Engine((message) => scope.postMessage(message));
  scope.onmessage = (event) => engine.handle(event.data);
  scope.postMessage({ type: 'ready' });
} else {
  (globalThis as Record<string, unknown>)[ENGINE_HOOK] = (post: (message: FromEngine) => void) =>
    new Engine(post);
}

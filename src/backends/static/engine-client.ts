/**
 * The page's side of the engine: starts it (a Web Worker, or in-thread where workers are
 * unavailable), sends it indexes and queries, and fetches the files it asks for. One engine per
 * page serves every search box.
 */
import type {
  SearchOptions,
  SearchResults,
  SuggestOptions,
  Suggestions,
} from '../../core/types.js';
import { startEngine, type EngineChannel } from './locations.js';
import type { EngineError, FromEngine, IndexInfo, ToEngine } from './protocol.js';

/** An error from the engine, with the code the widget's error state is chosen by. */
export class EngineFailure extends Error {
  override readonly name = 'EngineFailure';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type FileFetcher = (index: string, path: string) => Promise<ArrayBuffer>;

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export class EngineClient {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly channel: EngineChannel,
    private readonly fetchFile: FileFetcher,
  ) {
    channel.onMessage((message) => this.receive(message));
  }

  open(index: string, content: ArrayBuffer): Promise<IndexInfo> {
    return this.request<IndexInfo>(
      { type: 'open', id: this.nextId++, index, content },
      { transfer: [content] },
    );
  }

  search(index: string, query: string, options: SearchOptions = {}): Promise<SearchResults> {
    const { signal, ...rest } = options;
    return this.request(
      { type: 'search', id: this.nextId++, index, query, options: rest },
      { signal },
    );
  }

  suggest(index: string, query: string, options: SuggestOptions = {}): Promise<Suggestions> {
    const { signal, ...rest } = options;
    return this.request(
      { type: 'suggest', id: this.nextId++, index, query, options: rest },
      { signal },
    );
  }

  /** Has the engine load ahead what searching `query` will need; answers nothing. */
  prefetch(index: string, query: string, options: SearchOptions = {}): void {
    // A signal cannot be posted; a prefetch is not cancelled anyway.
    const { signal, ...rest } = options;
    void signal;
    this.channel.send({ type: 'prefetch', index, query, options: rest });
  }

  close(index: string): void {
    this.channel.send({ type: 'close', index });
  }

  /**
   * Sends `message` and waits for its answer. An abort (an AbortSignal cannot cross to the
   * engine) rejects at once and tells the engine to stop: it then fetches nothing more for it.
   */
  private request<T>(
    message: Extract<ToEngine, { id: number }>,
    { signal, transfer }: { signal?: AbortSignal; transfer?: ArrayBuffer[] } = {},
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const { id } = message;
      const stop = () => {
        if (!this.pending.delete(id)) return;
        this.channel.send({ type: 'cancel', id });
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', stop, { once: true });
      const settled = () => signal?.removeEventListener('abort', stop);
      this.pending.set(id, {
        resolve: (value) => {
          settled();
          resolve(value as T);
        },
        reject: (error) => {
          settled();
          reject(error);
        },
      });
      this.channel.send(message, transfer);
    });
  }

  private receive(message: FromEngine): void {
    if (message.type === 'ready') return;
    if (message.type === 'fetch') {
      this.fetchFile(message.index, message.path).then(
        (content) => this.channel.send({ type: 'file', id: message.id, content }, [content]),
        (error: unknown) =>
          this.channel.send({ type: 'file', id: message.id, error: engineError(error) }),
      );
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    switch (message.type) {
      case 'opened':
        pending.resolve(message.info);
        break;
      case 'results':
        pending.resolve(message.results);
        break;
      case 'suggestions':
        pending.resolve(message.suggestions);
        break;
      case 'failed':
        pending.reject(new EngineFailure(message.error.code, message.error.message));
        break;
    }
  }
}

function engineError(error: unknown): EngineError {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return {
    code: typeof code === 'string' ? code : 'network',
    message: typeof message === 'string' ? message : String(error),
  };
}

let shared: Promise<EngineClient> | undefined;

/** The page's engine, started on first use; `fetchFile` serves the files it asks for. */
export function pageEngine(fetchFile: FileFetcher): Promise<EngineClient> {
  shared ??= startEngine().then(
    (channel) => new EngineClient(channel, fetchFile),
    (error: unknown) => {
      shared = undefined;
      throw error;
    },
  );
  return shared;
}

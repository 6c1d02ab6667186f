/**
 * The search engine behind the widget: opens indexes handed over as bytes (a single file, or the
 * manifest of a sharded index, whose shards it asks the page for) and answers searches. It runs
 * in a Web Worker (engine-worker.ts), or in the page where workers are unavailable; either way
 * through the messages of protocol.ts.
 */
import { IndexLoadError } from '../../core/errors.js';
import { isRecord, parseIndexJson } from '../../core/index-checks.js';
import { loadIndex } from '../../core/load.js';
import type { SearchIndex } from '../../core/search-index.js';
import { SHARDED_LAYOUT } from '../../core/sharded/layout.js';
import { checkManifest, ShardedIndex } from '../../core/sharded/sharded-index.js';
import type { EngineError, FromEngine, ToEngine } from './protocol.js';

type Post = (message: FromEngine) => void;

const decoder = new TextDecoder();

function asEngineError(error: unknown): EngineError {
  if (error instanceof IndexLoadError) return { code: error.code, message: error.message };
  if (isRecord(error) && typeof error['code'] === 'string' && typeof error['message'] === 'string')
    return { code: error['code'], message: error['message'] };
  return {
    code: 'search-failed',
    message: `The search failed: ${error instanceof Error ? error.message : String(error)}`,
  };
}

/** An error the page reported for a file: it keeps its code (network, timeout, http …). */
class FileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class Engine {
  private readonly indexes = new Map<string, SearchIndex | ShardedIndex>();
  private readonly files = new Map<
    number,
    { resolve(content: ArrayBuffer): void; reject(error: unknown): void }
  >();
  private nextFile = 1;
  /** Searches and suggestions still running, to abort when the page cancels them. */
  private readonly running = new Map<number, AbortController>();
  /** Loading ahead that waits for the engine to be idle (see lookAhead). */
  private waitingLookahead?: () => Promise<unknown>;

  constructor(private readonly post: Post) {}

  handle(message: ToEngine): void {
    switch (message.type) {
      case 'open':
        this.open(message.id, message.index, message.content);
        return;
      case 'search':
      case 'suggest':
        void this.query(message);
        return;
      case 'cancel':
        this.running.get(message.id)?.abort();
        return;
      case 'prefetch': {
        const index = this.indexes.get(message.index);
        // A failed prefetch costs nothing: the search itself fetches again.
        if (index instanceof ShardedIndex)
          index
            .prefetch(message.query)
            .then(() =>
              this.lookAhead(() => index.prefetchNextLetter(message.query, message.options)),
            )
            .catch(() => undefined);
        return;
      }
      case 'close':
        this.indexes.delete(message.index);
        return;
      case 'file': {
        const waiting = this.files.get(message.id);
        this.files.delete(message.id);
        if (!waiting) return;
        if (message.content) waiting.resolve(message.content);
        else
          waiting.reject(
            new FileError(
              message.error?.code ?? 'network',
              message.error?.message ?? 'A file of the search index could not be fetched.',
            ),
          );
        return;
      }
    }
  }

  private open(id: number, name: string, content: ArrayBuffer): void {
    try {
      const input = parseIndexJson(decoder.decode(content));
      const index =
        isRecord(input) && input['layout'] === SHARDED_LAYOUT
          ? new ShardedIndex(checkManifest(input), (path) => this.fetchFile(name, path))
          : loadIndex(input);
      this.indexes.set(name, index);
      this.post({
        type: 'opened',
        id,
        info: {
          dataDate: index.dataDate,
          builtAt: index.builtAt,
          documentCount: index.documentCount,
          language: index.language,
          filterValues: index.filterValues,
        },
      });
    } catch (error) {
      this.post({ type: 'failed', id, error: asEngineError(error) });
    }
  }

  private async query(message: Extract<ToEngine, { type: 'search' | 'suggest' }>): Promise<void> {
    const index = this.indexes.get(message.index);
    const abort = new AbortController();
    this.running.set(message.id, abort);
    const options = { ...message.options, signal: abort.signal };
    try {
      if (!index)
        throw new IndexLoadError(
          'corrupt',
          'The search index is not open (it was replaced or its load was stopped).',
        );
      if (message.type === 'search') {
        const results = await index.search(message.query, options);
        this.post({ type: 'results', id: message.id, results });
        if (index instanceof ShardedIndex)
          this.lookAhead(() => index.prefetchNextLetter(message.query, message.options));
      } else {
        const suggestions = await index.suggest(message.query, options);
        this.post({ type: 'suggestions', id: message.id, suggestions });
      }
    } catch (error) {
      // A cancelled request's page side has given up on it: nothing to answer.
      if (!abort.signal.aborted)
        this.post({ type: 'failed', id: message.id, error: asEngineError(error) });
    } finally {
      this.running.delete(message.id);
      if (this.running.size === 0 && this.waitingLookahead) this.startLookaheadWhenIdle();
    }
  }

  /**
   * Loads ahead for the next keystroke (while the visitor types it) once no search or
   * suggestion runs: the page shows results only with their suggestions, which the page asked
   * for together with the search, so loading ahead first would hold them up (browser bench, 10k
   * law sections: suggestions 0–34 ms after their results, ranking the next letter's text in
   * between). A newer lookahead replaces one still waiting. A failed load costs nothing: the
   * search of that letter fetches again.
   */
  private lookAhead(work: () => Promise<unknown>): void {
    this.waitingLookahead = work;
    // A search's own lookahead starts when it is done running (see query).
    if (this.running.size === 0) this.startLookaheadWhenIdle();
  }

  private startLookaheadWhenIdle(): void {
    // A task, not a microtask: messages already queued (the suggestion request sent with the
    // search) are handled first.
    setTimeout(() => {
      const work = this.waitingLookahead;
      if (!work || this.running.size > 0) return;
      this.waitingLookahead = undefined;
      work().catch(() => undefined);
    });
  }

  /** Asks the page for a file of a sharded index and parses it. */
  private fetchFile(index: string, path: string): Promise<unknown> {
    const id = this.nextFile++;
    return new Promise<ArrayBuffer>((resolve, reject) => {
      this.files.set(id, { resolve, reject });
      this.post({ type: 'fetch', id, index, path });
    }).then((content) => parseIndexJson(decoder.decode(content)));
  }
}

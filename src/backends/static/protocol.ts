/**
 * Messages between the page and the search engine (a Web Worker, or the same code in the page
 * where workers are unavailable). The page fetches every file and hands it over as bytes, so
 * fetching behaves as before (credentials, timeouts, aborts, the page's Content-Security-Policy)
 * and the engine only parses and searches, off the main thread.
 */
import type {
  FilterValues,
  SearchOptions,
  SearchResults,
  SuggestOptions,
  Suggestions,
} from '../../core/types.js';

/** Where the page finds the engine after loading the engine file with a <script>. */
export const ENGINE_HOOK = '__hzdSearchEngine';

/** What the page learns about an index once it is open. */
export interface IndexInfo {
  dataDate: string;
  builtAt: string;
  documentCount: number;
  language: string;
  /** The index's filter fields and values, for a filter UI. */
  filterValues: FilterValues;
}

export type ToEngine =
  /** Open the index in `content` (a single file or a manifest) under the name `index`. */
  | { type: 'open'; id: number; index: string; content: ArrayBuffer }
  | { type: 'search'; id: number; index: string; query: string; options?: SearchOptions }
  | { type: 'suggest'; id: number; index: string; query: string; options?: SuggestOptions }
  /** The page no longer waits for request `id`: stop fetching for it (its answer is dropped). */
  | { type: 'cancel'; id: number }
  /** Load what searching `query` will need (a sharded index's shards); nothing is answered. */
  | { type: 'prefetch'; index: string; query: string; options?: SearchOptions }
  /** The page forgets an index (new index-src, load aborted): the engine drops it. */
  | { type: 'close'; index: string }
  /** A file the engine asked for, or why it could not be fetched. */
  | { type: 'file'; id: number; content?: ArrayBuffer; error?: EngineError };

export type FromEngine =
  /** The engine runs (a worker's first message: its file loaded and started). */
  | { type: 'ready' }
  | { type: 'opened'; id: number; info: IndexInfo }
  | { type: 'results'; id: number; results: SearchResults }
  | { type: 'suggestions'; id: number; suggestions: Suggestions }
  | { type: 'failed'; id: number; error: EngineError }
  /** The engine needs a file of a sharded index, relative to its manifest. */
  | { type: 'fetch'; id: number; index: string; path: string };

/** An error as it crosses between page and engine: its code decides the widget's error state. */
export interface EngineError {
  code: string;
  message: string;
}

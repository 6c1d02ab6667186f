/**
 * Where the search reads an index from. The search itself is synchronous and asks the store for
 * postings key by key; a single-file index has every key in memory, a sharded one (see
 * sharded/) makes sure beforehand that the keys a query needs are loaded. Both answer the same
 * questions with the same data, so both rank alike.
 */
import { damagedIndex } from './errors.js';
import { decodePostings, PostingsFormatError, type Postings } from './postings.js';
import { RecentCache } from './recent-cache.js';
import { indexOfSorted } from './sorted.js';
import type { StoredDocument } from './types.js';

export interface IndexStore {
  readonly documentCount: number;
  /** Average length of each field in words, by field number. */
  readonly averageFieldLengths: readonly number[];
  /** The postings of `key`, or undefined if no document has it. */
  postings(key: string): Postings | undefined;
  /** Display fields of document number `n`. */
  document(n: number): StoredDocument;
  /** Whether postings were asked for that are not loaded yet (a sharded index; else never). */
  postingsPending?(): boolean;
  /**
   * Whether anything was asked for that is not loaded yet (postings, vocabulary): a search run
   * then only names what it needs, and runs again once it is here (a sharded index; else never).
   */
  incomplete?(): boolean;
}

/** Decoded postings are kept for the keys of the last few queries: typing repeats them. */
const DECODED_CACHE_SIZE = 4000;

/** Decodes postings on first use and keeps the most recent ones. */
export class PostingsCache {
  private readonly decoded = new RecentCache<string, Postings>(DECODED_CACHE_SIZE);

  /** @param documentCount postings naming a document beyond it are damage. */
  constructor(private readonly documentCount: number) {}

  get(key: string, encoded: () => string | undefined): Postings | undefined {
    const cached = this.decoded.get(key);
    if (cached) return cached;
    const text = encoded();
    if (text === undefined) return undefined;
    let postings: Postings;
    try {
      postings = decodePostings(text);
    } catch (error) {
      if (!(error instanceof PostingsFormatError)) throw error;
      throw damagedIndex(`the postings of "${key}": ${error.message}`, { cause: error });
    }
    const last = postings.documents[postings.documents.length - 1];
    if (last !== undefined && last >= this.documentCount) {
      throw damagedIndex(`the postings of "${key}" refer to an unknown document`);
    }
    this.decoded.set(key, postings);
    return postings;
  }
}

/** A whole index in memory: the single-file format. */
export class MemoryStore implements IndexStore {
  private readonly cache: PostingsCache;

  constructor(
    private readonly keys: readonly string[],
    private readonly encoded: readonly string[],
    private readonly documents: readonly StoredDocument[],
    readonly averageFieldLengths: readonly number[],
  ) {
    this.cache = new PostingsCache(documents.length);
  }

  get documentCount(): number {
    return this.documents.length;
  }

  postings(key: string): Postings | undefined {
    return this.cache.get(key, () => {
      const at = indexOfSorted(this.keys, key);
      return at < 0 ? undefined : this.encoded[at];
    });
  }

  document(n: number): StoredDocument {
    const doc = this.documents[n];
    if (!doc) throw damagedIndex(`it refers to an unknown document (${n})`);
    return doc;
  }
}

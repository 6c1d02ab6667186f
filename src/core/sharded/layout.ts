/**
 * The sharded index format: a small manifest, always fetched fresh, and content-named shard
 * files beside it that can be cached for ever. Designed from what a query needs:
 *
 * - **term shards** hold the postings of a contiguous range of keys. The keys a word is looked
 *   up under (exact, folded, stem) and its completions sort next to each other, so one word
 *   usually needs one shard, and typing a word reuses it letter after letter;
 * - **vocabulary shards** hold the words under one first letter: completions, "Meinten Sie" and
 *   typo tolerance for every word starting with it, in one request;
 * - **document shards** hold the display fields and snippet text of documents (one each by
 *   default), fetched only for hits shown;
 * - **prefix packs** hold, for every start of two to four letters of a vocabulary word, the
 *   documents of its first hits when typed alone (see packs.ts): a word's first letters find
 *   new hits almost every time, and one request for a pack replaces one per card. Between
 *   keystrokes, the reader loads the pack or documents of the likely next letters (see
 *   ShardedIndex.prefetchNextLetter).
 *
 * Pagefind, the model, shards its word index by term range too, but has no vocabulary to look up
 * typos in, and fetches one fragment per result.
 */
import type { SerializedIndex, VocabularyEntry } from '../types.js';

export const SHARDED_LAYOUT = 'sharded';
export const MANIFEST_FILE = 'manifest.json';

export interface ShardedManifest extends Pick<
  SerializedIndex,
  | 'format'
  | 'formatVersion'
  | 'analyzerVersion'
  | 'builtAt'
  | 'dataDate'
  | 'language'
  | 'documentCount'
  | 'fields'
  | 'averageFieldLengths'
  | 'synonyms'
  | 'filterValues'
> {
  layout: typeof SHARDED_LAYOUT;
  terms: {
    /**
     * Where each shard starts, as a shard key (the folded key; see write.ts) or its shortest
     * prefix that still sorts after the previous shard's keys: shard i holds the keys whose
     * shard key k has first[i] ≤ k < first[i + 1].
     */
    first: string[];
  } & ShardFiles;
  vocabulary: {
    /** Letters that have words; shard i holds the words under letters[i]. */
    letters: string[];
    /**
     * For each letter, its most frequent words and itself as a word (see `leadingEntries`): a
     * later word's first letter ("Datei k") is searched for with them while its shard comes,
     * one round instead of two before the documents. Missing in indexes built before them.
     */
    leading?: VocabularyEntry[][];
  } & ShardFiles;
  documents: {
    /** Documents per shard: shard j holds documents j·size to (j + 1)·size − 1. */
    size: number;
  } & ShardFiles;
  /** Missing in indexes built before packs: their searches fetch documents one by one. */
  packs?: {
    /**
     * The number of the first pack of each vocabulary letter (as `vocabulary.letters`); a
     * letter's packs follow in the order of `packPrefixes` (packs.ts) of its words.
     */
    first: number[];
  } & ShardFiles;
}

/** Shard n of a kind is the file `${files}-${n}.json`, relative to the manifest. */
export interface ShardFiles {
  files: string;
  count: number;
}

/** A term shard file. */
export interface TermShard {
  keys: string[];
  postings: string[];
}

/**
 * Default sizes: a term shard of about 8,000 characters is about 3 kB gzipped. Most lookups
 * while typing need one or two keys of a shard, so smaller shards waste fewer bytes (browser
 * bench, 10k law sections, seven queries typed: 24,000 → 8,000 characters cut term shard bytes
 * by almost half for 60 % more requests); the shortest-prefix boundaries keep the manifest small.
 */
export const DEFAULT_TERM_SHARD_CHARACTERS = 8000;
/**
 * One document per shard: the ten hits on screen are rarely neighbours, so with four per shard
 * three quarters of each document shard was never shown (browser bench, 10k law sections:
 * 462 kB of document shards while typing seven queries with 4, 169 kB with 1, for about as many
 * requests, which HTTP/2 and the cache make cheap).
 */
export const DEFAULT_DOCUMENTS_PER_SHARD = 1;

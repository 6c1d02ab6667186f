/**
 * Splits a built index into the sharded layout (see layout.ts): a manifest and shard files, each
 * named after its content, so a server can let browsers cache them for ever and a rebuilt index
 * never mixes with an old one. Runs anywhere (no file system): the caller writes the files.
 */
import type { SerializedIndex, StoredDocument, VocabularyEntry } from '../types.js';
import { fold } from '../analysis/fold.js';
import { PHRASE_MARK } from '../analysis/index-keys.js';
import { FILTER_MARK } from '../filters.js';
import { vocabularyLetter } from '../vocabulary.js';
import {
  DEFAULT_DOCUMENTS_PER_SHARD,
  DEFAULT_TERM_SHARD_CHARACTERS,
  MANIFEST_FILE,
  SHARDED_LAYOUT,
  type ShardedManifest,
  type TermShard,
} from './layout.js';

export interface ShardOptions {
  /** Characters of keys and postings per term shard (about 0.4 gzipped bytes each). */
  termShardCharacters?: number;
  documentsPerShard?: number;
}

export interface ShardFile {
  /** Path relative to the manifest, e.g. `terms/3f9a0c1b2d4e5.json`. */
  name: string;
  content: string;
}

/** A 53-bit hash (cyrb53) as hex: enough to tell contents apart, and no dependency. */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * Shard files of one kind: `<kind>/<hash of them all>-<n>.json`. Naming them by the hash of the
 * whole set keeps the manifest small (thousands of document shards need no list of names), and
 * any change of content still gives every file of that kind a new name.
 */
function named(kind: string, contents: string[]): { prefix: string; files: ShardFile[] } {
  const prefix = `${kind}/${contentHash(contents.join('\n'))}`;
  return {
    prefix,
    files: contents.map((content, n) => ({ name: `${prefix}-${n}.json`, content })),
  };
}

/**
 * The key a term shard range is decided by: folded, so "kündigung" and "kundigung" share one.
 * Phrase and filter keys stay as they are: their marks keep them together, apart from words.
 */
export function shardKey(key: string): string {
  return key.startsWith(PHRASE_MARK) || key.startsWith(FILTER_MARK) ? key : fold(key);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function termShards(index: SerializedIndex, target: number) {
  const order = index.keys
    .map((key, i) => ({ key, i, by: shardKey(key) }))
    .sort((a, b) => compare(a.by, b.by) || compare(a.key, b.key));
  const first: string[] = [];
  const contents: string[] = [];
  let shard: { key: string; postings: string }[] = [];
  let size = 0;
  const flush = () => {
    if (!shard.length) return;
    first.push(shardKey(shard[0]!.key));
    // Within a shard, keys are sorted as themselves, for the binary search of a lookup.
    shard.sort((a, b) => compare(a.key, b.key));
    const content: TermShard = {
      keys: shard.map((entry) => entry.key),
      postings: shard.map((entry) => entry.postings),
    };
    contents.push(JSON.stringify(content));
    shard = [];
    size = 0;
  };
  order.forEach(({ key, i, by }, at) => {
    const postings = index.postings[i]!;
    // Keys of the same shard key stay together: a lookup finds them all in one shard.
    const boundary = at > 0 && order[at - 1]!.by !== by;
    if (size > 0 && boundary && size + key.length + postings.length > target) flush();
    shard.push({ key, postings });
    size += key.length + postings.length;
  });
  flush();
  return { first, ...named('terms', contents) };
}

function vocabularyShards(entries: readonly VocabularyEntry[]) {
  const byLetter = new Map<string, VocabularyEntry[]>();
  for (const entry of entries) {
    const letter = vocabularyLetter(fold(entry[0]));
    const list = byLetter.get(letter);
    if (list) list.push(entry);
    else byLetter.set(letter, [entry]);
  }
  const letters = [...byLetter.keys()].sort();
  return {
    letters,
    ...named(
      'vocabulary',
      letters.map((letter) => JSON.stringify(byLetter.get(letter))),
    ),
  };
}

function documentShards(documents: readonly StoredDocument[], size: number) {
  const contents: string[] = [];
  for (let start = 0; start < documents.length; start += size) {
    contents.push(JSON.stringify(documents.slice(start, start + size)));
  }
  return named('documents', contents);
}

/** The manifest and every shard of `index`. */
export function shardIndex(
  index: SerializedIndex,
  options: ShardOptions = {},
): { manifest: ShardedManifest; files: ShardFile[] } {
  const perShard = Math.max(
    1,
    Math.floor(options.documentsPerShard ?? DEFAULT_DOCUMENTS_PER_SHARD),
  );
  const terms = termShards(index, options.termShardCharacters ?? DEFAULT_TERM_SHARD_CHARACTERS);
  const vocabulary = vocabularyShards(index.vocabulary);
  const documents = documentShards(index.documents, perShard);
  const manifest: ShardedManifest = {
    format: index.format,
    formatVersion: index.formatVersion,
    layout: SHARDED_LAYOUT,
    analyzerVersion: index.analyzerVersion,
    builtAt: index.builtAt,
    dataDate: index.dataDate,
    language: index.language,
    documentCount: index.documentCount,
    fields: index.fields,
    averageFieldLengths: index.averageFieldLengths,
    synonyms: index.synonyms,
    filterValues: index.filterValues,
    terms: { first: terms.first, files: terms.prefix, count: terms.files.length },
    vocabulary: {
      letters: vocabulary.letters,
      files: vocabulary.prefix,
      count: vocabulary.files.length,
    },
    documents: { size: perShard, files: documents.prefix, count: documents.files.length },
  };
  return {
    manifest,
    files: [
      ...terms.files,
      ...vocabulary.files,
      ...documents.files,
      { name: MANIFEST_FILE, content: JSON.stringify(manifest) },
    ],
  };
}

/**
 * Splits a built index into the sharded layout (see layout.ts): a manifest and shard files, each
 * named after its content, so a server can let browsers cache them for ever and a rebuilt index
 * never mixes with an old one. Runs anywhere (no file system): the caller writes the files.
 */
import type { SerializedIndex, StoredDocument, VocabularyEntry } from '../types.js';
import { fold } from '../analysis/fold.js';
import { NAMING_MARK, PHRASE_MARK, plainKey } from '../analysis/index-keys.js';
import { FILTER_MARK } from '../filters.js';
import { SearchIndex } from '../search-index.js';
import { MemoryStore } from '../store.js';
import { leadingEntries, MemoryVocabulary, vocabularyLetter } from '../vocabulary.js';
import {
  DEFAULT_DOCUMENTS_PER_SHARD,
  DEFAULT_TERM_SHARD_CHARACTERS,
  MANIFEST_FILE,
  SHARDED_LAYOUT,
  type ShardedManifest,
  type ShardFiles,
  type TermShard,
} from './layout.js';
import { DEFAULT_PACK_SIZE, packChain, packPrefixes, type PrefixPack } from './packs.js';

export interface ShardOptions {
  /** Characters of keys and postings per term shard (about 0.4 gzipped bytes each). */
  termShardCharacters?: number;
  documentsPerShard?: number;
  /** Hits per prefix pack; 0 writes none. */
  packSize?: number;
}

export interface ShardFile {
  /** Path relative to the manifest, e.g. `terms/3f9a0c1b2d4e5.json`. */
  name: string;
  content: string;
}

/**
 * A 53-bit hash (cyrb53) fed piece by piece: the shards of one kind are hashed as they are made,
 * so none needs to be kept until the name is known.
 */
export class ContentHasher {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  update(text: string): this {
    let { h1, h2 } = this;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  /** The hash as hex (14 digits) of everything fed so far. */
  digest(): string {
    let { h1, h2 } = this;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
  }
}

/** A 53-bit hash (cyrb53) as hex: enough to tell contents apart, and no dependency. */
export function contentHash(text: string): string {
  return new ContentHasher().update(text).digest();
}

export type ShardKind = 'terms' | 'vocabulary' | 'documents' | 'packs';

/**
 * One shard as it is made. Its file is `<kind>/<hash of all shards of the kind>-<number>.json`:
 * naming them by the hash of the whole set keeps the manifest small (thousands of document
 * shards need no list of names), and any change of content still gives every file of that kind
 * a new name. The hash is known once the kind is complete, so the name comes with the manifest.
 */
export interface ShardPiece {
  kind: ShardKind;
  number: number;
  content: string;
}

/** The last piece: the manifest, whose `files` prefixes name the shards yielded before it. */
export interface ManifestPiece {
  kind: 'manifest';
  manifest: ShardedManifest;
  content: string;
}

/** The files of one kind a manifest names (none for packs in an index without them). */
export function filesOfKind(manifest: ShardedManifest, kind: ShardKind): ShardFiles {
  return manifest[kind] ?? { files: `${kind}/none`, count: 0 };
}

/** The file name of a shard piece, given the manifest that completes its set. */
export function shardFileName(piece: ShardPiece, manifest: ShardedManifest): string {
  return `${filesOfKind(manifest, piece.kind).files}-${piece.number}.json`;
}

/** Hashes the shards of one kind as they pass, as the joined text `a\nb\n…` would be hashed. */
class KindHash {
  private readonly hasher = new ContentHasher();
  count = 0;

  constructor(private readonly kind: ShardKind) {}

  piece(content: string): ShardPiece {
    if (this.count > 0) this.hasher.update('\n');
    this.hasher.update(content);
    return { kind: this.kind, number: this.count++, content };
  }

  get prefix(): string {
    return `${this.kind}/${this.hasher.digest()}`;
  }
}

/**
 * The key a term shard range is decided by: folded, so "kündigung" and "kundigung" share one.
 * Phrase and filter keys stay as they are: their marks keep them together, apart from words.
 */
export function shardKey(key: string): string {
  if (key.startsWith(PHRASE_MARK) || key.startsWith(FILTER_MARK)) return key;
  // Naming keys sort among themselves, by word: a short prefix's completions are neighbours.
  if (key.startsWith(NAMING_MARK)) return NAMING_MARK + fold(plainKey(key));
  return fold(key);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The shortest prefix of `next` that sorts after `previous` (`previous` < `next`): a shard's
 * boundary in the manifest needs to tell its keys from the previous shard's, nothing more, and
 * the manifest lists thousands of them on a large site.
 */
export function separator(previous: string, next: string): string {
  for (let length = 1; length < next.length; length++) {
    const prefix = next.slice(0, length);
    if (prefix > previous) return prefix;
  }
  return next;
}

/**
 * Term shards in key order. With `release`, each key and postings string is let go of once its
 * shard is made, so the index and its shards are never held twice. Returns where each shard starts (see `separator`).
 */
function* termShards(
  index: SerializedIndex,
  target: number,
  hash: KindHash,
  release: boolean,
): Generator<ShardPiece, string[]> {
  const order: ({ key: string; i: number; by: string } | undefined)[] = index.keys
    .map((key, i) => ({ key, i, by: shardKey(key) }))
    .sort((a, b) => compare(a.by, b.by) || compare(a.key, b.key));
  if (release) index.keys = [];
  const first: string[] = [];
  /** The shard key of the last key in the shard made before. */
  let lastBy = '';
  let shard: { key: string; postings: string; by: string }[] = [];
  let size = 0;
  let previousBy: string | undefined;
  const flush = (): ShardPiece | undefined => {
    if (!shard.length) return undefined;
    const firstBy = shard[0]!.by;
    first.push(first.length ? separator(lastBy, firstBy) : firstBy);
    lastBy = shard.at(-1)!.by;
    // Within a shard, keys are sorted as themselves, for the binary search of a lookup.
    shard.sort((a, b) => compare(a.key, b.key));
    const content: TermShard = {
      keys: shard.map((entry) => entry.key),
      postings: shard.map((entry) => entry.postings),
    };
    shard = [];
    size = 0;
    return hash.piece(JSON.stringify(content));
  };
  for (let at = 0; at < order.length; at++) {
    const { key, i, by } = order[at]!;
    if (release) order[at] = undefined;
    const postings = index.postings[i]!;
    if (release) index.postings[i] = '';
    // Keys of the same shard key stay together: a lookup finds them all in one shard.
    const boundary = previousBy !== undefined && previousBy !== by;
    previousBy = by;
    if (size > 0 && boundary && size + key.length + postings.length > target) {
      const piece = flush();
      if (piece) yield piece;
    }
    shard.push({ key, postings, by });
    size += key.length + postings.length;
  }
  const last = flush();
  if (last) yield last;
  if (release) index.postings = [];
  return first;
}

/** The vocabulary by letter, as its shards hold it, with the letters in shard order. */
function vocabularyByLetter(entries: readonly VocabularyEntry[]) {
  const byLetter = new Map<string, VocabularyEntry[]>();
  for (const entry of entries) {
    const letter = vocabularyLetter(fold(entry[0]));
    const list = byLetter.get(letter);
    if (list) list.push(entry);
    else byLetter.set(letter, [entry]);
  }
  return { byLetter, letters: [...byLetter.keys()].sort() };
}

/** Vocabulary shards, one per letter, in the order of `letters`. */
function* vocabularyShards(
  byLetter: ReadonlyMap<string, VocabularyEntry[]>,
  letters: readonly string[],
  hash: KindHash,
): Generator<ShardPiece> {
  for (const letter of letters) yield hash.piece(JSON.stringify(byLetter.get(letter)));
}

/**
 * The first hits of every packed prefix typed alone, letter by letter (see packPrefixes),
 * ranked by the same search the browser runs; and where each letter's packs start. Run before
 * the term shards let go of the postings.
 */
function packHits(
  index: SerializedIndex,
  byLetter: ReadonlyMap<string, VocabularyEntry[]>,
  letters: readonly string[],
  size: number,
): { first: number[]; packs: { prefix: string; hits: number[] }[] } {
  const search = new SearchIndex(
    new MemoryStore(index.keys, index.postings, index.documents, index.averageFieldLengths),
    new MemoryVocabulary(index.vocabulary),
    index,
  );
  const first: number[] = [];
  const packs: { prefix: string; hits: number[] }[] = [];
  for (const letter of letters) {
    first.push(packs.length);
    const folded = byLetter.get(letter)!.map(([word]) => fold(word));
    for (const prefix of packPrefixes(folded)) {
      const { documents } = search.rankSearch(prefix, { prefix: true, limit: size });
      packs.push({ prefix, hits: [...documents] });
    }
  }
  return { first, packs };
}

/**
 * Prefix packs: each prefix's hits, with the stored documents of those its shorter prefixes'
 * packs lack. A letter's prefixes come sorted, so a prefix comes after its shorter ones.
 */
function* packShards(
  index: SerializedIndex,
  packs: readonly { prefix: string; hits: number[] }[],
  hash: KindHash,
): Generator<ShardPiece> {
  /** The hits whose documents the packs of a prefix and of its shorter ones hold. */
  const held = new Map<string, Set<number>>();
  for (const { prefix, hits } of packs) {
    const shorter = packChain(prefix).slice(0, -1);
    const before = new Set(shorter.flatMap((chained) => [...(held.get(chained) ?? [])]));
    const documents = hits.filter((n) => !before.has(n));
    held.set(prefix, new Set([...before, ...documents]));
    const pack: PrefixPack = {
      hits,
      documents,
      records: documents.map((n) => index.documents[n]!),
    };
    yield hash.piece(JSON.stringify(pack));
  }
}

/** Document shards of `size` documents; with `release`, each slice is let go of once made. */
function* documentShards(
  index: SerializedIndex,
  size: number,
  hash: KindHash,
  release: boolean,
): Generator<ShardPiece> {
  const documents = index.documents;
  for (let start = 0; start < documents.length; start += size) {
    const content = JSON.stringify(documents.slice(start, start + size));
    if (release) (documents as (StoredDocument | undefined)[]).fill(undefined, start, start + size);
    yield hash.piece(content);
  }
  if (release) index.documents = [];
}

export interface ShardPiecesOptions extends ShardOptions {
  /**
   * Let go of the index's keys, postings and documents as their shards are made (the index is
   * spent afterwards): a large index and all its shards are then never in memory at once.
   */
  release?: boolean;
}

/**
 * Every shard of `index`, one at a time (terms, vocabulary, documents), then the manifest that
 * names them. A writer can write each as it comes and keep none.
 */
export function* shardPieces(
  index: SerializedIndex,
  options: ShardPiecesOptions = {},
): Generator<ShardPiece | ManifestPiece> {
  const release = options.release ?? false;
  const perShard = Math.max(
    1,
    Math.floor(options.documentsPerShard ?? DEFAULT_DOCUMENTS_PER_SHARD),
  );
  const packSize = Math.max(0, Math.floor(options.packSize ?? DEFAULT_PACK_SIZE));
  const { byLetter, letters } = vocabularyByLetter(index.vocabulary);
  const packed = packSize > 0 ? packHits(index, byLetter, letters, packSize) : undefined;
  const terms = new KindHash('terms');
  const first = yield* termShards(
    index,
    options.termShardCharacters ?? DEFAULT_TERM_SHARD_CHARACTERS,
    terms,
    release,
  );
  const vocabulary = new KindHash('vocabulary');
  yield* vocabularyShards(byLetter, letters, vocabulary);
  // Before the documents: their shards let go of the stored documents the packs copy.
  const packs = new KindHash('packs');
  if (packed) yield* packShards(index, packed.packs, packs);
  const documents = new KindHash('documents');
  yield* documentShards(index, perShard, documents, release);
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
    terms: { first, files: terms.prefix, count: terms.count },
    vocabulary: {
      letters,
      leading: letters.map((letter) => leadingEntries(letter, byLetter.get(letter)!)),
      files: vocabulary.prefix,
      count: vocabulary.count,
    },
    documents: { size: perShard, files: documents.prefix, count: documents.count },
    ...(packed && {
      packs: { first: packed.first, files: packs.prefix, count: packs.count },
    }),
  };
  yield { kind: 'manifest', manifest, content: JSON.stringify(manifest) };
}

/** The manifest and every shard of `index`, all at once (for tests and small indexes). */
export function shardIndex(
  index: SerializedIndex,
  options: ShardOptions = {},
): { manifest: ShardedManifest; files: ShardFile[] } {
  const shards: ShardPiece[] = [];
  for (const piece of shardPieces(index, options)) {
    if (piece.kind !== 'manifest') {
      shards.push(piece);
      continue;
    }
    const { manifest } = piece;
    const files = shards.map((shard) => ({
      name: shardFileName(shard, manifest),
      content: shard.content,
    }));
    return { manifest, files: [...files, { name: MANIFEST_FILE, content: piece.content }] };
  }
  throw new Error('shardPieces ended without a manifest');
}

/**
 * Searches a sharded index, loading only what a query needs. The search itself is the one of
 * the single file (SearchIndex, synchronous), run over a store and a vocabulary that hold the
 * shards loaded so far and note every shard they were asked for but lack. A query runs, the
 * missing shards are fetched (in parallel), and it runs again, until nothing is missing: the
 * words' keys and vocabulary letter first, then their completions and typo variants. Then the
 * documents of the hits shown are fetched and the hits built from them. Same data, same code:
 * the same ranking as the single file.
 */
import { damagedIndex, IndexLoadError } from '../errors.js';
import {
  checkCommon,
  checkDocuments,
  checkHeader,
  checkTerms,
  checkVocabulary,
  isRecord,
} from '../index-checks.js';
import type { Postings } from '../postings.js';
import { SearchIndex, type RankedSearch } from '../search-index.js';
import { PostingsCache, type IndexStore } from '../store.js';
import { indexOfSorted } from '../sorted.js';
import type {
  FilterValues,
  SearchOptions,
  SearchResults,
  StoredDocument,
  SuggestOptions,
  Suggestions,
} from '../types.js';
import {
  vocabularyLetter,
  vocabularyWords,
  type VocabularySource,
  type VocabularyWord,
} from '../vocabulary.js';
import { SHARDED_LAYOUT, type ShardedManifest } from './layout.js';
import { checkPack, packChain, packPrefixes } from './packs.js';
import { shardKey } from './write.js';

/** Fetches a file of the index, relative to the manifest, as parsed JSON. */
export type ShardFetcher = (path: string) => Promise<unknown>;

/** A shard a search asked for: its kind and number. */
type Piece = `terms:${number}` | `vocabulary:${number}` | `documents:${number}` | `packs:${number}`;

/** Ranking rounds are: words' keys, completions and variants, split compounds; and slack. */
const MAX_ROUNDS = 8;
/** Load ahead only a letter that at least this share of the words' documents go on with. */
const LOOKAHEAD_MIN_SHARE = 1 / 3;
/** After a lone first letter: the likeliest letters until they carry this share, … */
const FIRST_LETTER_COVER = 2 / 3;
/** … each carrying at least this share, and at most this many. */
const FIRST_LETTER_MIN_SHARE = 0.15;
const FIRST_LETTER_CANDIDATES = 3;

const PLACEHOLDER: StoredDocument = { id: '', title: '', url: '', summary: '', text: '' };

/** Checks a manifest; returns it typed. */
export function checkManifest(input: unknown): ShardedManifest {
  checkHeader(input);
  if (input['layout'] !== SHARDED_LAYOUT) throw damagedIndex('the manifest has no sharded layout');
  checkCommon(input);
  const { terms, vocabulary, documents, documentCount } = input;
  const strings = (value: unknown) =>
    Array.isArray(value) && value.every((item) => typeof item === 'string');
  const files = (value: unknown, count?: number) =>
    isRecord(value) &&
    typeof value['files'] === 'string' &&
    Number.isInteger(value['count']) &&
    (count === undefined || value['count'] === count);
  if (
    !isRecord(terms) ||
    !strings(terms['first']) ||
    !files(terms, (terms['first'] as unknown[]).length)
  )
    throw damagedIndex('the term shards are not listed');
  const first = terms['first'] as string[];
  if (first.some((key, i) => i > 0 && !(first[i - 1]! < key)))
    throw damagedIndex('the term shards are not in order');
  if (
    !isRecord(vocabulary) ||
    !strings(vocabulary['letters']) ||
    !files(vocabulary, (vocabulary['letters'] as unknown[]).length)
  )
    throw damagedIndex('the vocabulary shards are not listed');
  const leading = vocabulary['leading'];
  if (leading !== undefined) {
    if (!Array.isArray(leading) || leading.length !== vocabulary['count'])
      throw damagedIndex('the leading words do not match the vocabulary letters');
    for (const entries of leading) checkVocabulary(entries);
  }
  if (
    !isRecord(documents) ||
    !Number.isInteger(documents['size']) ||
    (documents['size'] as number) < 1 ||
    !files(documents, Math.ceil((documentCount as number) / (documents['size'] as number)))
  ) {
    throw damagedIndex('the document shards do not match the document count');
  }
  const { packs } = input;
  const letters = (vocabulary['letters'] as unknown[]).length;
  if (
    packs !== undefined &&
    !(
      isRecord(packs) &&
      files(packs) &&
      Array.isArray(packs['first']) &&
      packs['first'].length === letters &&
      (packs['first'] as unknown[]).every(
        (n, i, first) =>
          Number.isInteger(n) &&
          (n as number) >= (i > 0 ? (first[i - 1] as number) : 0) &&
          (n as number) <= (packs['count'] as number),
      )
    )
  )
    throw damagedIndex('the prefix packs are not listed');
  return input as unknown as ShardedManifest;
}

/** The loaded shards, and the ones a search run asked for but lacks. */
class Shards implements IndexStore, VocabularySource {
  readonly documentCount: number;
  readonly averageFieldLengths: readonly number[];
  readonly missing = new Set<Piece>();
  private readonly cache: PostingsCache;
  private readonly terms = new Map<number, { keys: string[]; postings: string[] }>();
  private readonly words_ = new Map<number, VocabularyWord[]>();
  private readonly documents = new Map<number, StoredDocument[]>();
  /** Documents that came in prefix packs, by number. */
  private readonly packed = new Map<number, StoredDocument>();
  /** The leading words of letters asked for, by shard (from the manifest). */
  private readonly leading = new Map<number, VocabularyWord[]>();
  /** The packed prefixes of each loaded vocabulary letter, by shard (see packPrefixes). */
  private readonly prefixes = new Map<number, string[]>();

  constructor(private readonly manifest: ShardedManifest) {
    this.documentCount = manifest.documentCount;
    this.averageFieldLengths = manifest.averageFieldLengths;
    this.cache = new PostingsCache(manifest.documentCount);
  }

  postings(key: string): Postings | undefined {
    return this.cache.get(key, () => {
      const shard = this.termShardOf(shardKey(key));
      if (shard < 0) return undefined;
      const loaded = this.terms.get(shard);
      if (!loaded) {
        this.missing.add(`terms:${shard}`);
        return undefined;
      }
      const at = indexOfSorted(loaded.keys, key);
      return at < 0 ? undefined : loaded.postings[at];
    });
  }

  words(letter: string): readonly VocabularyWord[] | undefined {
    const shard = indexOfSorted(this.manifest.vocabulary.letters, letter);
    if (shard < 0) return [];
    const loaded = this.words_.get(shard);
    if (!loaded) this.missing.add(`vocabulary:${shard}`);
    return loaded;
  }

  leadingWords(letter: string): readonly VocabularyWord[] | undefined {
    const shard = indexOfSorted(this.manifest.vocabulary.letters, letter);
    const entries = shard < 0 ? undefined : this.manifest.vocabulary.leading?.[shard];
    if (!entries) return undefined;
    let words = this.leading.get(shard);
    if (!words) this.leading.set(shard, (words = vocabularyWords(entries)));
    return words;
  }

  document(n: number): StoredDocument {
    const shard = Math.floor(n / this.manifest.documents.size);
    const loaded = this.documents.get(shard);
    if (loaded) {
      const doc = loaded[n % this.manifest.documents.size];
      if (!doc) throw damagedIndex(`a document shard lacks document ${n}`);
      return doc;
    }
    const packed = this.packed.get(n);
    if (packed) return packed;
    this.missing.add(this.documentPiece(n));
    return PLACEHOLDER;
  }

  /** Whether document `n` is here, from its shard or a pack. */
  hasDocument(n: number): boolean {
    return this.documents.has(Math.floor(n / this.manifest.documents.size)) || this.packed.has(n);
  }

  /**
   * The packs that hold the first hits of a word being typed alone (folded): its own and its
   * shorter prefixes' (see PrefixPack). None if the index has no packs, the word's vocabulary
   * letter is not loaded yet (it tells which prefixes have packs), or it is no packed prefix.
   */
  packPieces(word: string): Piece[] {
    const packs = this.manifest.packs;
    if (!packs) return [];
    const shard = indexOfSorted(this.manifest.vocabulary.letters, vocabularyLetter(word));
    const words = shard < 0 ? undefined : this.words_.get(shard);
    if (!words) return [];
    let prefixes = this.prefixes.get(shard);
    if (!prefixes) {
      prefixes = packPrefixes(words.map((entry) => entry.folded));
      this.prefixes.set(shard, prefixes);
    }
    if (indexOfSorted(prefixes, word) < 0) return [];
    const pieces: Piece[] = [];
    for (const prefix of packChain(word)) {
      const number = packs.first[shard]! + indexOfSorted(prefixes, prefix);
      if (number >= packs.first[shard]! && number < packs.count) pieces.push(`packs:${number}`);
    }
    return pieces;
  }

  /** The shard that holds document `n`. */
  documentPiece(n: number): Piece {
    return `documents:${Math.floor(n / this.manifest.documents.size)}`;
  }

  incomplete(): boolean {
    return this.missing.size > 0;
  }

  postingsPending(): boolean {
    for (const piece of this.missing) if (piece.startsWith('terms')) return true;
    return false;
  }

  /** The file of a piece, relative to the manifest. */
  fileOf(piece: Piece): string {
    const [kind, number] = piece.split(':') as [string, string];
    const shards =
      kind === 'terms'
        ? this.manifest.terms
        : kind === 'vocabulary'
          ? this.manifest.vocabulary
          : kind === 'packs'
            ? this.manifest.packs!
            : this.manifest.documents;
    return `${shards.files}-${number}.json`;
  }

  /** Stores a fetched piece, after checking it. */
  add(piece: Piece, content: unknown): void {
    const [kind, text] = piece.split(':') as [string, string];
    const number = Number(text);
    if (kind === 'terms') {
      if (!isRecord(content)) throw damagedIndex('a term shard is not an object');
      checkTerms(content['keys'], content['postings']);
      this.terms.set(number, content as { keys: string[]; postings: string[] });
    } else if (kind === 'vocabulary') {
      checkVocabulary(content);
      this.words_.set(number, vocabularyWords(content));
    } else if (kind === 'packs') {
      const { documents, records } = checkPack(content, this.documentCount);
      documents.forEach((n, i) => this.packed.set(n, records[i]!));
    } else {
      checkDocuments(content);
      this.documents.set(number, content);
    }
  }

  /** The term shard whose range holds shard key `key`, or -1 before the first. */
  private termShardOf(key: string): number {
    const first = this.manifest.terms.first;
    let low = 0;
    let high = first.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (first[mid]! <= key) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }
}

export class ShardedIndex {
  readonly dataDate: string;
  readonly builtAt: string;
  readonly documentCount: number;
  readonly language: string;
  private readonly shards: Shards;
  private readonly index: SearchIndex;
  private readonly loading = new Map<Piece, Promise<void>>();

  constructor(
    manifest: ShardedManifest,
    private readonly fetchShard: ShardFetcher,
  ) {
    this.shards = new Shards(manifest);
    this.index = new SearchIndex(this.shards, this.shards, manifest);
    this.dataDate = manifest.dataDate;
    this.builtAt = manifest.builtAt;
    this.documentCount = manifest.documentCount;
    this.language = this.index.language;
  }

  /** The filter fields and their values with document counts, from the manifest. */
  get filterValues(): FilterValues {
    return this.index.filterValues;
  }

  /**
   * Ranks in rounds until no key is missing, then fetches the documents of the hits shown (in
   * parallel, one round) and builds the hits once: the ranking is not run again for them. An
   * aborted search stops before its documents: the keys it loaded serve the next keystroke, the
   * documents of its hits would only hold up the next keystroke's requests.
   */
  async search(query: string, options?: SearchOptions): Promise<SearchResults> {
    const ranked = await this.rankAndLoad(query, options);
    return this.untilComplete(() => ranked.results());
  }

  /**
   * Loads, between keystrokes, what the text typed plus its likely next character needs: the
   * keys of its search and suggestions, and the documents of its first hits. The character is
   * the letter most vocabulary words starting like the word being typed go on with, or the space
   * after it where the word itself is in most of their documents (an ended word is searched
   * without its completions, and with the reward for pages named so: other keys, other hits).
   * Every letter of a word typed alone brings new hits; so does every letter of a query's later
   * word, which has no packs. The widget asks for it after each search and after the first
   * letter's prefetch.
   *
   * After a lone first letter, whose next letter is least certain (the likeliest one carries
   * about half of the documents, three carry five sixths: 10k law sections), and where the
   * widget has not searched yet, the likeliest letters are loaded until they carry two thirds.
   *
   * Node replay of the browser bench's typing (10k law sections, 20k man page sections),
   * keystrokes that fetch and those with three or more requests: no lookahead 39 and 19, 56 and
   * 33; the likeliest letter's search 17 and 7, 16 and 10; also its suggestions (phrase
   * completions look up their candidates' postings) 16 and 6, 15 and 9; also more letters after
   * the first 12 and 5, 14 and 9, for 17 % and 9 % more bytes than the likeliest letter's
   * search alone. Returns the texts loaded for: none when no character follows in a third of
   * the documents.
   */
  async prefetchNextLetter(query: string, options?: SearchOptions): Promise<string[]> {
    const texts = this.nextTexts(query, options);
    const given = { ...options, signal: undefined };
    await Promise.all(
      texts.map(async (text) => {
        await this.rankAndLoad(text, given);
        await this.suggest(text);
      }),
    );
    return texts;
  }

  /** The texts to load ahead for `query` (see prefetchNextLetter), likeliest first. */
  private nextTexts(query: string, options?: SearchOptions): string[] {
    const next = this.index.likelyNextLetters(query, options);
    if (!next) return [];
    const firstLetter =
      next.word.length === 1 && this.index.wordTypedAlone(query, options) !== undefined;
    if (!firstLetter) {
      const [likeliest] = next.letters;
      return likeliest && likeliest.share >= LOOKAHEAD_MIN_SHARE
        ? [`${query}${likeliest.letter}`]
        : [];
    }
    const texts: string[] = [];
    let covered = 0;
    for (const { letter, share } of next.letters) {
      if (texts.length === FIRST_LETTER_CANDIDATES || covered >= FIRST_LETTER_COVER) break;
      if (share < FIRST_LETTER_MIN_SHARE) break;
      texts.push(`${query}${letter}`);
      covered += share;
    }
    return texts;
  }

  /** Ranks `query` until complete and loads the documents of the hits shown. */
  private async rankAndLoad(query: string, options?: SearchOptions): Promise<RankedSearch> {
    const word = this.index.wordTypedAlone(query, options);
    const packPieces = () => (word === undefined ? [] : this.shards.packPieces(word));
    // Packs known before ranking come in the same round as the keys the ranking needs.
    const early = packPieces();
    const packing = this.loadPacks(early);
    const ranked = await this.untilComplete(() => this.index.rankSearch(query, options));
    options?.signal?.throwIfAborted();
    const needed = () => ranked.documents.filter((n) => !this.shards.hasDocument(n));
    await packing;
    // One request for the packs instead of one per card; documents they lack follow.
    if (!early.length && needed().length > 1) await this.loadPacks(packPieces());
    const pieces = new Set(needed().map((n) => this.shards.documentPiece(n)));
    await Promise.all([...pieces].map((piece) => this.load(piece)));
    return ranked;
  }

  /**
   * Loads prefix packs. One that cannot be fetched is no error (the documents come one by one
   * instead); a damaged one is, like any damaged shard.
   */
  private async loadPacks(pieces: readonly Piece[]): Promise<void> {
    const tolerant = (piece: Piece) =>
      this.load(piece).catch((error: unknown) => {
        if (error instanceof IndexLoadError) throw error;
      });
    await Promise.all(pieces.map(tolerant));
  }

  suggest(query: string, options?: SuggestOptions): Promise<Suggestions> {
    return this.untilComplete(() => this.index.suggest(query, options));
  }

  /**
   * Loads what searching `query` (as a prefix) and suggesting for it need, except documents: for
   * the first letter typed, so that the second letter's search needs only its documents (the
   * letter's vocabulary and naming keys are here by then).
   */
  async prefetch(query: string): Promise<void> {
    await this.untilComplete(() => {
      this.index.rankSearch(query, { prefix: true });
      this.index.suggest(query);
    });
  }

  /** Runs `search` again until it needs no shard that is not loaded. */
  private async untilComplete<T>(search: () => T): Promise<T> {
    for (let round = 0; ; round++) {
      this.shards.missing.clear();
      const result = search();
      const missing = [...this.shards.missing];
      if (missing.length === 0) return result;
      if (round === MAX_ROUNDS) throw damagedIndex('its shards do not hold the keys they list');
      await Promise.all(missing.map((piece) => this.load(piece)));
    }
  }

  private load(piece: Piece): Promise<void> {
    let loading = this.loading.get(piece);
    if (!loading) {
      loading = this.fetchShard(this.shards.fileOf(piece)).then((content) =>
        this.shards.add(piece, content),
      );
      // A failed fetch may be retried by the next search (a flaky network).
      loading.catch(() => this.loading.delete(piece));
      this.loading.set(piece, loading);
    }
    return loading;
  }
}

/**
 * The index's vocabulary: the words of the content, each with its most frequent written form and
 * how many documents contain it (and name it in a title, heading or keyword). It serves the word
 * being typed (completions), typos (close words) and unknown compounds (their known parts).
 *
 * Every question is answered from the words under one first letter: close words share the typed
 * word's first letter (typos in the first letter are rare), and a sharded index can then fetch
 * one part of the vocabulary per word. Close words are found in a radix tree (MiniSearch's
 * SearchableMap), built per letter when first needed.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { fold } from './analysis/fold.js';
import { stem } from './analysis/stem.js';
import type { VocabularyEntry } from './types.js';

export class VocabularyWord {
  readonly folded: string;
  private stemmed?: string;

  constructor(
    /** The most frequent written form ("Wohngeld"). */
    readonly word: string,
    readonly documentFrequency: number,
    /** Documents naming it in their title, headings or keywords. */
    readonly namingFrequency: number,
  ) {
    this.folded = fold(word);
  }

  /** Stemmed when asked: only a handful of words per query need it. */
  get stem(): string {
    return (this.stemmed ??= stem(this.folded));
  }
}

/** What `nextLetters` says for the end of the word: the space typed next. */
export const WORD_END = ' ';

/** The letter a word is filed under: the first character of its folded form. */
export function vocabularyLetter(folded: string): string {
  return folded.charAt(0);
}

/**
 * Where the words of one letter come from: all in memory (single-file index), or the parts of a
 * sharded index loaded so far (undefined for a letter not loaded yet; the sharded index records
 * it, loads it and searches again).
 */
export interface VocabularySource {
  /** The words filed under `letter`, sorted by folded form. */
  words(letter: string): readonly VocabularyWord[] | undefined;
  /**
   * The `LEADING_WORDS` most frequent words under `letter` and the letter itself as a word,
   * where they are known before its words (a sharded index's manifest): enough to search a
   * later word's first letter in the round that fetches that letter's words.
   */
  leadingWords?(letter: string): readonly VocabularyWord[] | undefined;
}

/** How many of a letter's most frequent words `leadingWords` holds. */
export const LEADING_WORDS = 4;

/** The entries `leadingWords` holds for one letter's entries. */
export function leadingEntries(
  letter: string,
  entries: readonly VocabularyEntry[],
): VocabularyEntry[] {
  const words = vocabularyWords(entries).sort(byFrequency);
  const leading = words.slice(0, LEADING_WORDS);
  const itself = words.find((entry) => entry.folded === letter);
  if (itself && !leading.includes(itself)) leading.push(itself);
  return leading.map((entry) => [entry.word, entry.documentFrequency, entry.namingFrequency]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Most frequent first, then by folded form: the order of completions. */
function byFrequency(a: VocabularyWord, b: VocabularyWord): number {
  return b.documentFrequency - a.documentFrequency || compare(a.folded, b.folded);
}

/** Words from vocabulary entries, sorted by folded form. */
export function vocabularyWords(entries: readonly VocabularyEntry[]): VocabularyWord[] {
  return entries
    .map(([word, df, naming]) => new VocabularyWord(word, df, naming))
    .sort((a, b) => compare(a.folded, b.folded));
}

/** A whole vocabulary in memory, filed by letter. */
export class MemoryVocabulary implements VocabularySource {
  private readonly byLetter = new Map<string, VocabularyWord[]>();

  constructor(entries: readonly VocabularyEntry[]) {
    for (const word of vocabularyWords(entries)) {
      const letter = vocabularyLetter(word.folded);
      const list = this.byLetter.get(letter);
      if (list) list.push(word);
      else this.byLetter.set(letter, [word]);
    }
  }

  words(letter: string): readonly VocabularyWord[] {
    return this.byLetter.get(letter) ?? [];
  }
}

/** Linking elements between the parts of a compound ("Arbeitsamt", "Hundesteuer"). */
const LINKING = ['s', 'es', 'n', 'en', 'e', 'er'];
/** Parts shorter than this match too much to stand for a whole word. */
const MIN_SPLIT_PART = 4;

function lowerBound(words: readonly VocabularyWord[], folded: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (words[mid]!.folded < folded) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class Vocabulary {
  private readonly trees = new Map<readonly VocabularyWord[], SearchableMap<VocabularyWord>>();

  constructor(private readonly source: VocabularySource) {}

  get(folded: string): VocabularyWord | undefined {
    const letter = vocabularyLetter(folded);
    const words = this.source.words(letter);
    if (!words && folded === letter) {
      return this.source.leadingWords?.(letter)?.find((entry) => entry.folded === folded);
    }
    const all = words ?? [];
    const at = lowerBound(all, folded);
    return all[at]?.folded === folded ? all[at] : undefined;
  }

  /** Words starting with `folded`, most frequent first. */
  startingWith(folded: string, limit: number): VocabularyWord[] {
    if (!folded) return [];
    const letter = vocabularyLetter(folded);
    const words = this.source.words(letter);
    if (!words && folded === letter && limit <= LEADING_WORDS) {
      const leading = this.source.leadingWords?.(letter) ?? [];
      return [...leading].sort(byFrequency).slice(0, limit);
    }
    const all = words ?? [];
    const matches: VocabularyWord[] = [];
    for (let i = lowerBound(all, folded); i < all.length; i++) {
      const entry = all[i]!;
      if (!entry.folded.startsWith(folded)) break;
      matches.push(entry);
    }
    return matches.sort(byFrequency).slice(0, limit);
  }

  /**
   * What may follow `folded` as typed: the next letters of the words starting with it, and
   * `WORD_END` (a space) where `folded` is a word of its own, each with the share of the
   * documents holding those words; likeliest first. None if nothing follows, or only the end of
   * the word itself (no prediction), or the letter's words are not loaded.
   */
  nextLetters(folded: string): { letter: string; share: number }[] {
    if (!folded) return [];
    const words = this.source.words(vocabularyLetter(folded));
    if (!words) return [];
    const weights = new Map<string, number>();
    let total = 0;
    for (let i = lowerBound(words, folded); i < words.length; i++) {
      const entry = words[i]!;
      if (!entry.folded.startsWith(folded)) break;
      const letter =
        entry.folded.length === folded.length ? WORD_END : entry.folded.charAt(folded.length);
      weights.set(letter, (weights.get(letter) ?? 0) + entry.documentFrequency);
      total += entry.documentFrequency;
    }
    if (weights.size === 1 && weights.has(WORD_END)) return [];
    return [...weights]
      .map(([letter, weight]) => ({ letter, share: total > 0 ? weight / total : 0 }))
      .sort((a, b) => b.share - a.share || compare(a.letter, b.letter));
  }

  /**
   * Words within `maxDistance` edits of `folded` that start with the same letter, closest first,
   * then most frequent; the word itself is left out.
   */
  near(folded: string, maxDistance: number): { entry: VocabularyWord; distance: number }[] {
    if (!folded || maxDistance < 1) return [];
    const words = this.source.words(vocabularyLetter(folded));
    if (!words) return [];
    const found = [...this.tree(words).fuzzyGet(folded, maxDistance)]
      .filter(([key]) => key !== folded)
      .map(([, [entry, distance]]) => ({ entry, distance }));
    return found.sort(
      (a, b) =>
        a.distance - b.distance ||
        b.entry.documentFrequency - a.entry.documentFrequency ||
        compare(a.entry.folded, b.entry.folded),
    );
  }

  /**
   * The known words a compound the vocabulary lacks is made of, left to right, allowing linking
   * elements between them: "barrierefreiheitserklarung" → barrierefreiheit, erklarung. Two or
   * three parts of at least four letters; among splits, the one with the fewest parts, then the
   * longest first part. Undefined if there is none.
   */
  split(folded: string, maxParts = 3): string[] | undefined {
    if (maxParts < 2) return undefined;
    for (const [head, rest] of this.heads(folded, MIN_SPLIT_PART)) {
      if (this.get(rest)) return [head, rest];
    }
    for (const [head, rest] of this.heads(folded, 2 * MIN_SPLIT_PART)) {
      const tail = this.split(rest, maxParts - 1);
      if (tail) return [head, ...tail];
    }
    return undefined;
  }

  /**
   * The known word that best stands for an unknown compound: its head (the longest known word
   * it ends with, which carries the meaning: "Bundeswohngeld" → "wohngeld"), else its modifier
   * (the longest known word it starts with: "Wohngeldrechner" → "wohngeld").
   */
  knownPart(folded: string): string | undefined {
    for (let start = 1; start <= folded.length - MIN_SPLIT_PART; start++) {
      if (this.get(folded.slice(start))) return folded.slice(start);
    }
    for (let end = folded.length - 1; end >= MIN_SPLIT_PART; end--) {
      if (this.get(folded.slice(0, end))) return folded.slice(0, end);
    }
    return undefined;
  }

  /** Known first parts of `folded`, longest first, with the rest after a linking element. */
  private *heads(folded: string, minRest: number): Generator<[string, string]> {
    for (let end = folded.length - minRest; end >= MIN_SPLIT_PART; end--) {
      const head = folded.slice(0, end);
      if (!this.get(head)) continue;
      for (const link of ['', ...LINKING]) {
        if (link && !folded.startsWith(link, end)) continue;
        const rest = folded.slice(end + link.length);
        if (rest.length >= MIN_SPLIT_PART) yield [head, rest];
      }
    }
  }

  private tree(words: readonly VocabularyWord[]): SearchableMap<VocabularyWord> {
    let tree = this.trees.get(words);
    if (!tree) {
      tree = new SearchableMap<VocabularyWord>();
      for (const entry of words) tree.set(entry.folded, entry);
      this.trees.set(words, tree);
    }
    return tree;
  }
}

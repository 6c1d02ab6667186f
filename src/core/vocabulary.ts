/**
 * The index's vocabulary: the words that name documents or occur in more than one, each with its
 * most frequent written form and how many documents contain it. It serves the word being typed
 * (completions), typos (close words) and unknown compounds (their known parts).
 *
 * Close words share the typed word's first letter: typos in the first letter are rare, and
 * looking only under that letter lets a sharded index fetch one part of the vocabulary per word.
 * Close words are found in a radix tree (MiniSearch's SearchableMap), built per first letter
 * when first needed.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { fold } from './analysis/fold.js';
import { stem } from './analysis/stem.js';
import type { VocabularyEntry } from './types.js';

export interface VocabularyWord {
  /** The most frequent written form ("Wohngeld"). */
  word: string;
  folded: string;
  stem: string;
  documentFrequency: number;
  /** Documents naming it in their title, headings or keywords. */
  namingFrequency: number;
}

/** Linking elements between the parts of a compound ("Arbeitsamt", "Hundesteuer"). */
const LINKING = ['s', 'es', 'n', 'en', 'e', 'er'];
/** Parts shorter than this ("amt" aside) match too much to stand for a whole word. */
const MIN_SPLIT_PART = 4;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class Vocabulary {
  /** Sorted by folded form. */
  private readonly entries: VocabularyWord[];
  private readonly byFolded = new Map<string, VocabularyWord>();
  private readonly trees = new Map<string, SearchableMap<VocabularyWord>>();

  constructor(list: readonly VocabularyEntry[]) {
    this.entries = list.map(([word, documentFrequency, namingFrequency]) => {
      const folded = fold(word);
      return { word, folded, stem: stem(folded), documentFrequency, namingFrequency };
    });
    // The file is sorted by folded form; sort again in case it was edited by hand.
    this.entries.sort((a, b) => compare(a.folded, b.folded));
    for (const entry of this.entries) this.byFolded.set(entry.folded, entry);
  }

  get size(): number {
    return this.entries.length;
  }

  get(folded: string): VocabularyWord | undefined {
    return this.byFolded.get(folded);
  }

  /** Words starting with `folded`, most frequent first. */
  startingWith(folded: string, limit: number): VocabularyWord[] {
    if (!folded) return [];
    const matches: VocabularyWord[] = [];
    for (let i = this.lowerBound(folded); i < this.entries.length; i++) {
      const entry = this.entries[i]!;
      if (!entry.folded.startsWith(folded)) break;
      matches.push(entry);
    }
    return matches
      .sort((a, b) => b.documentFrequency - a.documentFrequency || compare(a.folded, b.folded))
      .slice(0, limit);
  }

  /**
   * Words within `maxDistance` edits of `folded` that start with the same letter, closest first,
   * then most frequent; the word itself is left out.
   */
  near(folded: string, maxDistance: number): { entry: VocabularyWord; distance: number }[] {
    if (!folded || maxDistance < 1) return [];
    const found = [...this.tree(folded[0]!).fuzzyGet(folded, maxDistance)]
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
    for (let end = folded.length - MIN_SPLIT_PART; end >= MIN_SPLIT_PART; end--) {
      const head = folded.slice(0, end);
      if (!this.byFolded.has(head)) continue;
      for (const link of ['', ...LINKING]) {
        if (link && !folded.startsWith(link, end)) continue;
        const rest = folded.slice(end + link.length);
        if (rest.length < MIN_SPLIT_PART) continue;
        if (this.byFolded.has(rest)) return [head, rest];
      }
    }
    for (let end = folded.length - 2 * MIN_SPLIT_PART; end >= MIN_SPLIT_PART; end--) {
      const head = folded.slice(0, end);
      if (!this.byFolded.has(head)) continue;
      for (const link of ['', ...LINKING]) {
        if (link && !folded.startsWith(link, end)) continue;
        const rest = this.split(folded.slice(end + link.length), maxParts - 1);
        if (rest) return [head, ...rest];
      }
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
      if (this.byFolded.has(folded.slice(start))) return folded.slice(start);
    }
    for (let end = folded.length - 1; end >= MIN_SPLIT_PART; end--) {
      if (this.byFolded.has(folded.slice(0, end))) return folded.slice(0, end);
    }
    return undefined;
  }

  private lowerBound(folded: string): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.entries[mid]!.folded < folded) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private tree(letter: string): SearchableMap<VocabularyWord> {
    let tree = this.trees.get(letter);
    if (!tree) {
      tree = new SearchableMap<VocabularyWord>();
      for (let i = this.lowerBound(letter); i < this.entries.length; i++) {
        const entry = this.entries[i]!;
        if (entry.folded[0] !== letter) break;
        tree.set(entry.folded, entry);
      }
      this.trees.set(letter, tree);
    }
    return tree;
  }
}

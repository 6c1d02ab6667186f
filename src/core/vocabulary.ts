/**
 * The index's word list (written forms with document frequency, sorted by folded form): prefix
 * completions for the word being typed and "Meinten Sie …?" corrections for unknown words.
 */
import { fold } from './analysis/fold.js';
import { stem } from './analysis/stem.js';
import type { SerializedIndex } from './types.js';

const MIN_QUERY_PART = 4;

export interface VocabularyWord {
  word: string;
  folded: string;
  documentFrequency: number;
}

export class Vocabulary {
  private readonly entries: VocabularyWord[];
  private byStem: Map<string, VocabularyWord> | undefined;
  private foldedWords: Set<string> | undefined;

  constructor(list: SerializedIndex['vocabulary']) {
    this.entries = list.map(([word, documentFrequency]) => ({
      word,
      folded: fold(word),
      documentFrequency,
    }));
    // The file is sorted by folded form; sort again in case it was edited by hand.
    this.entries.sort((a, b) => (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0));
  }

  /** The most frequent words starting with `prefix` (folded), most frequent first. */
  complete(prefix: string, limit: number): VocabularyWord[] {
    const folded = fold(prefix);
    if (!folded) return [];
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.entries[mid]!.folded < folded) low = mid + 1;
      else high = mid;
    }
    const matches: VocabularyWord[] = [];
    for (let i = low; i < this.entries.length && this.entries[i]!.folded.startsWith(folded); i++) {
      matches.push(this.entries[i]!);
    }
    return matches.sort((a, b) => b.documentFrequency - a.documentFrequency).slice(0, limit);
  }

  /**
   * The known word that best stands for an unknown compound: its head (the longest known word
   * it ends with, which carries the meaning: "Bundeswohngeld" → "wohngeld"), else its modifier
   * (the longest known word it starts with: "Wohngeldrechner" → "wohngeld"). Only the ends
   * count; a known word in the middle is usually an accident ("form" in "Kabinetsinformation").
   * Used at query time for compounds the index does not contain.
   */
  knownPart(folded: string): string | undefined {
    this.foldedWords ??= new Set(this.entries.map((entry) => entry.folded));
    for (let start = 1; start <= folded.length - MIN_QUERY_PART; start++) {
      if (this.foldedWords.has(folded.slice(start))) return folded.slice(start);
    }
    for (let end = folded.length - 1; end >= MIN_QUERY_PART; end--) {
      if (this.foldedWords.has(folded.slice(0, end))) return folded.slice(0, end);
    }
    return undefined;
  }

  /** The most frequent written word whose index term is `term`, if any. */
  wordForTerm(term: string): VocabularyWord | undefined {
    if (!this.byStem) {
      this.byStem = new Map();
      for (const entry of this.entries) {
        const key = stem(entry.folded);
        const known = this.byStem.get(key);
        if (!known || entry.documentFrequency > known.documentFrequency)
          this.byStem.set(key, entry);
      }
    }
    return this.byStem.get(term);
  }
}

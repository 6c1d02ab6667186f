/**
 * The index's word list (written forms with document frequency, sorted by folded form): prefix
 * completions for the word being typed and "Meinten Sie …?" corrections for unknown words.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { fold } from './analysis/fold.js';
import type { SerializedIndex } from './types.js';

export interface VocabularyWord {
  word: string;
  folded: string;
  documentFrequency: number;
}

export class Vocabulary {
  private readonly entries: VocabularyWord[];
  private fuzzyMap: SearchableMap<number> | undefined;

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

  /** The closest known word to `word` within `maxDistance` edits, preferring frequent words. */
  closest(word: string, maxDistance: number): VocabularyWord | undefined {
    if (!this.fuzzyMap) {
      this.fuzzyMap = new SearchableMap<number>();
      this.entries.forEach((entry, i) => this.fuzzyMap!.set(entry.folded, i));
    }
    let best: { entry: VocabularyWord; distance: number } | undefined;
    for (const [index, distance] of this.fuzzyMap.fuzzyGet(fold(word), maxDistance).values()) {
      const entry = this.entries[index]!;
      if (
        !best ||
        distance < best.distance ||
        (distance === best.distance && entry.documentFrequency > best.entry.documentFrequency)
      ) {
        best = { entry, distance };
      }
    }
    return best?.entry;
  }
}

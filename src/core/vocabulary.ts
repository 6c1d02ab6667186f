/**
 * The index's word list (written forms with document frequency, sorted by folded form): prefix
 * completions for the word being typed and "Meinten Sie …?" corrections for unknown words.
 */
import { fold } from './analysis/fold.js';
import { stem } from './analysis/stem.js';
import type { SerializedIndex } from './types.js';

const MIN_QUERY_PART = 4;
/** Linking elements (Fugen) skipped between compound parts; longest first. */
const LINKING = ['es', 'en', 's', 'n', 'e'];

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
   * Known words inside an unknown compound, left to right: "wohngeldrechner" → ["wohngeld"],
   * "bundeswohngeld" → ["bund", "wohngeld"]. Used at query time for compounds the index does not
   * contain; the index side was already split at build time.
   */
  knownParts(folded: string): string[] {
    this.foldedWords ??= new Set(this.entries.map((entry) => entry.folded));
    const parts: string[] = [];
    let position = 0;
    while (position <= folded.length - MIN_QUERY_PART) {
      let end = folded.length;
      while (end - position >= MIN_QUERY_PART && !this.foldedWords.has(folded.slice(position, end)))
        end--;
      if (end - position >= MIN_QUERY_PART) {
        parts.push(folded.slice(position, end));
        position = end;
        const link = LINKING.find((element) => folded.startsWith(element, position));
        if (link && position + link.length < folded.length) position += link.length;
      } else {
        position++;
      }
    }
    return parts.length === 1 && parts[0] === folded ? [] : parts;
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

/**
 * Turns what a visitor typed into analyzed query words. Queries are cut to a sane size first, so
 * a pasted 10,000-character text costs no more than a long question.
 */
import { fold, isStopWord, stem } from './analysis/analyzer.js';
import { tokenize } from './analysis/tokenize.js';
import { cutText } from './text.js';

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 10;

export interface QueryWord {
  /** As typed. */
  text: string;
  /** Lower case: the exact written form. */
  exact: string;
  folded: string;
  /** The index term. */
  term: string;
  /** Position in the query string. */
  start: number;
  end: number;
  /** The visitor is still typing this word (last word, no space after it). */
  partial: boolean;
}

/**
 * The words of `query` to search for. Stop words are dropped, unless the query has nothing else
 * (then nothing is searched). Hyphenated words count as their parts.
 */
export function analyzeQuery(query: string, lastWordIsPartial: boolean): QueryWord[] {
  const text = cutText(query, MAX_QUERY_LENGTH);
  const all: QueryWord[] = [];
  for (const word of tokenize(text)) {
    for (const part of word.parts) {
      const folded = fold(part.text);
      if (!folded) continue;
      all.push({
        text: part.text,
        exact: part.text.normalize('NFC').toLowerCase(),
        folded,
        term: stem(folded),
        start: part.start,
        end: part.end,
        partial: false,
      });
    }
  }
  const last = all.at(-1);
  // Only a word that runs to the end of the query can still be in progress.
  if (last && lastWordIsPartial && last.end === text.length && query.length <= MAX_QUERY_LENGTH) {
    last.partial = true;
  }
  const words = all.filter((word) => !isStopWord(word.folded));
  // A lone word being typed may be the start of a real word: "wo" → Wohngeld.
  if (words.length === 0 && all.length === 1 && last?.partial) words.push(last);
  return words.slice(0, MAX_QUERY_WORDS);
}

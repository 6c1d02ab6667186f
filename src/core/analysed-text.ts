/**
 * The word parts of a display text with the keys each is indexed under, analysed once per text
 * and kept for the texts of recent hits. Building a hit means finding the query's keys in its
 * title, summary and text; tokenizing and stemming a long text was most of what a keystroke cost
 * in the worker (5–10 ms for ten law sections), and typing shows the same hits keystroke after
 * keystroke.
 */
import { wordKeys, type WordKeys } from './analysis/index-keys.js';
import { tokenize } from './analysis/tokenize.js';
import { RecentCache } from './recent-cache.js';

/** A text's word parts (the pieces between hyphens): part i is text[starts[i]..ends[i]). */
export interface AnalysedText {
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** The keys of part i; null for stop words and parts without letters or digits. */
  readonly keys: readonly (WordKeys | null)[];
}

/**
 * Characters of text kept analysed: the title, summary and text of the hits of the last few
 * keystrokes (ten law sections hold about 12,000). The caches are a large part of the worker's
 * heap: after the browser bench's typing (20k man page sections) 100,000 characters and 8,000
 * words held 1.6 MB, 40,000 and 3,000 hold 0.7 MB, for no CPU time measurably spent (Node
 * replay of that typing: 1–2 ms per keystroke either way).
 */
const CACHE_CHARACTERS = 40_000;
/** Distinct words whose keys are kept: a new hit's words are mostly words seen before. */
const WORD_CACHE_SIZE = 3000;

const texts = new RecentCache<string, AnalysedText>(CACHE_CHARACTERS);
const words = new RecentCache<string, WordKeys | null>(WORD_CACHE_SIZE);

function keysOf(word: string): WordKeys | null {
  let keys = words.get(word);
  if (keys === undefined) {
    keys = wordKeys(word);
    words.set(word, keys);
  }
  return keys;
}

function analyse(text: string): AnalysedText {
  const starts: number[] = [];
  const ends: number[] = [];
  const keys: (WordKeys | null)[] = [];
  for (const word of tokenize(text)) {
    for (const part of word.parts) {
      starts.push(part.start);
      ends.push(part.end);
      keys.push(keysOf(part.text));
    }
  }
  return { starts: Uint32Array.from(starts), ends: Uint32Array.from(ends), keys };
}

/** The analysed parts of `text`. */
export function analysedText(text: string): AnalysedText {
  let analysed = texts.get(text);
  if (!analysed) {
    analysed = analyse(text);
    texts.set(text, analysed, text.length);
  }
  return analysed;
}

/**
 * The word parts of a display text with the keys each is indexed under, analysed once per text
 * and kept for the texts of recent hits. Building a hit means finding the query's keys in its
 * title, summary and text; tokenizing and stemming a long text was most of what a keystroke cost
 * in the worker (5–10 ms for ten law sections), and typing shows the same hits keystroke after
 * keystroke.
 */
import { wordKeys, type WordKeys } from './analysis/index-keys.js';
import { tokenize } from './analysis/tokenize.js';

/** A text's word parts (the pieces between hyphens): part i is text[starts[i]..ends[i]). */
export interface AnalysedText {
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** The keys of part i; null for stop words and parts without letters or digits. */
  readonly keys: readonly (WordKeys | null)[];
}

/** Characters of text kept analysed: the title, summary and text of about ten hits. */
const CACHE_CHARACTERS = 100_000;
/** Distinct words whose keys are kept: a new hit's words are mostly words seen before. */
const WORD_CACHE_SIZE = 8000;

const texts = new Map<string, AnalysedText>();
let cachedCharacters = 0;
const words = new Map<string, WordKeys | null>();

function keysOf(word: string): WordKeys | null {
  let keys = words.get(word);
  if (keys === undefined) {
    keys = wordKeys(word);
    if (words.size >= WORD_CACHE_SIZE) words.clear();
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
  const cached = texts.get(text);
  if (cached) {
    // Map order is insertion order: re-inserting marks the text as recently used.
    texts.delete(text);
    texts.set(text, cached);
    return cached;
  }
  const analysed = analyse(text);
  // A text longer than a quarter of the cache would push out the rest: analysed each time.
  if (text.length > CACHE_CHARACTERS / 4) return analysed;
  texts.set(text, analysed);
  cachedCharacters += text.length;
  for (const oldest of texts.keys()) {
    if (cachedCharacters <= CACHE_CHARACTERS) break;
    texts.delete(oldest);
    cachedCharacters -= oldest.length;
  }
  return analysed;
}

/**
 * Splits German closed compounds into their parts at index build time, so that a part typed on
 * its own finds the whole word: "berechnung" → Wohngeldberechnung, "sperre" → Spielersperrsystem,
 * "zugang" → Onlinezugangsgesetz. The parts are indexed beside the whole word; the query side
 * needs no dictionary, which keeps the browser bundle small.
 *
 * A split is accepted only if every part is a known word (from the lexicon or the content being
 * indexed), parts are at least four letters (three for a few common short nouns), and linking
 * elements (Fugen-s, -es, -n, -en, -er, -e, -ens) are allowed between parts. Among valid splits
 * the one with the fewest parts wins, then the one with the longest shortest part. Parts are split
 * again, so "Glücksspielsucht" yields glücksspiel, sucht, glück and spiel.
 *
 * The search for the best split is a dynamic programme over the positions of the word: iterative
 * (no recursion, so no stack overflow), visiting only positions a split can reach, and trying
 * modifiers no longer than the longest known word, so its work grows about linearly with the
 * word's length. Words longer than MAX_COMPOUND_LENGTH are not split at all, which bounds the
 * work per word: the longest words in all of federal law have about 60 letters, so a longer run
 * of letters is data (an encoded image, a pasted hash) rather than German, and no visitor types
 * a part of it.
 *
 * All strings here are folded (see fold.ts).
 */
import { stem } from './stem.js';

const LINKING_ELEMENTS = ['', 's', 'es', 'n', 'en', 'er', 'e', 'ens'];
export const MIN_PART_LENGTH = 4;
const MIN_WORD_LENGTH = 7;
/** Longest word that is split, and longest known word used as a part. */
export const MAX_COMPOUND_LENGTH = 100;
/** Short nouns that are common compound parts. */
export const SHORT_PARTS: ReadonlySet<string> = new Set([
  'amt',
  'bau',
  'rat',
  'eid',
  'weg',
  'zug',
  'tag',
  'see',
  'ort',
  'kfz',
  'fuss',
]);

/**
 * The best split of the end of a word that starts at some position, as a chain of parts. The two
 * numbers are what splits are compared by, kept so that comparing costs no walk along the chain.
 */
interface Split {
  part: string;
  /** The split of the rest of the word after `part` (and its linking element), if any. */
  next: Split | null;
  /** Number of parts in the chain. */
  count: number;
  /** Length of the shortest part in the chain. */
  shortest: number;
}

export class CompoundSplitter {
  private readonly words: ReadonlySet<string>;
  private readonly stems: ReadonlySet<string>;
  /** No modifier can be longer than this: it must be a known word, or one without its -e/-en. */
  private readonly longestWord: number;
  private readonly cache = new Map<string, string[]>();
  private readonly heads = new Map<string, string>();

  /** @param words folded words known to stand on their own (mostly nouns). */
  constructor(words: Iterable<string>) {
    const set = new Set<string>();
    let longest = 0;
    for (const word of words) {
      if (word.length < 3 || word.length > MAX_COMPOUND_LENGTH) continue;
      set.add(word);
      // A loop, not Math.max(...lengths): a spread of many thousand words overflows the stack.
      longest = Math.max(longest, word.length);
    }
    this.words = set;
    this.stems = new Set([...set].map(stem));
    this.longestWord = longest;
  }

  /** All parts of `folded` (recursively), without the word itself; empty if it is no compound. */
  split(folded: string): string[] {
    const cached = this.cache.get(folded);
    if (cached) return cached;
    const parts = new Set<string>();
    const splittable = folded.length >= MIN_WORD_LENGTH && folded.length <= MAX_COMPOUND_LENGTH;
    const top = splittable ? this.bestSplit(folded) : null;
    if (top) {
      // Parts are shorter than the word, so this recursion is only a few levels deep.
      for (const part of top) {
        parts.add(part);
        for (const sub of this.split(part)) parts.add(sub);
      }
    }
    const result = [...parts];
    this.cache.set(folded, result);
    return result;
  }

  /**
   * The head of `folded`: the last part of its best split ("berechtigung" of
   * "wohngeldberechtigung"), which names what the compound is. Undefined if it is no compound.
   */
  head(folded: string): string | undefined {
    let head = this.heads.get(folded);
    if (head === undefined) {
      const splittable = folded.length >= MIN_WORD_LENGTH && folded.length <= MAX_COMPOUND_LENGTH;
      head = (splittable ? this.bestSplit(folded)?.at(-1) : undefined) ?? '';
      this.heads.set(folded, head);
    }
    return head || undefined;
  }

  private isModifier(part: string): boolean {
    if (part.length < MIN_PART_LENGTH && !SHORT_PARTS.has(part)) return false;
    // "sperr" (Sperre), "schul" (Schule), "wohn" (wohnen) appear without their final e/en.
    return this.words.has(part) || this.words.has(`${part}e`) || this.words.has(`${part}en`);
  }

  private isHead(part: string): boolean {
    if (part.length < MIN_PART_LENGTH && !SHORT_PARTS.has(part)) return false;
    // The head carries the inflection: "hallen" is a form of "Halle".
    return this.words.has(part) || this.stems.has(stem(part));
  }

  /** The best segmentation of the whole word into at least two parts, or null. */
  private bestSplit(word: string): string[] | null {
    const modifiers = this.modifiersByStart(word);
    // best[i]: the best split of word.slice(i), filled from the end of the word backwards, so the
    // splits of all later positions are known when position i is reached.
    const best: (Split | null)[] = new Array<Split | null>(word.length + 1).fill(null);
    for (let start = word.length - 1; start >= 0; start--) {
      const ends = modifiers[start];
      if (ends) best[start] = this.bestSplitFrom(word, start, ends, best);
    }
    const parts: string[] = [];
    for (let split = best[0] ?? null; split; split = split.next) parts.push(split.part);
    return parts.length ? parts : null;
  }

  /**
   * Forward pass: for every position a split can reach (the start, and each position after a
   * modifier and a linking element), the ends of the modifiers starting there. Positions no split
   * reaches are left empty, so the backward pass does no work for them.
   */
  private modifiersByStart(word: string): (number[] | undefined)[] {
    const modifiers: (number[] | undefined)[] = new Array<number[] | undefined>(word.length);
    const reachable = new Array<boolean>(word.length + 1).fill(false);
    reachable[0] = true;
    for (let start = 0; start < word.length; start++) {
      if (!reachable[start]) continue;
      const ends: number[] = [];
      // The head needs at least three letters after the modifier.
      const lastEnd = Math.min(word.length - 3, start + this.longestWord);
      for (let end = start + 3; end <= lastEnd; end++) {
        if (!this.isModifier(word.slice(start, end))) continue;
        ends.push(end);
        for (const link of LINKING_ELEMENTS) {
          if (word.startsWith(link, end)) reachable[end + link.length] = true;
        }
      }
      modifiers[start] = ends;
    }
    return modifiers;
  }

  /**
   * The best split of word.slice(start): the rest as one head (not at the start: the whole word
   * is no split), or a modifier (ending at one of `ends`), a linking element and the best split
   * of what follows.
   */
  private bestSplitFrom(
    word: string,
    start: number,
    ends: readonly number[],
    best: readonly (Split | null)[],
  ): Split | null {
    let found: Split | null = null;
    const rest = word.slice(start);
    if (start > 0 && this.isHead(rest)) {
      found = { part: rest, next: null, count: 1, shortest: rest.length };
    }
    for (const end of ends) {
      const modifier = word.slice(start, end);
      for (const link of LINKING_ELEMENTS) {
        const tail = word.startsWith(link, end) ? best[end + link.length] : null;
        if (!tail) continue;
        const candidate: Split = {
          part: modifier,
          next: tail,
          count: tail.count + 1,
          shortest: Math.min(modifier.length, tail.shortest),
        };
        if (isBetter(candidate, found)) found = candidate;
      }
    }
    return found;
  }
}

/** Fewer parts win; among as many parts, the split whose shortest part is longer. */
function isBetter(candidate: Split, current: Split | null): boolean {
  if (!current) return true;
  if (candidate.count !== current.count) return candidate.count < current.count;
  return candidate.shortest > current.shortest;
}

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
 * All strings here are folded (see fold.ts).
 */
import { stem } from './stem.js';

const LINKING_ELEMENTS = ['', 's', 'es', 'n', 'en', 'er', 'e', 'ens'];
const MIN_PART_LENGTH = 4;
const MIN_WORD_LENGTH = 7;
/** Short nouns that are common compound parts. */
const SHORT_PARTS = new Set([
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

export class CompoundSplitter {
  private readonly words: ReadonlySet<string>;
  private readonly stems: ReadonlySet<string>;
  private readonly cache = new Map<string, string[]>();

  /** @param words folded words known to stand on their own (mostly nouns). */
  constructor(words: Iterable<string>) {
    const set = new Set<string>();
    for (const word of words) if (word.length >= 3) set.add(word);
    this.words = set;
    this.stems = new Set([...set].map(stem));
  }

  /** All parts of `folded` (recursively), without the word itself; empty if it is no compound. */
  split(folded: string): string[] {
    const cached = this.cache.get(folded);
    if (cached) return cached;
    const parts = new Set<string>();
    const top = folded.length >= MIN_WORD_LENGTH ? this.bestSplit(folded) : null;
    if (top) {
      for (const part of top) {
        parts.add(part);
        for (const sub of this.split(part)) parts.add(sub);
      }
    }
    const result = [...parts];
    this.cache.set(folded, result);
    return result;
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
    const memo = new Map<number, string[] | null>();
    const from = (start: number): string[] | null => {
      if (memo.has(start)) return memo.get(start)!;
      let best: string[] | null = null;
      const rest = word.slice(start);
      if (start > 0 && this.isHead(rest)) best = [rest];
      for (let end = start + 3; end <= word.length - 3; end++) {
        const modifier = word.slice(start, end);
        if (!this.isModifier(modifier)) continue;
        for (const link of LINKING_ELEMENTS) {
          if (link && !word.startsWith(link, end)) continue;
          const tail = from(end + link.length);
          if (tail && isBetter([modifier, ...tail], best)) best = [modifier, ...tail];
        }
      }
      memo.set(start, best);
      return best;
    };
    return from(0);
  }
}

function isBetter(candidate: string[], current: string[] | null): boolean {
  if (!current) return true;
  if (candidate.length !== current.length) return candidate.length < current.length;
  const shortest = (parts: string[]) => Math.min(...parts.map((part) => part.length));
  return shortest(candidate) > shortest(current);
}

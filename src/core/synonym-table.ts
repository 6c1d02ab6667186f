/**
 * Query-time synonym lookup. Phrases are analyzed once at load time into index terms, so "EAÜ",
 * "elektronische Aufenthaltsüberwachung" and "Fußfessel" can be matched against the analyzed
 * query and expanded into each other.
 */
import { termOf } from './analysis/analyzer.js';
import { tokenize } from './analysis/tokenize.js';
import type { SynonymGroup } from './types.js';

/** Longest phrase, in words, that is looked up. */
export const MAX_PHRASE_WORDS = 4;

export interface SynonymMatch {
  /** Index of the first query term covered. */
  start: number;
  /** Number of query terms covered. */
  length: number;
  /** The other phrases of the matching groups, each as its list of index terms. */
  alternatives: string[][];
}

export function phraseTerms(phrase: string): string[] {
  const terms: string[] = [];
  for (const word of tokenize(phrase)) {
    for (const part of word.parts) {
      const term = termOf(part.text);
      if (term) terms.push(term);
    }
  }
  return terms;
}

export class SynonymTable {
  private readonly byKey = new Map<string, string[][]>();

  constructor(groups: readonly SynonymGroup[]) {
    for (const group of groups) {
      const analyzed = group.map(phraseTerms).filter((terms) => terms.length > 0);
      for (const terms of analyzed) {
        if (terms.length > MAX_PHRASE_WORDS) continue;
        const key = terms.join(' ');
        const others = analyzed.filter((other) => other.join(' ') !== key);
        const known = this.byKey.get(key) ?? [];
        this.byKey.set(key, [...known, ...others]);
      }
    }
  }

  /** Non-overlapping matches in `terms`, longest first from left to right. */
  match(terms: readonly string[]): SynonymMatch[] {
    const matches: SynonymMatch[] = [];
    for (let start = 0; start < terms.length;) {
      let found: SynonymMatch | undefined;
      for (let length = Math.min(MAX_PHRASE_WORDS, terms.length - start); length > 0; length--) {
        const alternatives = this.byKey.get(terms.slice(start, start + length).join(' '));
        if (alternatives) {
          found = { start, length, alternatives };
          break;
        }
      }
      if (found) {
        matches.push(found);
        start += found.length;
      } else {
        start++;
      }
    }
    return matches;
  }
}

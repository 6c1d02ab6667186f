/**
 * Word statistics and the general word list that the query generation uses. Both are independent
 * of the analyzer in src/core: plain lower-cased runs of letters, no folding, no stemming.
 */
import { existsSync, readFileSync } from 'node:fs';

/** Debian's `wngerman` word list (new German spelling, inflected forms, about 356,000 words). */
export const WORD_LIST_PATH = '/usr/share/dict/ngerman';

export interface CorpusDocument {
  id: string;
  title: string;
  url: string;
  keywords?: string[];
  body?: string;
}

/** The word list, lower-cased. Fails with the install command when it is missing. */
export function readWordList(path = WORD_LIST_PATH): Set<string> {
  if (!existsSync(path))
    throw new Error(
      `${path} not found: the query generation needs Debian's German word list. Install it with\n  apt-get install wngerman`,
    );
  return new Set(
    readFileSync(path, 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
}

export function wordsOf(text: string): string[] {
  return text.match(/\p{L}+/gu) ?? [];
}

export interface WordCounts {
  /** Occurrences of each lower-cased word in titles and bodies. */
  frequency: Map<string, number>;
  /** Number of documents containing each lower-cased word. */
  documentFrequency: Map<string, number>;
  /** Words that occur written in lower case somewhere: adjectives, verbs, not nouns. */
  writtenLowerCase: Set<string>;
}

export function countWords(docs: readonly CorpusDocument[]): WordCounts {
  const frequency = new Map<string, number>();
  const documentFrequency = new Map<string, number>();
  const writtenLowerCase = new Set<string>();
  for (const doc of docs) {
    const seen = new Set<string>();
    for (const word of wordsOf(`${doc.title}\n${doc.body ?? ''}`)) {
      const lower = word.toLowerCase();
      if (word === lower) writtenLowerCase.add(lower);
      frequency.set(lower, (frequency.get(lower) ?? 0) + 1);
      if (!seen.has(lower)) {
        seen.add(lower);
        documentFrequency.set(lower, (documentFrequency.get(lower) ?? 0) + 1);
      }
    }
  }
  return { frequency, documentFrequency, writtenLowerCase };
}

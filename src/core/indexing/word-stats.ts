/**
 * One pass over the words of all documents: how often each folded word occurs, in how many
 * documents, in how many of them in a naming field (title, headings, keywords), and in which
 * written forms. The source of the content's own nouns for the compound splitter and of the
 * vocabulary for completions, corrections and typo tolerance.
 */
import { fold } from '../analysis/fold.js';
import { isStopWord } from '../analysis/stopwords.js';
import { tokenize } from '../analysis/tokenize.js';
import type { FieldName } from '../engine.js';
import type { SerializedIndex } from '../types.js';
import type { FieldTexts } from './document-fields.js';

export interface WordStats {
  /** Occurrences, and how many of them start with a capital letter (nouns, in German). */
  total: number;
  capitalised: number;
  /** Number of documents containing the word. */
  documentFrequency: number;
  /** Number of documents whose title, headings or keywords contain it. */
  namingFrequency: number;
  /** Written forms and their counts ("Wohngeld", "wohngeld"). */
  forms: Map<string, number>;
}

const NAMING: readonly FieldName[] = ['title', 'headings', 'keywords'];
const COUNTED: readonly FieldName[] = [...NAMING, 'summary', 'body'];

/** Counts the words of documents added one at a time, so a build need not hold them all. */
export class WordStatsCollector {
  readonly stats = new Map<string, WordStats>();

  add(fields: FieldTexts): void {
    const stats = this.stats;
    const seen = new Set<string>();
    const named = new Set<string>();
    for (const field of COUNTED) {
      for (const word of tokenize(fields[field])) {
        for (const part of word.parts) {
          const folded = fold(part.text);
          if (folded.length < 3 || isStopWord(folded) || !/\p{L}/u.test(folded)) continue;
          let entry = stats.get(folded);
          if (!entry) {
            entry = {
              total: 0,
              capitalised: 0,
              documentFrequency: 0,
              namingFrequency: 0,
              forms: new Map(),
            };
            stats.set(folded, entry);
          }
          entry.total++;
          if (part.text[0] !== part.text[0]!.toLowerCase()) entry.capitalised++;
          if (!seen.has(folded)) {
            entry.documentFrequency++;
            seen.add(folded);
          }
          if (NAMING.includes(field) && !named.has(folded)) {
            entry.namingFrequency++;
            named.add(folded);
          }
          entry.forms.set(part.text, (entry.forms.get(part.text) ?? 0) + 1);
        }
      }
    }
  }
}

export function collectWordStats(documents: Iterable<FieldTexts>): Map<string, WordStats> {
  const collector = new WordStatsCollector();
  for (const fields of documents) collector.add(fields);
  return collector.stats;
}

/** Nouns of the content itself (mostly capitalised words) become compound parts too. */
export function contentNouns(stats: Map<string, WordStats>): string[] {
  return [...stats]
    .filter(([word, s]) => word.length >= 4 && !/\d/.test(word) && s.capitalised * 2 >= s.total)
    .map(([word]) => word);
}

/**
 * The vocabulary: the words of the content as their most frequent written form, sorted by
 * folded form. If there are more than `max`, the ones that name documents (in a title, heading
 * or keyword) and then the most frequent are kept: a word of one body only is rarely what a
 * visitor types.
 */
export function buildVocabulary(
  stats: Map<string, WordStats>,
  max: number,
): SerializedIndex['vocabulary'] {
  const top = [...stats]
    .sort(
      (a, b) =>
        b[1].namingFrequency - a[1].namingFrequency ||
        b[1].documentFrequency - a[1].documentFrequency,
    )
    .slice(0, max);
  top.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return top.map(([, entry]) => {
    let form = '';
    let best = -1;
    for (const [written, count] of entry.forms) {
      if (count > best) {
        form = written;
        best = count;
      }
    }
    return [form, entry.documentFrequency, entry.namingFrequency];
  });
}

/**
 * The German analyzer: one definition of how a word becomes an index term, shared by the index
 * builder (Node or browser) and by the search at query time. An index records the version it was
 * built with; a loader refuses an index from another analyzer version, because its terms would
 * not match the terms produced from queries.
 *
 * word → fold (case, ß, umlauts, ae/oe/ue) → stop word? → stem (CISTEM without ge-)
 */
import { fold } from './fold.js';
import { stem } from './stem.js';
import { isStopWord } from './stopwords.js';

/** Bump whenever a change to fold, stem, stop words or tokenize changes the terms produced. */
export const ANALYZER_VERSION = 'de-2';

/** The index term for one word, or null for a stop word or a word without letters or digits. */
export function termOf(word: string): string | null {
  const folded = fold(word);
  if (!folded || isStopWord(folded)) return null;
  return stem(folded);
}

export { fold, stem, isStopWord };

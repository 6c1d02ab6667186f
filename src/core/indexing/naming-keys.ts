/**
 * Naming keys (`^key`, see analysis/index-keys.ts): the postings of a key restricted to the
 * fields that name a document. A one- to three-letter prefix is matched only there, and for the
 * words it completes to ("au" → auf, aufenthalt, ausschuss) these are a small part of postings
 * that run through most of the corpus. A sharded index stores them together (they sort under
 * their own mark), so the first letters of a word cost one small term shard instead of one
 * large shard per completion.
 *
 * Only the keys a short prefix can look up get one: keys of up to three letters (what a visitor
 * may type) and the completions the planner picks for every prefix of up to three letters. They
 * are chosen with the planner's own vocabulary code, so the set and the search cannot drift apart.
 */
import { fold } from '../analysis/fold.js';
import { NAMING_MARK, namingKey, PHRASE_MARK } from '../analysis/index-keys.js';
import { NAMING_FIELDS } from '../engine.js';
import { FILTER_MARK } from '../filters.js';
import { decodePostings, PostingsWriter, type PostingEntry } from '../postings.js';
import { SHORT_PREFIX, SHORT_PREFIX_COMPLETIONS } from '../query-plan.js';
import { indexOfSorted } from '../sorted.js';
import type { VocabularyEntry } from '../types.js';
import { MemoryVocabulary, Vocabulary } from '../vocabulary.js';

function isWordKey(key: string): boolean {
  return (
    !key.startsWith(PHRASE_MARK) && !key.startsWith(FILTER_MARK) && !key.startsWith(NAMING_MARK)
  );
}

/** The keys that get a naming key: short keys, and the completions of short prefixes. */
export function keysNeedingNamingKeys(
  keys: readonly string[],
  vocabularyEntries: readonly VocabularyEntry[],
): Set<string> {
  const needed = new Set<string>();
  for (const key of keys) {
    if (isWordKey(key) && fold(key).length <= SHORT_PREFIX) needed.add(key);
  }
  const vocabulary = new Vocabulary(new MemoryVocabulary(vocabularyEntries));
  const prefixes = new Set<string>();
  for (const [word] of vocabularyEntries) {
    const folded = fold(word);
    for (let length = 1; length <= Math.min(SHORT_PREFIX, folded.length); length++) {
      prefixes.add(folded.slice(0, length));
    }
  }
  for (const prefix of prefixes) {
    for (const completion of vocabulary.startingWith(prefix, SHORT_PREFIX_COMPLETIONS)) {
      needed.add(completion.folded);
    }
  }
  return needed;
}

/** Merges two lists of keys in code-unit order, with their postings. */
function mergeSorted(
  a: { keys: string[]; postings: string[] },
  b: { keys: string[]; postings: string[] },
): { keys: string[]; postings: string[] } {
  const keys: string[] = [];
  const postings: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.keys.length || j < b.keys.length) {
    if (j >= b.keys.length || (i < a.keys.length && a.keys[i]! < b.keys[j]!)) {
      keys.push(a.keys[i]!);
      postings.push(a.postings[i++]!);
    } else {
      keys.push(b.keys[j]!);
      postings.push(b.postings[j++]!);
    }
  }
  return { keys, postings };
}

/**
 * The index's keys and postings with the naming keys added (keys in code-unit order, as
 * `PostingsWriter.finish` gives them). A key whose documents have it in no naming field gets none.
 */
export function withNamingKeys(
  index: { keys: string[]; postings: string[] },
  vocabularyEntries: readonly VocabularyEntry[],
): { keys: string[]; postings: string[] } {
  const writer = new PostingsWriter();
  for (const key of keysNeedingNamingKeys(index.keys, vocabularyEntries)) {
    const at = indexOfSorted(index.keys, key);
    if (at < 0) continue;
    const { documents, starts, entries } = decodePostings(index.postings[at]!);
    for (let d = 0; d < documents.length; d++) {
      const naming: PostingEntry[] = [];
      for (let e = starts[d]!; e < starts[d + 1]!; e++) {
        const field = entries[e * 5]!;
        if (!NAMING_FIELDS.has(field)) continue;
        naming.push({
          field,
          kind: entries[e * 5 + 1]!,
          count: entries[e * 5 + 2]!,
          position: entries[e * 5 + 3]!,
          lengthClass: entries[e * 5 + 4]!,
        });
      }
      if (naming.length) writer.add(namingKey(key), documents[d]!, naming);
    }
  }
  return mergeSorted(index, writer.finish());
}

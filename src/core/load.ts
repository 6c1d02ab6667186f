/**
 * Loads an index file and checks that it is one this version can search. Every failure is an
 * IndexLoadError with a code (for the widget's error state) and a message for webmasters.
 */
import { damagedIndex } from './errors.js';
import {
  checkCommon,
  checkDocuments,
  checkHeader,
  checkTerms,
  checkVocabulary,
  parseIndexJson,
} from './index-checks.js';
import { SearchIndex } from './search-index.js';
import { MemoryStore } from './store.js';
import { MemoryVocabulary } from './vocabulary.js';
import type { SerializedIndex } from './types.js';

/** Checks the header and structure; returns the input typed. */
export function checkIndex(input: unknown): SerializedIndex {
  checkHeader(input);
  checkCommon(input);
  const { documents, documentCount, vocabulary, keys, postings } = input;
  checkDocuments(documents);
  if (documents.length !== documentCount) throw damagedIndex('document count does not match');
  checkVocabulary(vocabulary);
  checkTerms(keys, postings);
  return input as unknown as SerializedIndex;
}

/**
 * Loads a serialized index (the parsed object or its JSON text) and returns a SearchIndex.
 * Throws IndexLoadError for anything else.
 */
export function loadIndex(serialized: unknown): SearchIndex {
  const input = typeof serialized === 'string' ? parseIndexJson(serialized) : serialized;
  const index = checkIndex(input);
  const store = new MemoryStore(
    index.keys,
    index.postings,
    index.documents,
    index.averageFieldLengths,
  );
  return new SearchIndex(store, new MemoryVocabulary(index.vocabulary), index);
}

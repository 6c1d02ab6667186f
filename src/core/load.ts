/**
 * Loads an index file and checks that it is one this version can search. Every failure is an
 * IndexLoadError with a code (for the widget's error state) and a message for webmasters.
 */
import { ANALYZER_VERSION } from './analysis/analyzer.js';
import { FIELDS } from './engine.js';
import { damagedIndex, IndexLoadError, REBUILD_ADVICE } from './errors.js';
import { SearchIndex } from './search-index.js';
import { MemoryStore } from './store.js';
import { INDEX_FORMAT, INDEX_FORMAT_VERSION, type SerializedIndex } from './types.js';

function corrupt(detail: string): never {
  throw damagedIndex(detail);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the header and structure; returns the input typed. */
export function checkIndex(input: unknown): SerializedIndex {
  if (!isRecord(input) || input['format'] !== INDEX_FORMAT) {
    throw new IndexLoadError(
      'not-an-index',
      'This file is not an hzd-search-widget index. Check the index-src URL: it must point to a JSON file built with hzd-search-index.',
    );
  }
  if (input['formatVersion'] !== INDEX_FORMAT_VERSION) {
    throw new IndexLoadError(
      'unsupported-format-version',
      `The search index has format version ${String(input['formatVersion'])}, but this version of hzd-search-widget reads version ${INDEX_FORMAT_VERSION}. ${REBUILD_ADVICE}`,
    );
  }
  if (input['analyzerVersion'] !== ANALYZER_VERSION) {
    throw new IndexLoadError(
      'analyzer-mismatch',
      `The search index was built with German analyzer "${String(input['analyzerVersion'])}", but this version uses "${ANALYZER_VERSION}", so words would not match. ${REBUILD_ADVICE}`,
    );
  }
  const { documents, documentCount, vocabulary, synonyms, dataDate } = input;
  if (!Array.isArray(documents) || documents.length !== documentCount)
    corrupt('document count does not match');
  for (const doc of documents) {
    if (
      !isRecord(doc) ||
      typeof doc['id'] !== 'string' ||
      typeof doc['title'] !== 'string' ||
      typeof doc['url'] !== 'string'
    ) {
      corrupt('a document lacks id, title or url');
    }
    if (typeof doc['text'] !== 'string' || typeof doc['summary'] !== 'string')
      corrupt('a document lacks its text');
  }
  if (
    !Array.isArray(vocabulary) ||
    !vocabulary.every(
      (entry) =>
        Array.isArray(entry) &&
        typeof entry[0] === 'string' &&
        typeof entry[1] === 'number' &&
        typeof entry[2] === 'number',
    )
  ) {
    corrupt('the vocabulary is invalid');
  }
  if (
    !Array.isArray(synonyms) ||
    !synonyms.every((group) => Array.isArray(group) && group.every((p) => typeof p === 'string'))
  ) {
    corrupt('the synonyms are invalid');
  }
  if (typeof dataDate !== 'string') corrupt('the data date is missing');
  const { fields, averageFieldLengths, keys, postings } = input;
  if (!Array.isArray(fields) || fields.join() !== FIELDS.join())
    corrupt('the indexed fields do not match');
  if (
    !Array.isArray(averageFieldLengths) ||
    averageFieldLengths.length !== FIELDS.length ||
    !averageFieldLengths.every((length) => typeof length === 'number' && length >= 0)
  ) {
    corrupt('the field lengths are invalid');
  }
  if (!Array.isArray(keys) || !Array.isArray(postings) || keys.length !== postings.length)
    corrupt('the keys do not match the postings');
  // Lookups are binary searches: the keys must be strictly ascending.
  for (let i = 0; i < keys.length; i++) {
    if (typeof keys[i] !== 'string' || typeof postings[i] !== 'string')
      corrupt('a key or its postings are not text');
    if (i > 0 && !(keys[i - 1] < keys[i])) corrupt('the keys are not sorted');
  }
  return input as unknown as SerializedIndex;
}

/**
 * Loads a serialized index (the parsed object or its JSON text) and returns a SearchIndex.
 * Throws IndexLoadError for anything else.
 */
export function loadIndex(serialized: unknown): SearchIndex {
  let input = serialized;
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch (error) {
      throw new IndexLoadError(
        'not-json',
        'The search index is not valid JSON: the file is incomplete or not an index (an HTML error page, for example). Check the index-src URL.',
        { cause: error },
      );
    }
  }
  const index = checkIndex(input);
  const store = new MemoryStore(
    index.keys,
    index.postings,
    index.documents,
    index.averageFieldLengths,
  );
  return new SearchIndex(store, index);
}

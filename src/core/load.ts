/**
 * Loads an index file and checks that it is one this version can search. Every failure is an
 * IndexLoadError with a code (for the widget's error state) and a message for webmasters.
 */
import MiniSearch from 'minisearch';
import { ANALYZER_VERSION } from './analysis/analyzer.js';
import { indexTokens } from './analysis/tokenize.js';
import { engineOptions, FIELDS, type EngineDocument } from './engine.js';
import { IndexLoadError } from './errors.js';
import { SearchIndex } from './search-index.js';
import { INDEX_FORMAT, INDEX_FORMAT_VERSION, type SerializedIndex } from './types.js';

const REBUILD =
  'Rebuild it with the hzd-search-index command of the installed hzd-search-widget version.';

function corrupt(detail: string): never {
  throw new IndexLoadError('corrupt', `The search index file is damaged (${detail}). ${REBUILD}`);
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
      `The search index has format version ${String(input['formatVersion'])}, but this version of hzd-search-widget reads version ${INDEX_FORMAT_VERSION}. ${REBUILD}`,
    );
  }
  if (input['analyzerVersion'] !== ANALYZER_VERSION) {
    throw new IndexLoadError(
      'analyzer-mismatch',
      `The search index was built with German analyzer "${String(input['analyzerVersion'])}", but this version uses "${ANALYZER_VERSION}", so words would not match. ${REBUILD}`,
    );
  }
  const { documents, documentCount, engine, vocabulary, synonyms, dataDate } = input;
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
        Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number',
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
  if (!isRecord(engine) || engine['name'] !== 'minisearch' || !isRecord(engine['data']))
    corrupt('the search data is missing');
  const fields = engine['fields'];
  if (!Array.isArray(fields) || fields.join() !== FIELDS.join())
    corrupt('the indexed fields do not match');
  const data = engine['data'];
  if (data['documentCount'] !== documentCount || !isRecord(data['documentIds']))
    corrupt('the search data does not match the documents');
  for (const id of Object.values(data['documentIds'])) {
    if (!Number.isInteger(id) || (id as number) < 0 || (id as number) >= documents.length) {
      corrupt('the search data refers to unknown documents');
    }
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
  let engine: MiniSearch<EngineDocument>;
  try {
    // Tokenizing and term processing only matter when adding documents, which a loaded index
    // never does, but MiniSearch requires the options to match.
    engine = MiniSearch.loadJS(
      index.engine.data,
      engineOptions(indexTokens, (term) => term),
    );
  } catch (error) {
    throw new IndexLoadError(
      'corrupt',
      `The search index file is damaged (${(error as Error).message}). ${REBUILD}`,
      { cause: error },
    );
  }
  return new SearchIndex(engine, index.documents, index);
}

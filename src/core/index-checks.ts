/**
 * The checks an index must pass before it is searched, shared by the single file and the
 * sharded layout (its manifest and each shard as it arrives). Every failure is an IndexLoadError
 * with a code for the widget's error state and a message that tells a webmaster what to do.
 */
import { ANALYZER_VERSION } from './analysis/analyzer.js';
import { FIELDS } from './engine.js';
import { damagedIndex, IndexLoadError, REBUILD_ADVICE } from './errors.js';
import {
  INDEX_FORMAT,
  INDEX_FORMAT_VERSION,
  type StoredDocument,
  type VocabularyEntry,
} from './types.js';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function corrupt(detail: string): never {
  throw damagedIndex(detail);
}

/** Parses index text; an HTML error page or a cut-off file is `not-json`. */
export function parseIndexJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new IndexLoadError(
      'not-json',
      'The search index is not valid JSON: the file is incomplete or not an index (an HTML error page, for example). Check the index-src URL.',
      { cause: error },
    );
  }
}

/** Format, version and analyzer: an index of another kind or version cannot be searched. */
export function checkHeader(input: unknown): asserts input is Record<string, unknown> {
  if (!isRecord(input) || input['format'] !== INDEX_FORMAT) {
    throw new IndexLoadError(
      'not-an-index',
      'This file is not an hzd-search-widget index. Check the index-src URL: it must point to a JSON file (or the manifest.json of a folder) built with hzd-search-index.',
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
}

/** What both layouts carry in their header: data date, synonyms, fields and their lengths. */
export function checkCommon(input: Record<string, unknown>): void {
  const { synonyms, dataDate, fields, averageFieldLengths, documentCount, filterValues } = input;
  if (!Number.isInteger(documentCount) || (documentCount as number) < 0)
    corrupt('the document count is invalid');
  if (
    !Array.isArray(synonyms) ||
    !synonyms.every((group) => Array.isArray(group) && group.every((p) => typeof p === 'string'))
  ) {
    corrupt('the synonyms are invalid');
  }
  if (typeof dataDate !== 'string') corrupt('the data date is missing');
  if (!Array.isArray(fields) || fields.join() !== FIELDS.join())
    corrupt('the indexed fields do not match');
  if (
    !Array.isArray(averageFieldLengths) ||
    averageFieldLengths.length !== FIELDS.length ||
    !averageFieldLengths.every((length) => typeof length === 'number' && length >= 0)
  ) {
    corrupt('the field lengths are invalid');
  }
  if (
    !isRecord(filterValues) ||
    !Object.values(filterValues).every(
      (values) =>
        Array.isArray(values) &&
        values.every(
          (entry) =>
            Array.isArray(entry) &&
            typeof entry[0] === 'string' &&
            Number.isInteger(entry[1]) &&
            entry[1] >= 0,
        ),
    )
  ) {
    corrupt('the filter values are invalid');
  }
}

function isSection(value: unknown): boolean {
  if (!isRecord(value) || typeof value['anchor'] !== 'string' || typeof value['title'] !== 'string')
    return false;
  const { text, span } = value;
  return (
    (text === undefined || typeof text === 'string') &&
    (span === undefined ||
      (Array.isArray(span) &&
        span.length === 2 &&
        Number.isInteger(span[0]) &&
        Number.isInteger(span[1])))
  );
}

export function checkDocuments(documents: unknown): asserts documents is StoredDocument[] {
  if (!Array.isArray(documents)) corrupt('the documents are missing');
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
    const { sections, filters, type } = doc;
    if (sections !== undefined && !(Array.isArray(sections) && sections.every(isSection)))
      corrupt('the sections of a document are invalid');
    if (
      (type !== undefined && typeof type !== 'string') ||
      (filters !== undefined &&
        !(
          isRecord(filters) &&
          Object.values(filters).every(
            (values) => Array.isArray(values) && values.every((v) => typeof v === 'string'),
          )
        ))
    )
      corrupt('the type or filters of a document are invalid');
  }
}

export function checkVocabulary(entries: unknown): asserts entries is VocabularyEntry[] {
  if (
    !Array.isArray(entries) ||
    !entries.every(
      (entry) =>
        Array.isArray(entry) &&
        typeof entry[0] === 'string' &&
        typeof entry[1] === 'number' &&
        typeof entry[2] === 'number',
    )
  ) {
    corrupt('the vocabulary is invalid');
  }
}

/** Keys with their postings; lookups are binary searches, so the keys must strictly ascend. */
export function checkTerms(keys: unknown, postings: unknown): asserts keys is string[] {
  if (!Array.isArray(keys) || !Array.isArray(postings) || keys.length !== postings.length)
    corrupt('the keys do not match the postings');
  for (let i = 0; i < keys.length; i++) {
    if (typeof keys[i] !== 'string' || typeof postings[i] !== 'string')
      corrupt('a key or its postings are not text');
    if (i > 0 && !(keys[i - 1] < keys[i])) corrupt('the keys are not sorted');
  }
}

/**
 * hzd-search-widget/core: the DOM-free search core. Runs in Node and in browsers.
 *
 * - `buildIndex(documents, options?)` → a JSON-serializable index
 * - `loadIndex(serialized)` → a SearchIndex with `search(query, { limit })` and `suggest(query)`
 */
export { buildIndex, IndexBuilder } from './build.js';
export { loadIndex, checkIndex } from './load.js';
export { SearchIndex } from './search-index.js';
export {
  IndexLoadError,
  ContentError,
  SearchSourceError,
  type IndexErrorCode,
  type SearchSourceErrorCode,
} from './errors.js';
export { validateDocument, validateDocuments, MAX_DOCUMENT_CHARACTERS } from './schema.js';
export { isSafeUrl } from './url.js';
export { DEFAULT_SYNONYMS } from './synonyms.js';
export { ANALYZER_VERSION, fold, stem, termOf } from './analysis/analyzer.js';
export { tokenize } from './analysis/tokenize.js';
export * from './types.js';

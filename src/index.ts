/**
 * hzd-search-widget: the `<hzd-search>` and `<hzd-result-card>` elements, their types and the
 * pieces a host may want to reuse. Importing this module defines both elements (once: a second
 * copy of the library on the page does not throw).
 */
import './define.js';

export { HzdSearch, type SearchState } from './components/search/search.js';
export { HzdResultCard } from './components/result-card/result-card.js';
export type { SearchSource } from './controllers/search-controller.js';
export { IndexSourceError, clearIndexCache, loadIndexFromUrl } from './controllers/index-source.js';
export { loadDefaultIndex } from './default-index.js';
export type {
  HzdErrorCode,
  HzdErrorDetail,
  HzdErrorEvent,
  HzdEventMap,
  HzdSearchDetail,
  HzdSearchEvent,
  HzdSelectDetail,
  HzdSelectEvent,
} from './events.js';
export { resolveStrings, translations, type HzdLanguage, type HzdStrings } from './i18n/index.js';
export {
  IndexLoadError,
  SearchSourceError,
  isSafeUrl,
  loadIndex,
  SearchIndex,
  type IndexErrorCode,
  type SearchSourceErrorCode,
  type SearchHit,
  type SectionHit,
  type SearchResults,
  type Suggestions,
} from './core/index.js';

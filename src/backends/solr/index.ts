/**
 * hzd-search-widget/solr: `SolrSource`, a search source over a Solr collection with the hzd-de
 * configset, for `<hzd-search>`'s `index` property or for any code (browsers and Node 20+).
 * Without Lit or the widget: importing it defines no elements.
 */
export {
  SolrSource,
  type SolrSearchOptions,
  type SolrSourceOptions,
  type SolrSuggestOptions,
} from './solr-source.js';
export type { FetchFunction } from './solr-http.js';
export { SearchSourceError, type SearchSourceErrorCode } from '../../core/errors.js';
export {
  SOLR_FILTER_FIELD_PREFIX,
  SOLR_HANDLERS,
  SOLR_MAX_QUERY_LENGTH,
  SOLR_QUERY_FIELDS,
  SOLR_SUGGESTER,
} from './solr-fields.js';
export type {
  SearchHit,
  SearchOptions,
  SearchResults,
  SuggestOptions,
  Suggestions,
} from '../../core/types.js';

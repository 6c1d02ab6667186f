/**
 * The contract between the Solr configset (solr/hzd-de/, generated), the CLI that pushes
 * documents (`--to-solr`) and `SolrSource`: field names, handler paths and query weights. The
 * weights are the client index's (FIELD_BOOSTS), so both rank by the same evidence.
 */
import { FIELD_BOOSTS } from '../../core/engine.js';

/** Analyzed German text fields (type `text_hzd_de`), stored for display and highlighting. */
export const SOLR_TEXT_FIELDS = ['title', 'keywords', 'headings', 'summary', 'body'] as const;

/** Exact-value fields (type `string`): display, filters and facets. */
export const SOLR_STRING_FIELDS = {
  single: ['id', 'url', 'category', 'type', 'updated', 'lang'],
  multi: ['levels', 'partners'],
} as const;

/** `SearchDocument.filters` entries go to dynamic multi-valued string fields `filter_<name>`. */
export const SOLR_FILTER_FIELD_PREFIX = 'filter_';

/** Field the suggester reads (title and keywords copied into it). */
export const SOLR_SUGGEST_FIELD = 'suggest';
/** Field spellcheck ("Meinten Sie …?") reads. */
export const SOLR_SPELL_FIELD = 'spell';

/**
 * Read-only request handlers of the configset, relative to the collection URL. SolrSource sends
 * GET requests with: q, defType, qf, uf, q.op, mm, rows, start, wt, json.nl, fq (`{!terms}` and
 * `{!tag}`), fl (stored fields, `filter_*`, `hzd_w<i>:query({!edismax v=$hzd.w<i>},0)`
 * pseudo-fields), `hzd.w<i>`, hl, hl.method, hl.fl, hl.tag.pre/post, hl.snippets, hl.fragsize,
 * hl.defaultSummary, f.title/f.summary.hl.bs.type, facet, facet.mincount, facet.field
 * (`{!ex key}`), spellcheck, spellcheck.q, spellcheck.collate; to /hzd/suggest: suggest.q,
 * suggest.count, wt. A proxy in front of Solr must pass these.
 */
export const SOLR_HANDLERS = {
  select: '/hzd/select',
  suggest: '/hzd/suggest',
} as const;

/** Name of the suggester component's dictionary. */
export const SOLR_SUGGESTER = 'hzd';

/** Longest query the handlers accept (characters); the client index cuts at the same length. */
export { MAX_QUERY_LENGTH as SOLR_MAX_QUERY_LENGTH } from '../../core/query.js';

/** edismax `qf`: the client's field weights. `meta` (category, partners, levels) is `meta`. */
export const SOLR_QUERY_FIELDS: string = [
  ...SOLR_TEXT_FIELDS.map((field) => `${field}^${FIELD_BOOSTS[field]}`),
  `meta^${FIELD_BOOSTS.meta}`,
].join(' ');

/**
 * Marks around highlighted words in `highlighting` (unified highlighter, `hl.tag.pre/post`):
 * private-use characters that no content holds, so SolrSource turns them into ranges and shows
 * the text as text.
 */
export const SOLR_HIGHLIGHT_MARKERS = { pre: '\uE000', post: '\uE001' } as const;

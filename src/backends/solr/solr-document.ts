/**
 * A `SearchDocument` as a Solr document of the hzd-de configset: the one mapping used by the CLI
 * push (`--to-solr`); SolrSource reads the same field names back (solr-fields.ts). The body is
 * stored as plain text (Markdown removed, as the static index does), so highlights and snippets
 * show no markup.
 */
import { plainText } from '../../core/indexing/document-fields.js';
import type { SearchDocument } from '../../core/types.js';
import { SOLR_FILTER_FIELD_PREFIX } from './solr-fields.js';

export type SolrDocument = Record<string, string | string[]>;

/** Filter names become field names: letters, digits and `_` only, lower case. */
export function filterFieldName(name: string): string {
  const safe = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `${SOLR_FILTER_FIELD_PREFIX}${safe || 'value'}`;
}

export function toSolrDocument(doc: SearchDocument): SolrDocument {
  const solr: SolrDocument = { id: doc.id, url: doc.url, title: doc.title };
  const set = (field: string, value: string | undefined) => {
    if (value !== undefined && value !== '') solr[field] = value;
  };
  const setList = (field: string, values: readonly string[] | undefined) => {
    const kept = (values ?? []).filter((value) => value !== '');
    if (kept.length) solr[field] = [...kept];
  };
  set('summary', doc.summary);
  set('body', doc.body === undefined ? undefined : plainText(doc.body));
  setList('keywords', doc.keywords);
  setList('headings', doc.headings);
  setList('partners', doc.partners);
  setList('levels', doc.levels);
  set('category', doc.category);
  set('type', doc.type);
  set('updated', doc.updated);
  set('lang', doc.lang);
  for (const [name, values] of Object.entries(doc.filters ?? {})) {
    const field = filterFieldName(name);
    const merged = [...((solr[field] as string[] | undefined) ?? []), ...values];
    setList(field, [...new Set(merged)]);
  }
  return solr;
}

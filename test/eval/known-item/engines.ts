/**
 * The two searches the known-item sets compare, each built once over the same documents:
 *
 * - plain MiniSearch: `new MiniSearch({ fields: ['title', 'keywords', 'body'] })`, keywords joined
 *   with spaces; everything else MiniSearch's defaults (its tokenizer, lower-casing, no stemming,
 *   no field boosts, OR of the query terms); searched with `{ prefix: true, fuzzy: 0.2 }`.
 * - ours: `loadIndex(JSON.parse(JSON.stringify(buildIndex(docs))))` with its default options,
 *   searched with `search(query, { limit: 10, prefix: false })` (the visitor submitted the query)
 *   and, for comparison, `prefix: true` (the widget's default while typing).
 */
import MiniSearch from 'minisearch';
import { buildIndex, loadIndex } from '../../../src/core/index.js';
import type { CorpusDocument } from './corpus-stats.js';

export const TOP = 10;

export interface RankedSearch {
  label: string;
  /** The ids of the first TOP results. */
  search: (query: string) => string[];
}

export function plainMiniSearch(docs: readonly CorpusDocument[]): RankedSearch {
  const engine = new MiniSearch({ fields: ['title', 'keywords', 'body'] });
  engine.addAll(
    docs.map((doc) => ({
      id: doc.id,
      title: doc.title,
      keywords: (doc.keywords ?? []).join(' '),
      body: doc.body ?? '',
    })),
  );
  return {
    label: 'plain MiniSearch',
    search: (query) =>
      engine
        .search(query, { prefix: true, fuzzy: 0.2 })
        .slice(0, TOP)
        .map((result) => String(result.id)),
  };
}

export function ourSearch(docs: readonly CorpusDocument[]): RankedSearch[] {
  const built = buildIndex(
    docs.map((doc) => ({
      id: doc.id,
      title: doc.title,
      url: doc.url,
      keywords: doc.keywords ?? [],
      body: doc.body ?? '',
    })),
  );
  const index = loadIndex(JSON.parse(JSON.stringify(built)));
  const run = (prefix: boolean) => (query: string) =>
    index.search(query, { limit: TOP, prefix }).hits.map((hit) => hit.id);
  return [
    { label: 'ours', search: run(false) },
    { label: 'ours, prefix: true', search: run(true) },
  ];
}

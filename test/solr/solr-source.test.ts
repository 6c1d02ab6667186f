/**
 * SolrSource against a real SolrCloud (test/solr/helpers/cluster.ts: ZooKeeper and two nodes on
 * 127.0.0.1 with the configset solr/hzd-de/): the shipped cooperation pages are posted to a
 * collection through Solr's JSON update API in the configset's field shape, then the relevance
 * set's primary queries (name, abbreviation, topic of each page) run through SolrSource, as the
 * widget would send them. Failures of a real server become SearchSourceErrors with their codes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SearchSourceError, SolrSource } from '../../src/backends/solr/index.js';
import { readQueries, readShippedDocuments } from '../eval/relevance.js';
import { startSolrCloud, type SolrCloud } from './helpers/cluster.js';

const COLLECTION = 'portal';
let cloud: SolrCloud | undefined;
let collectionUrl = '';

function asList(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? [value] : undefined;
}

/** A shipped page in the configset's fields (solr-fields.ts). */
function solrDocument(doc: Record<string, unknown>): Record<string, unknown> {
  const headings = [...String(doc.body ?? '').matchAll(/^#{2,6}\s+(.+)$/gm)].map((m) => m[1]);
  return {
    id: doc.id,
    url: doc.url ?? `/${String(doc.id)}`,
    title: doc.title,
    summary: doc.summary,
    body: doc.body,
    keywords: asList(doc.keywords),
    headings,
    category: doc.category,
    levels: asList(doc.levels),
    partners: asList(doc.partners),
    updated: doc.updated === undefined ? undefined : String(doc.updated).slice(0, 10),
  };
}

before(async () => {
  cloud = await startSolrCloud();
  // 2 shards × 2 replicas, as a site would run it: distributed search, ranking and highlights.
  await cloud.createCollection(COLLECTION, 2, 2);
  collectionUrl = `${cloud.urls[0]}/${COLLECTION}/`;
  const docs = readShippedDocuments().map(solrDocument);
  const response = await fetch(`${collectionUrl}update?commit=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(docs),
  });
  assert.equal(response.status, 200, await response.text());
});

after(async () => {
  await cloud?.close();
});

describe('SolrSource on a real SolrCloud', { timeout: 300_000 }, () => {
  it('finds each cooperation page by its name, abbreviation and topic', async (t) => {
    const source = new SolrSource({ url: collectionUrl });
    const primary = readQueries().filter((query) => query.primary);
    const ranks: {
      query: string;
      kind: string;
      expected: string;
      rank: number | null;
      top: string[];
    }[] = [];
    for (const query of primary) {
      const results = await source.search(query.query, { limit: 10, prefix: false });
      const top = results.hits.map((hit) => hit.id);
      const position = top.indexOf(query.expected);
      ranks.push({ ...query, rank: position < 0 ? null : position + 1, top });
    }
    const first = ranks.filter((r) => r.rank === 1).length;
    const mrr = ranks.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / ranks.length;
    t.diagnostic(`rank 1: ${first}/${ranks.length}, MRR ${mrr.toFixed(3)}`);
    for (const miss of ranks.filter((r) => r.rank !== 1)) {
      t.diagnostic(`"${miss.query}" → ${miss.expected} at ${miss.rank}: ${miss.top.join(', ')}`);
    }
    // As the static index (test/node/relevance.test.ts): each at rank 1.
    for (const r of ranks) assert.equal(r.rank, 1, `"${r.query}" → ${r.top.join(', ')}`);
  });

  it('keeps MRR and recall@3 high on the whole relevance set, typed as visitors type', async (t) => {
    const source = new SolrSource({ url: collectionUrl });
    const queries = readQueries();
    let reciprocal = 0;
    let inTop3 = 0;
    for (const query of queries) {
      const results = await source.search(query.query, {
        limit: 10,
        prefix: query.kind === 'prefix',
      });
      const position = results.hits.findIndex((hit) => hit.id === query.expected);
      if (position >= 0) reciprocal += 1 / (position + 1);
      if (position >= 0 && position < 3) inTop3++;
      else
        t.diagnostic(
          `"${query.query}" → ${query.expected}: ${results.hits.map((h) => h.id).join(', ')}`,
        );
    }
    const mrr = reciprocal / queries.length;
    const recall = inTop3 / queries.length;
    t.diagnostic(`${queries.length} queries: MRR ${mrr.toFixed(3)}, recall@3 ${recall.toFixed(3)}`);
    assert.ok(mrr >= 0.95, `MRR ${mrr}`);
    assert.ok(recall >= 0.97, `recall@3 ${recall}`);
  });

  it('highlights, completions and facets come from the real handlers', async () => {
    const source = new SolrSource({ url: collectionUrl });
    const results = await source.search('ejustice', { prefix: false, facets: ['category'] });
    assert.ok(results.total > 0);
    const hit = results.hits[0]!;
    for (const [start, end] of hit.titleMatches) {
      assert.ok(end > start && end <= hit.title.length);
    }
    assert.ok(!/[\uE000\uE001]/.test(hit.title + hit.snippet.text), 'no markers left');
    assert.ok(Object.keys(results.facets!.category!).length > 0);
    const suggestions = await source.suggest('Justi');
    assert.ok(suggestions.completions.length > 0, JSON.stringify(suggestions));
  });

  it('a missing collection is a server error, no answer in time a timeout', async () => {
    const missing = new SolrSource({ url: `${cloud!.urls[0]}/keine-sammlung/` });
    await assert.rejects(
      missing.search('wohngeld', { prefix: false }),
      (error: unknown) => error instanceof SearchSourceError && error.code === 'server',
    );
    const hasty = new SolrSource({ url: collectionUrl, timeout: 1 });
    await assert.rejects(
      hasty.search('wohngeld antrag', { prefix: false }),
      (error: unknown) => error instanceof SearchSourceError && error.code === 'timeout',
    );
  });
});

/**
 * The configset and the CLI push against a real SolrCloud (ZooKeeper + 2 nodes, collections of
 * 2 shards × 2 replicas): analysis equal to the client's, the cooperation relevance set, the
 * alias switch, facets, a law corpus, and search going on while a node is down.
 * Run with `npm run test:solr` (needs Java 17 and Maven).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { run } from '../../src/cli/main.js';
import { termOf } from '../../src/core/analysis/analyzer.js';
import { tokenize } from '../../src/core/analysis/tokenize.js';
import { SOLR_HANDLERS, SOLR_HIGHLIGHT_MARKERS } from '../../src/backends/solr/solr-fields.js';
import { startSolrCloud, type SolrCloud } from './helpers/cluster.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const LAW_CORPUS = join(ROOT, '../shared/corpus/gesetze-10k.json.gz');

let cloud: SolrCloud;
let work: string;
before(async () => {
  work = mkdtempSync(join(tmpdir(), 'hzd-solr-test-'));
  cloud = await startSolrCloud();
});
after(async () => {
  await cloud?.close();
  rmSync(work, { recursive: true, force: true });
});

async function push(input: string, alias: string, ...extra: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(
    [
      input,
      '--to-solr',
      `${cloud.urls[0]}/${alias}`,
      '--solr-shards',
      '2',
      '--solr-replicas',
      '2',
      ...extra,
    ],
    {
      cwd: ROOT,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    },
  );
  assert.equal(code, 0, `push failed: ${stderr}`);
  return stdout;
}

async function get<T>(url: string, params: Record<string, string | string[]>): Promise<T> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) query.append(name, v);
  }
  // POST as a form: long analysis requests exceed the URL length limit.
  const response = await fetch(url, { method: 'POST', body: query });
  const text = await response.text();
  assert.ok(response.ok, `${response.status} ${url}?${query}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

interface SelectAnswer {
  response: { numFound: number; docs: { id: string; title: string; category?: string }[] };
  highlighting?: Record<string, Record<string, string[]>>;
  facet_counts?: { facet_fields: Record<string, (string | number)[]> };
}

const select = (node: number, collection: string, params: Record<string, string | string[]>) =>
  get<SelectAnswer>(`${cloud.urls[node]}/${collection}${SOLR_HANDLERS.select}`, params);

async function aliasTarget(alias: string): Promise<string | undefined> {
  const answer = await get<{ aliases: Record<string, string> }>(
    `${cloud.urls[0]}/admin/collections`,
    {
      action: 'LISTALIASES',
      wt: 'json',
    },
  );
  return answer.aliases[alias];
}

test('cooperation content: pushed through the CLI, found by name, abbreviation and main topic', async () => {
  const out = await push('data', 'hzd', '--base-url', 'https://hzd.hessen.de');
  assert.match(out, /Alias hzd now points at hzd_\d{17}/);
  const queries = JSON.parse(readFileSync(join(ROOT, 'test/eval/queries.json'), 'utf8')) as {
    query: string;
    expected: string;
    kind: string;
    primary?: boolean;
  }[];
  const primary = queries.filter((q) => q.primary);
  assert.ok(primary.length >= 10);
  const misses: string[] = [];
  for (const { query, expected } of primary) {
    const answer = await select(0, 'hzd', { q: query, rows: '3', fl: 'id' });
    const top = answer.response.docs[0]?.id;
    if (top !== expected) misses.push(`${query} → ${top ?? 'nothing'} (expected ${expected})`);
  }
  assert.deepEqual(misses, []);
});

test('highlights come with the contract markers, spellcheck and suggestions answer', async () => {
  const answer = await select(0, 'hzd', { q: 'Fußfessel', rows: '1', fl: 'id' });
  const id = answer.response.docs[0]!.id;
  const fields = Object.values(answer.highlighting?.[id] ?? {})
    .flat()
    .join(' ');
  assert.ok(
    fields.includes(SOLR_HIGHLIGHT_MARKERS.pre) && fields.includes(SOLR_HIGHLIGHT_MARKERS.post),
    fields,
  );
  const suggest = await get<{
    suggest: Record<string, Record<string, { suggestions: { term: string }[] }>>;
  }>(`${cloud.urls[0]}/hzd${SOLR_HANDLERS.suggest}`, { q: 'aufenth' });
  const terms = Object.values(suggest.suggest).flatMap((d) =>
    Object.values(d).flatMap((e) => e.suggestions.map((s) => s.term)),
  );
  assert.ok(
    terms.some((term) => /Aufenthalts/i.test(term)),
    terms.join(' | '),
  );
});

test('the handler refuses what a visitor must not change: local params, fielded queries', async () => {
  const all = await select(0, 'hzd', { rows: '0' });
  // {!…} in q is a word to edismax, and uf=-* makes id:… a plain phrase, not a field query.
  const injected = await select(0, 'hzd', { q: '{!lucene}*:*', rows: '0' });
  assert.ok(injected.response.numFound < all.response.numFound);
  const fielded = await select(0, 'hzd', { q: 'id:epk', rows: '0' });
  assert.ok(fielded.response.numFound < all.response.numFound);
});

test('facet counts match the categories of the documents', async () => {
  const answer = await select(0, 'hzd', {
    rows: '100',
    fl: 'id,category',
    facet: 'true',
    'facet.field': 'category',
  });
  const expected = new Map<string, number>();
  for (const doc of answer.response.docs) {
    if (doc.category) expected.set(doc.category, (expected.get(doc.category) ?? 0) + 1);
  }
  const flat = answer.facet_counts!.facet_fields.category!;
  const counts = new Map<string, number>();
  for (let i = 0; i < flat.length; i += 2) counts.set(flat[i] as string, flat[i + 1] as number);
  assert.ok(expected.size > 1);
  assert.deepEqual(counts, expected);
});

test('Solr analysis gives the client terms for law corpus words', async () => {
  if (!existsSync(LAW_CORPUS)) throw new Error(`corpus missing: ${LAW_CORPUS}`);
  const docs = JSON.parse(gunzipSync(readFileSync(LAW_CORPUS)).toString('utf8')) as {
    title: string;
    body?: string;
  }[];
  const words = new Set<string>();
  for (const doc of docs.slice(0, 200)) {
    for (const word of tokenize(`${doc.title} ${doc.body ?? ''}`)) {
      if (word.parts.length === 1) words.add(word.text);
    }
  }
  const sample = [...words].filter((word) => termOf(word) !== null).slice(0, 1500);
  // Query-side analysis without synonyms: the spell-free words, one term each.
  const answer = await get<{
    analysis: { field_types: Record<string, { query: unknown[] }> };
  }>(`${cloud.urls[0]}/hzd/analysis/field`, {
    'analysis.fieldtype': 'text_hzd_de',
    'analysis.query': sample.join(' '),
    wt: 'json',
  });
  const stages = answer.analysis.field_types.text_hzd_de!.query;
  const last = stages[stages.length - 1] as { text: string; position: number }[];
  const solr = new Map<number, string[]>();
  for (const token of last)
    solr.set(token.position, [...(solr.get(token.position) ?? []), token.text]);
  const differing: string[] = [];
  let position = 0;
  for (const word of sample) {
    position++;
    const terms = solr.get(position) ?? [];
    if (!terms.includes(termOf(word)!))
      differing.push(`${word}: client ${termOf(word)}, Solr ${terms.join('/')}`);
  }
  // Synonym expansions may add terms at a position; the client term must be among them.
  assert.ok(sample.length > 1000, `${sample.length} words`);
  assert.deepEqual(differing.slice(0, 20), []);
});

test('a second push switches the alias and keeps one previous collection', async () => {
  const before = await aliasTarget('hzd');
  assert.ok(before);
  await push('data', 'hzd', '--base-url', 'https://hzd.hessen.de', '--quiet');
  const now = await aliasTarget('hzd');
  assert.ok(now && now !== before);
  const answer = await select(0, 'hzd', { q: 'EPK', rows: '1', fl: 'id' });
  assert.equal(answer.response.docs[0]?.id, 'epk');
  await push('data', 'hzd', '--base-url', 'https://hzd.hessen.de', '--quiet');
  const list = await get<{ collections: string[] }>(`${cloud.urls[0]}/admin/collections`, {
    action: 'LIST',
    wt: 'json',
  });
  const ours = list.collections.filter((name) => name.startsWith('hzd_')).sort();
  // The newest and one previous; the first push is deleted.
  assert.equal(ours.length, 2);
  assert.ok(!ours.includes(before));
  assert.ok(ours.includes(now));
});

test('law corpus: 10,000 sections pushed; search answers while a node is down', async () => {
  const docs = JSON.parse(gunzipSync(readFileSync(LAW_CORPUS)).toString('utf8')) as unknown[];
  const file = join(work, 'gesetze-10k.json');
  writeFileSync(file, JSON.stringify(docs));
  await push(file, 'gesetze', '--quiet');
  const all = await select(0, 'gesetze', { rows: '0' });
  assert.equal(all.response.numFound, docs.length);
  const query = { q: 'Wiederaufnahme des Verfahrens Privatkläger', rows: '5', fl: 'id' };
  const up = await select(0, 'gesetze', query);
  assert.ok(up.response.numFound > 0);
  await cloud.stopNode(1);
  const down = await select(0, 'gesetze', query);
  assert.deepEqual(
    down.response.docs.map((d) => d.id),
    up.response.docs.map((d) => d.id),
  );
  assert.equal((await select(0, 'gesetze', { rows: '0' })).response.numFound, docs.length);
});

/**
 * The sharded layout: the same ranking as the single file on the relevance sets, only the
 * shards a query needs are fetched, and damaged or missing shards are clear errors.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildIndex,
  IndexLoadError,
  loadIndex,
  type SearchDocument,
  type SerializedIndex,
} from '../../src/core/index.js';
import { checkManifest, ShardedIndex } from '../../src/core/sharded/sharded-index.js';
import { shardIndex, type ShardOptions } from '../../src/core/sharded/write.js';
import { readQuerySet, SETS } from '../eval/known-item/sets.js';
import { queriesOf } from '../eval/known-item/evaluate.js';
import { readQueries, readShippedDocuments } from '../eval/relevance.js';

/** A sharded index served from memory; `fetched` lists the files asked for. */
function sharded(index: SerializedIndex, options?: ShardOptions) {
  const { manifest, files } = shardIndex(JSON.parse(JSON.stringify(index)), options);
  const contents = new Map(files.map((file) => [file.name, file.content]));
  const fetched: string[] = [];
  const source = new ShardedIndex(
    checkManifest(JSON.parse(JSON.stringify(manifest))),
    async (path) => {
      fetched.push(path);
      const content = contents.get(path);
      if (content === undefined) throw new Error(`no file ${path}`);
      return JSON.parse(content);
    },
  );
  return { source, fetched, files, contents };
}

async function expectSameTopTen(
  index: SerializedIndex,
  queries: readonly { query: string }[],
  options?: ShardOptions,
) {
  const single = loadIndex(JSON.parse(JSON.stringify(index)));
  const { source } = sharded(index, options);
  for (const { query } of queries) {
    for (const prefix of [false, true]) {
      const expected = single.search(query, { limit: 10, prefix });
      const actual = await source.search(query, { limit: 10, prefix });
      assert.deepEqual(actual, expected, `"${query}" (prefix: ${prefix})`);
    }
    assert.deepEqual(await source.suggest(query), single.suggest(query), `suggest "${query}"`);
  }
}

describe('sharded index', () => {
  const shipped = buildIndex(readShippedDocuments());

  it('ranks the shipped relevance set exactly like the single file', async () => {
    await expectSameTopTen(shipped, readQueries(), {
      termShardCharacters: 2000,
      documentsPerShard: 2,
    });
  });

  const law = SETS.find((set) => set.name === 'law')!;
  const lawDocs = law.load();
  it(
    'ranks the held-out law set exactly like the single file',
    { skip: typeof lawDocs === 'string' ? lawDocs : false },
    async () => {
      const docs = lawDocs as Exclude<typeof lawDocs, string>;
      const index = buildIndex(
        docs.map((doc) => ({ id: doc.id, title: doc.title, url: doc.url, body: doc.body ?? '' })),
      );
      // Every second target, all kinds: enough to cover every code path, in reasonable time.
      const queries = queriesOf(readQuerySet(law)).filter((_, i) => i % 2 === 0);
      await expectSameTopTen(index, queries);
    },
  );

  it('fetches only the shards a query needs', async () => {
    const { source, fetched, files } = sharded(shipped, {
      termShardCharacters: 2000,
      documentsPerShard: 1,
    });
    const results = await source.search('Fußfessel', { limit: 3 });
    assert.ok(results.hits.length > 0);
    const terms = files.filter((file) => file.name.startsWith('terms/')).length;
    const fetchedTerms = fetched.filter((path) => path.startsWith('terms/')).length;
    assert.ok(fetchedTerms > 0 && fetchedTerms < terms / 2, `${fetchedTerms} of ${terms}`);
    assert.equal(fetched.filter((path) => path.startsWith('vocabulary/')).length, 1);
    // Documents: only those of the hits shown.
    assert.equal(
      fetched.filter((path) => path.startsWith('documents/')).length,
      results.hits.length,
    );
    // The same query again needs nothing new.
    const before = fetched.length;
    await source.search('Fußfessel', { limit: 3 });
    assert.equal(fetched.length, before);
  });

  it('names shards after their content, and the manifest finds them', () => {
    const { manifest, files } = shardIndex(shipped);
    const names = new Set(files.map((file) => file.name));
    for (const kind of [manifest.terms, manifest.vocabulary, manifest.documents]) {
      assert.match(kind.files, /^(terms|vocabulary|documents)\/[0-9a-f]{14}$/);
      for (let n = 0; n < kind.count; n++) assert.ok(names.has(`${kind.files}-${n}.json`));
    }
    const again = shardIndex(JSON.parse(JSON.stringify(shipped)));
    assert.deepEqual(
      again.files.map((file) => file.name),
      files.map((file) => file.name),
    );
    const changed = shardIndex(buildIndex(readShippedDocuments().slice(1)));
    assert.notEqual(changed.manifest.documents.files, manifest.documents.files);
  });

  it('refuses a damaged manifest and reports a damaged shard when it arrives', async () => {
    const { manifest } = shardIndex(shipped);
    assert.throws(
      () =>
        checkManifest({ ...manifest, terms: { first: ['b', 'a'], files: 'terms/x', count: 2 } }),
      (error: unknown) => error instanceof IndexLoadError && error.code === 'corrupt',
    );
    assert.throws(
      () => checkManifest({ ...manifest, analyzerVersion: 'de-0' }),
      (error: unknown) => error instanceof IndexLoadError && error.code === 'analyzer-mismatch',
    );
    const broken = new ShardedIndex(checkManifest(manifest), async () => ({ keys: 'nonsense' }));
    await assert.rejects(
      broken.search('Fußfessel'),
      (error: unknown) => error instanceof IndexLoadError && error.code === 'corrupt',
    );
  });

  it('retries a shard whose fetch failed', async () => {
    const { manifest, files } = shardIndex(shipped);
    const contents = new Map(files.map((file) => [file.name, file.content]));
    let failures = 1;
    const flaky = new ShardedIndex(checkManifest(manifest), async (path) => {
      if (failures-- > 0) throw new Error('network down');
      return JSON.parse(contents.get(path)!);
    });
    await assert.rejects(flaky.search('Fußfessel'), /network down/);
    assert.ok((await flaky.search('Fußfessel')).total > 0);
  });
});

describe('sharded index of tiny content', () => {
  it('works with one document', async () => {
    const docs: SearchDocument[] = [{ id: 'a', title: 'Wohngeld', url: '/a', body: 'Text.' }];
    const { source } = sharded(buildIndex(docs));
    assert.deepEqual(
      (await source.search('Wohngeld')).hits.map((hit) => hit.id),
      ['a'],
    );
  });
});

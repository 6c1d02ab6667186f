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
import {
  checkPack,
  packChain,
  packPrefixes,
  PACKED_PREFIX_LENGTHS,
  type PrefixPack,
} from '../../src/core/sharded/packs.js';
import { SearchIndex } from '../../src/core/search-index.js';
import { MemoryVocabulary, Vocabulary, WORD_END } from '../../src/core/vocabulary.js';
import {
  separator,
  shardIndex,
  shardKey,
  type ShardOptions,
} from '../../src/core/sharded/write.js';
import { fold } from '../../src/core/analysis/fold.js';
import { NAMING_MARK, plainKey } from '../../src/core/analysis/index-keys.js';
import { NAMING_FIELDS } from '../../src/core/engine.js';
import { decodePostings } from '../../src/core/postings.js';
import { readQuerySet, SETS } from '../eval/known-item/sets.js';
import { queriesOf } from '../eval/known-item/evaluate.js';
import { readQueries, readShippedDocuments } from '../eval/relevance.js';
import { FILTER_SITE } from './helpers/filter-site.js';
import {
  ENDING_WORD,
  FAMILY_STARTS,
  FIRST_LETTER,
  SHORT_FAMILY_START,
  WORD_FAMILIES,
} from './helpers/word-families.js';

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

/**
 * Runs `search` and counts the calls of a SearchIndex method it made: `rank` (scoring passes)
 * or `rankSearch` (rounds until nothing is missing).
 */
async function countCalls<T>(
  method: 'rank' | 'rankSearch',
  search: () => Promise<T>,
): Promise<{ result: T; calls: number }> {
  const prototype = SearchIndex.prototype as unknown as Record<
    typeof method,
    (...args: unknown[]) => unknown
  >;
  const original = prototype[method];
  let calls = 0;
  prototype[method] = function (this: unknown, ...args: unknown[]) {
    calls++;
    return original.apply(this, args);
  };
  try {
    return { result: await search(), calls };
  } finally {
    prototype[method] = original;
  }
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

  it('ranks once while the documents of the hits are fetched, not again after them', async () => {
    const { source, fetched } = sharded(shipped, { documentsPerShard: 1 });
    // Its keys loaded, its documents not: one ranking, then one round of documents.
    await source.search('Fußfessel', { limit: 0 });
    const before = fetched.length;
    const { result: results, calls: rankings } = await countCalls('rank', () =>
      source.search('Fußfessel', { limit: 3 }),
    );
    assert.ok(results.hits.length > 0 && results.hits.every((hit) => hit.title !== ''));
    assert.equal(
      fetched.slice(before).filter((path) => path.startsWith('documents/')).length,
      results.hits.length,
    );
    assert.equal(rankings, 1);
  });

  it('scores postings only once a search has every key it needs, not in the rounds that fetch them', async () => {
    const { source, fetched } = sharded(shipped, { documentsPerShard: 1 });
    // A cold index: the words' vocabulary letters and keys, then their completions' keys.
    const { result: results, calls: rankings } = await countCalls('rank', () =>
      source.search('Kooperation Verwalt', { limit: 3, prefix: true }),
    );
    assert.ok(results.hits.length > 0);
    assert.ok(fetched.some((path) => path.startsWith('vocabulary/')));
    assert.ok(fetched.filter((path) => path.startsWith('terms/')).length >= 2);
    assert.equal(rankings, 1);
  });

  it('fetches no vocabulary for a long known word, not one shard per letter its parts start with', async () => {
    for (const query of ['Zusammenarbeit', 'Datenverarbeitung']) {
      const { source, fetched } = sharded(shipped, { termShardCharacters: 2000 });
      assert.ok((await source.search(query, { prefix: false })).total > 0, query);
      const vocabulary = fetched.filter((path) => path.startsWith('vocabulary/'));
      // Known and frequent: no typo variants or parts to look up (a suggestion would need one).
      assert.equal(vocabulary.length, 0, `${query}: ${vocabulary.join(', ')}`);
    }
  });

  it('fetches no typo variants of a known word whose postings are still on their way', async () => {
    const options = { termShardCharacters: 400 };
    const terms = (paths: string[]) => paths.filter((path) => path.startsWith('terms/'));
    // What the search needs: with nothing loaded, no vocabulary is there to find variants in.
    const cold = sharded(shipped, options);
    const results = await cold.source.search('Zusammenarbeit', { prefix: false });
    assert.ok(results.total > 2, 'a known word');
    const needed = new Set(terms(cold.fetched));
    // With its letter's vocabulary loaded (the first letter was typed) but not its postings.
    const warm = sharded(shipped, options);
    await warm.source.prefetch('z');
    const before = warm.fetched.length;
    assert.deepEqual(await warm.source.search('Zusammenarbeit', { prefix: false }), results);
    const extra = terms(warm.fetched.slice(before)).filter((path) => !needed.has(path));
    assert.deepEqual(extra, [], 'no shards for typo variants');
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

describe('sharded index with filters, facets and sections', () => {
  const index = buildIndex(FILTER_SITE);
  const FACETS = ['category', 'type', 'levels', 'partners', 'zielgruppe', 'jahr'];
  const FILTERS: Record<string, string[]>[] = [
    {},
    { category: ['Leistung'] },
    { type: ['Formular', 'Rechner'], levels: ['Bund'] },
    { zielgruppe: ['Verwaltung'] },
    { category: ['Unbekannt'] },
    { farbe: ['rot'] },
  ];

  it('gives the same hits, totals, facets and sections as the single file', async () => {
    const single = loadIndex(JSON.parse(JSON.stringify(index)));
    const { source } = sharded(index, { termShardCharacters: 200, documentsPerShard: 2 });
    assert.deepEqual(source.filterValues, single.filterValues);
    let withSections = 0;
    for (const query of ['Wohngeld', 'Antrag', 'Höchstbetrag', 'Bruttokaltmiete', 'wohn']) {
      for (const filters of FILTERS) {
        for (const offset of [0, 2]) {
          const options = { filters, facets: FACETS, limit: 3, offset };
          const expected = single.search(query, options);
          assert.deepEqual(
            await source.search(query, options),
            expected,
            `"${query}" ${JSON.stringify(options)}`,
          );
          withSections += expected.hits.filter((hit) => hit.sections?.length).length;
        }
      }
    }
    assert.ok(withSections > 10, 'the comparison covers section hits');
  });

  it('fetches the filter keys with the query, from one term shard, in no extra round', async () => {
    // Shards of 300 characters: 12 term shards, the filter keys (434 characters) in one.
    const shape = { termShardCharacters: 300, documentsPerShard: 1 };
    const { manifest, files } = shardIndex(JSON.parse(JSON.stringify(index)), shape);
    const contents = new Map(files.map((file) => [file.name, file.content]));
    /** A fresh index counting term shards and rounds (the fetches a run asks for at once). */
    const counting = () => {
      const counts = { terms: 0, rounds: 0 };
      let inRound = false;
      const source = new ShardedIndex(
        checkManifest(JSON.parse(JSON.stringify(manifest))),
        async (path) => {
          if (!inRound) {
            inRound = true;
            counts.rounds++;
            queueMicrotask(() => (inRound = false));
          }
          if (path.startsWith('terms/')) counts.terms++;
          return JSON.parse(contents.get(path)!);
        },
      );
      return { source, counts };
    };
    const plain = counting();
    await plain.source.search('Bruttokaltmiete', { limit: 1 });
    const filtered = counting();
    const results = await filtered.source.search('Bruttokaltmiete', {
      limit: 1,
      filters: { category: ['Leistung'], zielgruppe: ['Bürger'] },
      facets: ['type'],
    });
    assert.equal(results.total, 1);
    assert.deepEqual(results.facets, { type: { Rechner: 1 } });
    assert.ok(files.filter((file) => file.name.startsWith('terms/')).length >= 10);
    assert.equal(
      filtered.counts.terms,
      plain.counts.terms + 1,
      'the keys of both filters and of the facet field share one shard',
    );
    assert.equal(filtered.counts.rounds, plain.counts.rounds);
  });
});

describe('short prefixes in a sharded index', () => {
  const shipped = buildIndex(readShippedDocuments());
  // Tiny shards: every completion of a prefix would be in a shard of its own.
  const options = { termShardCharacters: 400, documentsPerShard: 1 };

  it('match through naming keys: only naming-field postings, equal to the full ones there', () => {
    const keys = shipped.keys;
    const naming = keys.filter((key) => key.startsWith(NAMING_MARK));
    assert.ok(naming.length > 20, `${naming.length} naming keys`);
    for (const key of naming) {
      const full = decodePostings(shipped.postings[keys.indexOf(plainKey(key))]!);
      const own = decodePostings(shipped.postings[keys.indexOf(key)]!);
      const expected: number[][] = [];
      for (let d = 0; d < full.documents.length; d++) {
        for (let e = full.starts[d]!; e < full.starts[d + 1]!; e++) {
          const entry = [...full.entries.subarray(e * 5, e * 5 + 5)];
          if (NAMING_FIELDS.has(entry[0]!)) expected.push([full.documents[d]!, ...entry]);
        }
      }
      const actual: number[][] = [];
      for (let d = 0; d < own.documents.length; d++) {
        for (let e = own.starts[d]!; e < own.starts[d + 1]!; e++) {
          actual.push([own.documents[d]!, ...own.entries.subarray(e * 5, e * 5 + 5)]);
        }
      }
      assert.deepEqual(actual, expected, key);
    }
  });

  it('cost one or two term shards per word start, and rank like the single file', async () => {
    const single = loadIndex(JSON.parse(JSON.stringify(shipped)));
    for (const prefix of ['e', 'el', 'ele', 'ko', 'Hessen b', 'Bund un']) {
      const { source, fetched } = sharded(shipped, options);
      const actual = await source.search(prefix, { limit: 10, prefix: true });
      assert.deepEqual(actual, single.search(prefix, { limit: 10, prefix: true }), prefix);
      const words = prefix.split(' ').length;
      const terms = fetched.filter((path) => path.startsWith('terms/')).length;
      // A whole word before the prefix needs its own shards (exact, stem, phrase).
      assert.ok(terms <= 2 * words + (words > 1 ? 2 : 0), `"${prefix}": ${terms} term shards`);
    }
  });

  it('are loaded ahead by prefetch, without documents', async () => {
    const { source, fetched } = sharded(shipped, options);
    await source.prefetch('e');
    assert.ok(fetched.some((path) => path.startsWith('vocabulary/')));
    assert.ok(fetched.some((path) => path.startsWith('terms/')));
    assert.ok(!fetched.some((path) => path.startsWith('documents/')), fetched.join(', '));
    const before = fetched.length;
    await source.search('e', { prefix: true });
    assert.ok(
      fetched.slice(before).every((path) => path.startsWith('documents/')),
      `after prefetch: ${fetched.slice(before).join(', ')}`,
    );
  });

  it('highlight the completed word wherever the hit has it', async () => {
    const hits = loadIndex(JSON.parse(JSON.stringify(shipped))).search('ele', {
      prefix: true,
    }).hits;
    assert.ok(hits.length > 0);
    assert.ok(
      hits.some((hit) => hit.snippet.matches.length > 0),
      'a snippet marks the completion in the body',
    );
  });
});

describe('prefix packs', () => {
  const shipped = buildIndex(readShippedDocuments());
  const single = loadIndex(JSON.parse(JSON.stringify(shipped)));
  const kinds = (paths: readonly string[]) => paths.map((path) => path.split('/')[0]);
  /** Words of the content with at least four letters, most frequent first. */
  const words = [...shipped.vocabulary]
    .filter(([word]) => /^\p{L}{5,}$/u.test(word))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([word]) => word);

  it("hold a word's first hits: typed letter by letter, one pack per letter and no documents", async () => {
    for (const word of words) {
      const { source, fetched } = sharded(shipped);
      await source.prefetch(word.slice(0, 1));
      for (const length of PACKED_PREFIX_LENGTHS) {
        const prefix = word.slice(0, length);
        const before = fetched.length;
        const results = await source.search(prefix, { prefix: true });
        assert.deepEqual(results, single.search(prefix, { prefix: true }), prefix);
        const asked = kinds(fetched.slice(before));
        assert.ok(!asked.includes('documents'), `${prefix}: ${asked.join(', ')}`);
        assert.ok(asked.filter((kind) => kind === 'packs').length <= 1, `${prefix}: ${asked}`);
      }
    }
  });

  it('load the packs of the shorter prefixes too when a prefix comes at once', async () => {
    for (const word of words) {
      const { source, fetched } = sharded(shipped);
      await source.prefetch(word.slice(0, 1));
      const prefix = word.slice(0, 4);
      const before = fetched.length;
      const results = await source.search(prefix, { prefix: true });
      assert.deepEqual(results, single.search(prefix, { prefix: true }), prefix);
      const asked = kinds(fetched.slice(before));
      assert.equal(asked.filter((kind) => kind === 'packs').length, 3, `${prefix}: ${asked}`);
      assert.ok(!asked.includes('documents'), `${prefix}: ${asked.join(', ')}`);
    }
  });

  it('send each hit once along a chain, and are not used beyond a lone word', async () => {
    const { files, manifest } = shardIndex(JSON.parse(JSON.stringify(shipped)));
    const read = (name: string) => JSON.parse(files.find((file) => file.name === name)!.content);
    const packs = manifest.packs!;
    const byPrefix = new Map<string, PrefixPack>();
    manifest.vocabulary.letters.forEach((_, letter) => {
      const entries = read(`${manifest.vocabulary.files}-${letter}.json`) as [string][];
      packPrefixes(entries.map(([word]) => fold(word))).forEach((prefix, at) => {
        const n = packs.first[letter]! + at;
        byPrefix.set(prefix, checkPack(read(`${packs.files}-${n}.json`), shipped.documentCount));
      });
    });
    assert.equal(byPrefix.size, packs.count);
    for (const [prefix, pack] of byPrefix) {
      const shorter = packChain(prefix).slice(0, -1);
      const held = new Set(shorter.flatMap((chained) => byPrefix.get(chained)!.documents));
      assert.ok(!pack.documents.some((n) => held.has(n)), `${prefix}: a document sent twice`);
      for (const n of pack.documents) held.add(n);
      assert.ok(
        pack.hits.every((n) => held.has(n)),
        `${prefix}: its chain lacks a hit`,
      );
      const expected = single.search(prefix, { prefix: true }).hits.map((hit) => hit.id);
      assert.deepEqual(
        pack.hits.map((n) => shipped.documents[n]!.id),
        expected,
        prefix,
      );
    }

    const word = words[0]!;
    for (const [query, options] of [
      [`Hessen ${word.slice(0, 3)}`, {}],
      [word.slice(0, 3), { offset: 10 }],
      [word.slice(0, 3), { prefix: false }],
    ] as const) {
      const { source, fetched } = sharded(shipped);
      await source.prefetch(word.slice(0, 1));
      await source.search(query, options);
      assert.ok(!kinds(fetched).includes('packs'), `${query} ${JSON.stringify(options)}`);
    }
  });

  it('fall back to documents when a pack cannot be fetched; a damaged pack is an error', async () => {
    const prefix = words[0]!.slice(0, 3);
    const expected = single.search(prefix, { prefix: true });
    const { manifest, files } = shardIndex(JSON.parse(JSON.stringify(shipped)));
    const contents = new Map(files.map((file) => [file.name, file.content]));
    const serve = (pack: (path: string) => unknown) => async (path: string) =>
      path.startsWith('packs/') ? pack(path) : JSON.parse(contents.get(path)!);
    const offline = new ShardedIndex(
      checkManifest(manifest),
      serve(() => {
        throw new Error('network down');
      }),
    );
    assert.deepEqual(await offline.search(prefix, { prefix: true }), expected);
    const damaged = new ShardedIndex(
      checkManifest(manifest),
      serve(() => ({ hits: [0], documents: [0], records: [] })),
    );
    await assert.rejects(
      damaged.search(prefix, { prefix: true }),
      (error: unknown) => error instanceof IndexLoadError && error.code === 'corrupt',
    );
    assert.throws(
      () => checkManifest({ ...manifest, packs: { ...manifest.packs!, first: [0] } }),
      (error: unknown) => error instanceof IndexLoadError && error.code === 'corrupt',
    );
  });
});

describe('loading the next letter ahead', () => {
  const content = buildIndex(WORD_FAMILIES);
  const single = loadIndex(JSON.parse(JSON.stringify(content)));
  const options = { prefix: true, limit: 4 };
  // Small term shards, as on a large site: a word's keys and its name's key lie apart.
  const { manifest, files } = shardIndex(JSON.parse(JSON.stringify(content)), {
    termShardCharacters: 1000,
  });
  const contents = new Map(files.map((file) => [file.name, file.content]));
  /** A fresh sharded index of those documents; `fetched` lists its requests. */
  function fresh() {
    const fetched: string[] = [];
    const source = new ShardedIndex(checkManifest(manifest), async (path) => {
      fetched.push(path);
      return JSON.parse(contents.get(path)!);
    });
    return { source, fetched };
  }
  /** Types `start` letter by letter into a fresh sharded index; returns it with its requests. */
  async function typed(start: string) {
    const index = fresh();
    await index.source.prefetch(start.slice(0, 1));
    for (let length = 2; length <= start.length; length++)
      await index.source.search(start.slice(0, length), options);
    return index;
  }

  const likeliest = (vocabulary: Vocabulary, folded: string) => vocabulary.nextLetters(folded)[0];

  it('picks the letter that most of the words go on with, by their documents', () => {
    const vocabulary = new Vocabulary(
      new MemoryVocabulary([
        ['Wohnung', 10, 0],
        ['Wohngeld', 5, 0],
        ['Wohnen', 3, 0],
        ['Wohl', 20, 0],
      ]),
    );
    assert.deepEqual(likeliest(vocabulary, 'wohn'), { letter: 'u', share: 10 / 18 });
    assert.deepEqual(likeliest(vocabulary, 'woh'), { letter: 'l', share: 20 / 38 });
    assert.equal(likeliest(vocabulary, 'wohnung'), undefined, 'nothing follows');
    assert.equal(likeliest(vocabulary, 'xyz'), undefined);
    const ending = new Vocabulary(
      new MemoryVocabulary([
        ['Datei', 30, 0],
        ['Dateien', 10, 0],
        ['Dateiname', 5, 0],
      ]),
    );
    assert.deepEqual(likeliest(ending, 'datei'), { letter: WORD_END, share: 30 / 45 });
    assert.deepEqual(likeliest(ending, 'date'), { letter: 'i', share: 1 });
    assert.deepEqual(vocabulary.nextLetters('woh'), [
      { letter: 'l', share: 20 / 38 },
      { letter: 'n', share: 18 / 38 },
    ]);
    assert.deepEqual(ending.nextLetters('datei'), [
      { letter: WORD_END, share: 30 / 45 },
      { letter: 'e', share: 10 / 45 },
      { letter: 'n', share: 5 / 45 },
    ]);
  });

  /**
   * Typing `text` after `prepare` costs requests without loading ahead; loaded ahead from
   * `query`, it fetches nothing and ranks like the single file.
   */
  async function expectLoadedAhead(
    prepare: () => Promise<ReturnType<typeof fresh>>,
    query: string,
    text: string,
  ) {
    const control = await prepare();
    const controlBefore = control.fetched.length;
    await control.source.search(text, options);
    assert.ok(control.fetched.length > controlBefore, `${text} fetches nothing anyway`);

    const { source, fetched } = await prepare();
    assert.ok((await source.prefetchNextLetter(query, options)).includes(text), text);
    const loaded = fetched.length;
    assert.deepEqual(await source.search(text, options), single.search(text, options), text);
    assert.deepEqual(fetched.slice(loaded), [], text);
  }

  it('loads the documents of the likely next letter, so that typing it fetches nothing', async () => {
    for (const { start, next } of FAMILY_STARTS)
      await expectLoadedAhead(() => typed(start), start, `${start}${next}`);
  });

  it("loads ahead a query's short last word, which packs do not serve", async () => {
    const { start, next } = SHORT_FAMILY_START;
    const query = `Fristen ${start}`;
    const prepare = async () => {
      const index = await typed('Fristen');
      await index.source.search(query, options);
      return index;
    };
    await expectLoadedAhead(prepare, query, `${query}${next}`);
  });

  it('loads ahead a short word typed alone: the next letter has a pack of its own', async () => {
    const { start, next } = SHORT_FAMILY_START;
    await expectLoadedAhead(() => typed(start), start, `${start}${next}`);
  });

  it('loads ahead the first letter, from its prefetch', async () => {
    const { start } = SHORT_FAMILY_START;
    const first = start.slice(0, 1);
    const prepare = async () => {
      const index = fresh();
      await index.source.prefetch(first);
      return index;
    };
    await expectLoadedAhead(prepare, first, start.slice(0, 2));
  });

  it('loads ahead the likeliest letters after a lone first letter, until they carry two thirds', async () => {
    const { letter, likely, unlikely } = FIRST_LETTER;
    const prepare = async () => {
      const index = fresh();
      await index.source.prefetch(letter);
      return index;
    };
    const { source } = await prepare();
    assert.deepEqual(await source.prefetchNextLetter(letter, options), likely);
    for (const text of likely) await expectLoadedAhead(prepare, letter, text);
    const { source: other, fetched } = await prepare();
    await other.prefetchNextLetter(letter, options);
    const before = fetched.length;
    await other.search(unlikely, options);
    assert.ok(fetched.length > before, `${unlikely} was loaded ahead too`);
  });

  it('loads ahead the word ended, where the word most likely ends', async () => {
    await expectLoadedAhead(() => typed(ENDING_WORD), ENDING_WORD, `${ENDING_WORD} `);
  });

  it('loads nothing for a submitted search or an ended word', async () => {
    const { start } = FAMILY_STARTS[0]!;
    const { source, fetched } = await typed(start);
    const before = fetched.length;
    for (const [query, given] of [
      [start, { ...options, prefix: false }],
      [`${start} `, options],
    ] as const) {
      assert.deepEqual(await source.prefetchNextLetter(query, given), [], `"${query}"`);
    }
    assert.equal(fetched.length, before, fetched.slice(before).join(', '));
  });
});

describe('loading ahead for a later word', () => {
  const shipped = buildIndex(readShippedDocuments());
  const options = { prefix: true, limit: 10 };
  /** Words of the content with five letters or more, most frequent first. */
  const words = [...shipped.vocabulary]
    .filter(([word]) => /^\p{L}{5,}$/u.test(word))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([word]) => word);
  const queries = words
    .slice(0, 3)
    .flatMap((head) =>
      words.filter((word) => word !== head).map((word) => `${head} ${word.slice(0, 3)}`),
    );

  it('loads what the suggestions need too: phrase completions count their candidates', async () => {
    let suggestionsNeedMore = 0;
    for (const query of queries) {
      const { source, fetched } = sharded(shipped, { termShardCharacters: 400 });
      await source.search(query, options);
      for (const text of await source.prefetchNextLetter(query, options)) {
        const before = fetched.length;
        await source.search(text, options);
        await source.suggest(text);
        assert.deepEqual(fetched.slice(before), [], text);
        // The same text without loading ahead: do its suggestions need keys its search has not?
        const control = sharded(shipped, { termShardCharacters: 400 });
        await control.source.search(text, options);
        const searched = control.fetched.length;
        await control.source.suggest(text);
        if (control.fetched.length > searched) suggestionsNeedMore++;
      }
    }
    assert.ok(suggestionsNeedMore > 0, 'no text whose suggestions need more than its search');
  });
});

describe("a later word's first letter", () => {
  const shipped = buildIndex(readShippedDocuments());
  const single = loadIndex(JSON.parse(JSON.stringify(shipped)));
  const options = { prefix: true, limit: 10 };
  const { manifest, files } = shardIndex(JSON.parse(JSON.stringify(shipped)), {
    packSize: 0,
    termShardCharacters: 400,
  });
  const contents = new Map(files.map((file) => [file.name, file.content]));
  const head = [...shipped.vocabulary]
    .filter(([word]) => /^\p{L}{5,}$/u.test(word))
    .sort((a, b) => b[1] - a[1])[0]![0];
  const letters = manifest.vocabulary.letters.filter((letter) => letter !== fold(head)[0]);

  /** Rounds of ranking each `head x` takes, x a letter other than the head's, head loaded. */
  async function rounds(leading: boolean): Promise<number[]> {
    const counts: number[] = [];
    for (const letter of letters) {
      const given = JSON.parse(JSON.stringify(manifest)) as typeof manifest;
      if (!leading) delete given.vocabulary.leading;
      const source = new ShardedIndex(checkManifest(given), async (path) =>
        JSON.parse(contents.get(path)!),
      );
      await source.search(head, options);
      const query = `${head} ${letter}`;
      const { result, calls } = await countCalls('rankSearch', () => source.search(query, options));
      assert.deepEqual(result, single.search(query, options), query);
      counts.push(calls);
    }
    return counts;
  }

  it("is searched with the letter's leading words from the manifest while its words come", async () => {
    assert.equal(manifest.vocabulary.leading?.length, manifest.vocabulary.letters.length);
    const counts = await rounds(true);
    // One round names the letter's words and the keys of its completions, the next ranks.
    assert.ok(counts.length > 5);
    assert.ok(
      counts.every((count) => count <= 2),
      String(counts),
    );
    // Without them, the completions' keys wait for the letter's words: a round more.
    const without = await rounds(false);
    assert.ok(
      without.some((count) => count === 3),
      String(without),
    );
  });

  it('refuses leading words that do not match the letters', () => {
    const vocabulary = { ...manifest.vocabulary, leading: manifest.vocabulary.leading!.slice(1) };
    assert.throws(
      () => checkManifest({ ...manifest, vocabulary }),
      (error: unknown) => error instanceof IndexLoadError && error.code === 'corrupt',
    );
  });
});

describe('term shard boundaries', () => {
  it('are the shortest prefixes that tell a shard from the one before', () => {
    assert.equal(separator('apfel', 'banane'), 'b');
    assert.equal(separator('haus', 'hausbau'), 'hausb');
    assert.equal(separator('abc', 'abd'), 'abd');
    assert.equal(separator('', 'x'), 'x');
  });

  it('keep the manifest short and still find every key', async () => {
    const index = buildIndex(readShippedDocuments());
    const { manifest, files } = shardIndex(JSON.parse(JSON.stringify(index)), {
      termShardCharacters: 400,
    });
    const first = manifest.terms.first;
    assert.ok(first.length > 20);
    let separators = 0;
    let firstKeys = 0;
    first.forEach((boundary, n) => {
      const file = files.find((each) => each.name === `${manifest.terms.files}-${n}.json`)!;
      const keys = (JSON.parse(file.content) as { keys: string[] }).keys.map(shardKey).sort();
      assert.ok(keys[0]!.startsWith(boundary), `shard ${n} starts at ${keys[0]}, not ${boundary}`);
      separators += boundary.length;
      firstKeys += keys[0]!.length;
    });
    assert.ok(separators < 0.8 * firstKeys, `${separators} of ${firstKeys} characters`);
    const single = loadIndex(JSON.parse(JSON.stringify(index)));
    const { source } = sharded(index, { termShardCharacters: 400 });
    for (const key of index.keys.filter((_, i) => i % 7 === 0)) {
      const word = plainKey(key).replace(/^[=!]/, '');
      if (!/^[\p{L}\p{N}]+$/u.test(word)) continue;
      assert.deepEqual(await source.search(word), single.search(word), word);
    }
  });
});

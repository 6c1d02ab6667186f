/**
 * `<hzd-search>` over a sharded index (`index-src` naming a folder): the results of the single
 * file, the shards fetched as the words need them, and shard failures: a flaky network is
 * retried, a missing or damaged shard is the error state, and "Erneut versuchen" recovers.
 */
import { expect, html, oneEvent } from '@open-wc/testing';
import { clearIndexCache, type HzdErrorEvent } from '../../src/index.js';
import { shardIndex } from '../../src/core/sharded/write.js';
import { stubFetch, type FetchStub } from './helpers/fetch.js';
import { renderSearch, serializedIndex, testIndex } from './helpers/harness.js';

/** Small shards, so the test index of a dozen documents has many of each kind. */
const SHARDS = shardIndex(serializedIndex(), { termShardCharacters: 600, documentsPerShard: 1 });
let folderNumber = 0;

interface ServedFolder {
  /** The folder URL for `index-src` (a new one per test: no shared load between tests). */
  url: string;
  /** Paths of the index files fetched, relative to the folder, in order. */
  fetched: string[];
  /** Decides per request how a path is answered (default: the file). */
  answer?: (path: string, attempt: number) => Response | Promise<Response> | undefined;
}

function serveFolder(): { folder: ServedFolder; stub: FetchStub } {
  const url = new URL(`/sharded-${++folderNumber}/`, location.href).href;
  const folder: ServedFolder = { url, fetched: [] };
  const attempts = new Map<string, number>();
  const stub = stubFetch(async (requested, init, real) => {
    if (!requested.startsWith(url)) return real(requested, init);
    const path = requested.slice(url.length);
    const attempt = (attempts.get(path) ?? 0) + 1;
    attempts.set(path, attempt);
    folder.fetched.push(path);
    const answered = await folder.answer?.(path, attempt);
    if (answered) return answered;
    const file = SHARDS.files.find((candidate) => candidate.name === path);
    return file
      ? new Response(file.content, { headers: { 'content-type': 'application/json' } })
      : new Response('Not found', { status: 404 });
  });
  return { folder, stub };
}

const kind = (path: string) => path.split('/')[0];

describe('sharded index', () => {
  let stub: FetchStub | undefined;

  afterEach(() => {
    stub?.restore();
    stub = undefined;
    clearIndexCache();
  });

  it('finds what the single file finds, fetching the manifest once and shards as needed', async () => {
    expect(SHARDS.manifest.terms.count, 'premise: many term shards').to.be.above(5);
    const served = serveFolder();
    stub = served.stub;
    const h = await renderSearch(html`<hzd-search index-src=${served.folder.url}></hzd-search>`);
    // Pasted with the word complete, not typed: the hits of each letter typed (how many of them
    // get searched depends on the machine's speed) would bring document shards of their own.
    await h.fill('wohngeld ');
    await h.press('Enter');
    await h.waitForState('results');

    const expected = testIndex()
      .search('wohngeld', { prefix: false })
      .hits.map((hit) => hit.title);
    expect(h.cardTitles).to.deep.equal(expected);
    const fetched = served.folder.fetched;
    expect(fetched.filter((path) => path === 'manifest.json')).to.have.length(1);
    const terms = fetched.filter((path) => kind(path) === 'terms');
    expect(terms.length, 'only some term shards').to.be.within(1, SHARDS.manifest.terms.count - 1);
    const documents = fetched.filter((path) => kind(path) === 'documents');
    expect(documents.length, 'document shards of the hits shown').to.equal(expected.length);
    expect(new Set(fetched).size, 'no file twice').to.equal(fetched.length);
  });

  it('retries a shard that fails on the network, without an error shown', async () => {
    const served = serveFolder();
    stub = served.stub;
    // Every shard fails on its first attempt, as on a flaky mobile connection.
    served.folder.answer = (path, attempt) =>
      path !== 'manifest.json' && attempt === 1
        ? Promise.reject(new TypeError('Failed to fetch'))
        : undefined;
    const h = await renderSearch(html`<hzd-search index-src=${served.folder.url}></hzd-search>`);
    await h.type('wohngeld');
    await h.press('Enter');
    await h.waitForState('results');
    expect(h.cardTitles.length).to.be.above(0);
    expect(h.$('[part="error"]')).to.equal(null);
  });

  for (const [name, answer, message] of [
    [
      'missing (404)',
      () => new Response('Not found', { status: 404 }),
      /HTTP 404. Copy the whole folder/,
    ],
    ['damaged (not JSON)', () => new Response('<!doctype html><p>Wartung</p>'), /damaged|JSON/],
  ] as const) {
    it(`a ${name} term shard is the error state; "Erneut versuchen" recovers`, async () => {
      const served = serveFolder();
      stub = served.stub;
      let broken = true;
      served.folder.answer = (path) => (broken && kind(path) === 'terms' ? answer() : undefined);
      const h = await renderSearch(html`<hzd-search index-src=${served.folder.url}></hzd-search>`);
      const error = oneEvent(h.el, 'hzd-error') as Promise<HzdErrorEvent>;
      const consoleError = console.error;
      console.error = () => {};
      try {
        await h.type('wohngeld');
        const { detail } = await error;
        expect(detail.message).to.match(message);
        await h.waitForState('error');
      } finally {
        console.error = consoleError;
      }
      expect(h.$('[part="error"]')!.textContent).to.contain('nicht verfügbar');

      broken = false;
      h.$<HTMLButtonElement>('[part="error"] button')!.click();
      await h.waitForState('results');
      expect(h.cardTitles.length).to.be.above(0);
      expect(h.input.value).to.equal('wohngeld');
    });
  }
});

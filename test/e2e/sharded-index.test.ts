/**
 * A large site's index as the CLI writes it with `--out folder/`, used by the built widget as a
 * webmaster would: `index-src` names the folder (or its manifest). On first focus only the
 * manifest and the shards the typed words need are fetched, then the document shards of the hits
 * shown; the results equal those of the single-file index of the same documents; the engine runs
 * in a Web Worker, and in the page where workers are unavailable.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright';
import { LEXICON_WORDS } from '../../src/core/analysis/lexicon-de.js';
import type { ShardedManifest } from '../../src/core/sharded/layout.js';
import { useBrowser } from './helpers/browser.js';
import { modulePage } from './helpers/pages.js';
import { DIST, distFile, WIDGET_DIR } from './helpers/paths.js';
import { attachProbe } from './helpers/probe.js';
import { runOk } from './helpers/run.js';
import { startStaticServer, type StaticServer } from './helpers/static-server.js';
import { combobox, resultCards, submitSearch, typeAndWaitForResults } from './helpers/widget.js';

const DOCUMENT_COUNT = 1500;
const FOLDER = '/daten/suchindex/';

/** A deterministic pseudo-random sequence (mulberry32), so every run indexes the same site. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = LEXICON_WORDS.split(/\s+/).filter((word) => word.length >= 6);
const capitalized = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/** Pages of German words: enough keys for dozens of term shards and hundreds of documents. */
function siteDocuments() {
  const next = random(20261202);
  const word = () => WORDS[Math.floor(next() * WORDS.length)]!;
  return Array.from({ length: DOCUMENT_COUNT }, (_, n) => ({
    id: `seite-${n}`,
    title: `${capitalized(word())} und ${capitalized(word())}`,
    url: `/seiten/${n}`,
    body: Array.from({ length: 60 }, word).join(' '),
  }));
}

const browser = useBrowser();
let server: StaticServer;
let tmp: string;
let manifest: ShardedManifest;
/** Words that several pages share, so a search has a full first page of hits. */
let commonWords: string[];

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'hzd-sharded-'));
  const documents = siteDocuments();
  const input = join(tmp, 'site.jsonl');
  await writeFile(input, documents.map((doc) => JSON.stringify(doc)).join('\n'));
  const cli = distFile('cli.js');
  await runOk(process.execPath, [cli, input, '--out', join(tmp, 'suchindex/'), '--quiet'], DIST);
  await runOk(
    process.execPath,
    [cli, input, '--out', join(tmp, 'suchindex.json'), '--quiet'],
    DIST,
  );
  manifest = JSON.parse(await readFile(join(tmp, 'suchindex', 'manifest.json'), 'utf8'));

  const pages = new Map<string, number>();
  for (const doc of documents) {
    for (const word of new Set(doc.body.split(' '))) pages.set(word, (pages.get(word) ?? 0) + 1);
  }
  commonWords = [...pages].filter(([, count]) => count >= 20 && count <= 60).map(([w]) => w);

  const page = (indexSrc: string) => ({
    body: modulePage(`<hzd-search index-src="${indexSrc}"></hzd-search>`),
  });
  server = await startStaticServer({
    files: {
      '/folder.html': page(FOLDER),
      '/manifest.html': page(`${FOLDER}manifest.json`),
      '/single.html': page('/daten/suchindex.json'),
    },
    dirs: { '/daten/': tmp, '/': WIDGET_DIR },
  });
});

after(async () => {
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** The index files the widget asked for since `from`, by kind (`manifest`, `terms`, …). */
function indexRequests(from: number): Record<string, string[]> {
  const kinds: Record<string, string[]> = {};
  for (const { path } of server.requests.slice(from)) {
    if (!path.startsWith(FOLDER)) continue;
    const file = path.slice(FOLDER.length);
    const kind = file === 'manifest.json' ? 'manifest' : file.split('/')[0]!;
    (kinds[kind] ??= []).push(file);
  }
  return kinds;
}

/** Waits until the server has had no request for 300 ms. */
async function requestsSettled(): Promise<void> {
  for (let seen = -1; seen !== server.requests.length;) {
    seen = server.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** The titles of the result cards, in order, as read. */
async function titles(page: Page): Promise<string[]> {
  const links = resultCards(page).getByRole('link');
  return (await links.allTextContents()).map((title) => title.replaceAll('\u00ad', '').trim());
}

async function open(context: BrowserContext, path: string) {
  const page = await context.newPage();
  const probe = await attachProbe(page);
  await page.goto(server.url(path));
  await combobox(page).waitFor();
  return { page, probe };
}

/** The queries compared between the formats: one word, two words, a typo. */
function queries(): string[] {
  const [first, second, third] = commonWords;
  assert.ok(first && second && third, 'the generated site has words on 20–60 pages');
  const typo = third.slice(0, 3) + third.slice(4);
  return [first, `${first} ${second}`, typo];
}

describe('sharded index from index-src', () => {
  test('the CLI wrote a manifest and many shards', () => {
    assert.equal(manifest.layout, 'sharded');
    assert.equal(manifest.documentCount, DOCUMENT_COUNT);
    // The premise of the request counts below: the index is split, not one big file.
    assert.ok(manifest.terms.count >= 10, `${manifest.terms.count} term shards`);
    assert.ok(manifest.documents.count >= 50, `${manifest.documents.count} document shards`);
  });

  test('first focus fetches the manifest only; a search only what it needs', async () => {
    const context = await browser.newContext();
    const from = server.requests.length;
    const { page, probe } = await open(context, '/folder.html');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(indexRequests(from), {}, 'nothing of the index before the first focus');

    const manifestRequest = page.waitForRequest(server.url(`${FOLDER}manifest.json`));
    await combobox(page).focus();
    const request = await manifestRequest;
    // Always fetched fresh: a rebuilt site is seen at once, while shards are cached for ever.
    assert.match((await request.allHeaders())['cache-control'] ?? '', /no-cache|max-age=0/);

    const word = commonWords[0]!;
    const { total } = await submitSearch(page, probe, word);
    assert.ok(total >= 10, `"${word}" is on ${total} pages`);
    const shown = (await titles(page)).length;
    assert.equal(shown, 10);

    const fetched = indexRequests(from);
    assert.equal(fetched['manifest']?.length, 1, 'the manifest once');
    const terms = fetched['terms'] ?? [];
    const vocabulary = fetched['vocabulary'] ?? [];
    const documents = fetched['documents'] ?? [];
    assert.ok(terms.length >= 1 && terms.length <= 3, `term shards: ${terms.join(', ')}`);
    assert.ok(vocabulary.length <= 1, `vocabulary shards: ${vocabulary.join(', ')}`);
    // Only the shards of the hits on screen: at most one per card.
    assert.ok(documents.length >= 1 && documents.length <= shown, `${documents.length} shards`);
    for (const files of [terms, vocabulary, documents]) {
      assert.equal(new Set(files).size, files.length, `each shard once: ${files.join(', ')}`);
    }
    await context.close();
  });

  test('typing a word letter by letter does not cost a request per letter', async () => {
    const context = await browser.newContext();
    const { page } = await open(context, '/folder.html');
    await combobox(page).focus();
    await page.waitForLoadState('networkidle');
    const from = server.requests.length;

    const word = commonWords.find((candidate) => candidate.length >= 9) ?? commonWords[0]!;
    await typeAndWaitForResults(page, word);
    const fetched = indexRequests(from);
    const termsAndWords = [...(fetched['terms'] ?? []), ...(fetched['vocabulary'] ?? [])];
    assert.ok(
      termsAndWords.length <= 4,
      `${word.length} letters cost ${termsAndWords.length} term and vocabulary requests`,
    );
    await context.close();
  });

  test('the first letter loads its vocabulary and naming keys ahead, and no documents', async () => {
    const context = await browser.newContext();
    const { page } = await open(context, '/folder.html');
    await combobox(page).focus();
    await page.waitForResponse((response) => response.url().endsWith('manifest.json'));
    const word = commonWords[0]!;
    let from = server.requests.length;
    const vocabulary = page.waitForResponse((response) => response.url().includes('/vocabulary/'));
    await page.keyboard.type(word[0]!);
    await vocabulary;
    await requestsSettled();
    const ahead = indexRequests(from);
    assert.equal(ahead['vocabulary']?.length, 1, "the letter's vocabulary");
    assert.ok((ahead['terms']?.length ?? 0) >= 1, 'its naming keys');
    assert.equal(ahead['documents'], undefined, 'no documents for a letter that is not searched');
    // At most the packs of the three likeliest second letters, loaded ahead.
    assert.ok((ahead['packs']?.length ?? 0) <= 3, `packs: ${ahead['packs']?.join(', ')}`);

    from = server.requests.length;
    await page.keyboard.type(word[1]!);
    await resultCards(page).first().waitFor();
    const second = indexRequests(from);
    assert.equal(second['vocabulary'], undefined, 'the vocabulary came with the first letter');
    // The hits of a word's first letters come in one prefix pack, not one request per card: the
    // second letter's, unless it was loaded ahead; and the third letter's, loaded ahead once the
    // results are out.
    const packs = [...(ahead['packs'] ?? []), ...(second['packs'] ?? [])];
    assert.ok(packs.length >= 1, 'the hits come in a pack');
    assert.equal(new Set(packs).size, packs.length, `no pack twice: ${packs.join(', ')}`);
    assert.ok((second['packs']?.length ?? 0) <= 2, `packs: ${second['packs']?.join(', ')}`);
    assert.equal(second['documents'], undefined, `documents: ${second['documents']?.join(', ')}`);
    assert.ok((await resultCards(page).count()) >= 1, 'the hits shown');
    await context.close();
  });

  test('the same results as the single file, from the folder URL and the manifest URL', async () => {
    const context = await browser.newContext();
    const results: Record<string, string[][]> = {};
    for (const path of ['/single.html', '/folder.html', '/manifest.html']) {
      const { page, probe } = await open(context, path);
      results[path] = [];
      for (const query of queries()) {
        await submitSearch(page, probe, query);
        results[path].push(await titles(page));
      }
      // A word being typed: completed as a prefix.
      await combobox(page).fill('');
      await typeAndWaitForResults(page, commonWords[1]!.slice(0, 5));
      results[path].push(await titles(page));
      await page.close();
    }
    assert.deepEqual(
      results['/single.html']!.map((list) => list.length > 0),
      [true, true, true, true],
      'every query finds pages',
    );
    assert.deepEqual(results['/folder.html'], results['/single.html']);
    assert.deepEqual(results['/manifest.html'], results['/single.html']);
    await context.close();
  });

  test('the engine runs in a Web Worker, and in the page where workers are unavailable', async () => {
    const context = await browser.newContext();
    const { page, probe } = await open(context, '/folder.html');
    const [first] = queries();
    await submitSearch(page, probe, first!);
    const inWorker = await titles(page);
    assert.ok(
      page.workers().some((worker) => worker.url().endsWith('/hzd-search.worker.js')),
      'the search runs in hzd-search.worker.js',
    );

    const noWorkers = await context.newPage();
    await noWorkers.addInitScript(() => {
      delete (window as { Worker?: unknown }).Worker;
    });
    const fallbackProbe = await attachProbe(noWorkers);
    await noWorkers.goto(server.url('/folder.html'));
    await submitSearch(noWorkers, fallbackProbe, first!);
    assert.deepEqual(noWorkers.workers(), [], 'no worker was started');
    assert.deepEqual(await titles(noWorkers), inWorker, 'the same results in the page');
    assert.deepEqual(fallbackProbe.pageErrors, []);
    await context.close();
  });
});

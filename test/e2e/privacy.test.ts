/**
 * Privacy of the built widget: a visitor who loads the page and searches talks to the site's own
 * server only, and nothing is stored in the browser (no cookies, storage, IndexedDB or service
 * worker). With `index-src`, the index is the one extra request, and only once the visitor
 * starts to use the search: a page view alone costs no index download.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright';
import { useBrowser } from './helpers/browser.js';
import { modulePage } from './helpers/pages.js';
import { BUILT, distFile, WIDGET_DIR } from './helpers/paths.js';
import { attachProbe } from './helpers/probe.js';
import { startStaticServer, type StaticServer } from './helpers/static-server.js';
import { combobox, firstResultLink, firstResultTitle, submitSearch } from './helpers/widget.js';

const INDEX_PATH = '/daten/suchindex.json';

const browser = useBrowser();
let server: StaticServer;

before(async () => {
  server = await startStaticServer({
    files: {
      '/plain.html': { body: modulePage() },
      '/index-src.html': {
        body: modulePage(`<hzd-search index-src="${INDEX_PATH}"></hzd-search>`),
      },
      [INDEX_PATH]: distFile(BUILT.index),
    },
    dirs: { '/': WIDGET_DIR },
  });
});

after(() => server?.close());

/** Every URL the context requested, in order, without repeats. */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => {
    if (!urls.includes(request.url())) urls.push(request.url());
  });
  return urls;
}

/** Chromium asks for /favicon.ico on its own; that request is the browser's, not the widget's. */
function withoutFavicon(urls: readonly string[]): string[] {
  return urls.filter((url) => new URL(url).pathname !== '/favicon.ico');
}

/** Asserts that nothing about the visit was stored in the browser. */
async function assertNothingStored(context: BrowserContext, page: Page): Promise<void> {
  assert.deepEqual(await context.cookies(), [], 'no cookies');
  const stored = await page.evaluate(async () => ({
    cookie: document.cookie,
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    databases: (await indexedDB.databases()).map((db) => db.name),
    // 127.0.0.1 is a secure context, so the API exists and an empty list means something.
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
  }));
  assert.deepEqual(stored, {
    cookie: '',
    localStorage: 0,
    sessionStorage: 0,
    databases: [],
    serviceWorkers: [],
  });
}

describe('privacy', () => {
  test('a page view loads only the script before interaction, until pointer or focus', async () => {
    const context = await browser.newContext();
    const urls = recordRequests(context);
    const page = await context.newPage();
    await page.goto(server.url('/plain.html'));
    await page.waitForLoadState('networkidle');
    // Idle time is when an eager loader would strike.
    await page.waitForTimeout(1500);
    assert.deepEqual(withoutFavicon(urls).sort(), [
      server.url('/hzd-search.js'),
      server.url('/hzd-search.shared.js'),
      server.url('/hzd-search.text.js'),
      server.url('/plain.html'),
    ]);
    const session = page.waitForRequest(server.url('/hzd-search.session.js'));
    await combobox(page).hover();
    await session;
    await context.close();
  });

  test('bundled index: only same-origin requests, nothing stored', async () => {
    const context = await browser.newContext();
    const urls = recordRequests(context);
    const page = await context.newPage();
    const probe = await attachProbe(page);

    await page.goto(server.url('/plain.html'));
    const { total } = await submitSearch(page, probe, 'wohngeld');
    assert.ok(total > 0);
    await firstResultLink(page).waitFor();

    for (const url of urls) assert.equal(new URL(url).origin, server.origin, `request to ${url}`);
    // Only the files of the widget folder: no fonts, nothing from elsewhere.
    assert.deepEqual(withoutFavicon(urls).sort(), [
      server.url('/hzd-kooperationen.index.json'),
      server.url('/hzd-search.js'),
      server.url('/hzd-search.session.js'),
      server.url('/hzd-search.shared.js'),
      server.url('/hzd-search.text.js'),
      server.url('/hzd-search.worker.js'),
      server.url('/plain.html'),
    ]);
    await assertNothingStored(context, page);
  });

  test('choosing a result sends nothing: no request on hzd-select (no analytics by default)', async () => {
    const context = await browser.newContext();
    const urls = recordRequests(context);
    const page = await context.newPage();
    const probe = await attachProbe(page);

    await page.goto(server.url('/plain.html'));
    const { total } = await submitSearch(page, probe, 'wohngeld');
    assert.ok(total > 0);
    await firstResultLink(page).waitFor();
    await page.waitForLoadState('networkidle');
    const before = withoutFavicon(urls);
    // The page keeps itself (a single-page app would route): what the click alone causes counts.
    await page.evaluate(() => {
      window.addEventListener('hzd-select', (event) => {
        event.preventDefault();
        (window as unknown as { chosen: string }).chosen = (
          event as CustomEvent<{ url: string }>
        ).detail.url;
      });
    });
    await firstResultLink(page).click();
    const chosen = await page.waitForFunction(
      () => (window as unknown as { chosen?: string }).chosen,
    );
    assert.ok(String(await chosen.jsonValue()).length > 0, 'hzd-select names the URL chosen');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(withoutFavicon(urls), before, 'no request after the choice');
    await assertNothingStored(context, page);
  });

  test("index-src: the page's index, fetched on first focus, and not the bundled one", async () => {
    const context = await browser.newContext();
    const urls = recordRequests(context);
    const page = await context.newPage();
    const probe = await attachProbe(page);
    const indexUrl = server.url(INDEX_PATH);
    const earlier = server.requests.length;

    await page.goto(server.url('/index-src.html'));
    await combobox(page).waitFor();
    // Nothing more is on its way: had the widget fetched the index eagerly, it would be here.
    await page.waitForLoadState('networkidle');
    assert.ok(!urls.includes(indexUrl), 'the index is not requested on page load');

    const indexRequest = page.waitForRequest(indexUrl);
    await combobox(page).focus();
    await indexRequest;

    const { total } = await submitSearch(page, probe, 'wohngeld');
    assert.ok(total > 0, 'the index from index-src finds something');
    assert.match(await firstResultTitle(page), /HeWoG|Wohngeld/);

    for (const url of urls) assert.equal(new URL(url).origin, server.origin, `request to ${url}`);
    // The page's own index, and not the bundled one.
    assert.deepEqual(withoutFavicon(urls).sort(), [
      indexUrl,
      server.url('/hzd-search.js'),
      server.url('/hzd-search.session.js'),
      server.url('/hzd-search.shared.js'),
      server.url('/hzd-search.text.js'),
      server.url('/hzd-search.worker.js'),
      server.url('/index-src.html'),
    ]);
    const indexFetches = server.requests
      .slice(earlier)
      .filter((request) => request.path === INDEX_PATH);
    assert.equal(indexFetches.length, 1, 'the index is fetched once');
    await assertNothingStored(context, page);
  });
});

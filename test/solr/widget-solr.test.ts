/**
 * The built script-tag widget (dist/widget/) with `solr-url`, in Chromium, against a real
 * SolrCloud. The page's origin reaches Solr under /solr/ as a site's reverse proxy would (here
 * Playwright's routing forwards those requests to the cluster), so no CORS is involved. Results
 * come from Solr; a missing collection and a stopped Solr show the widget's error state.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright';
import { readShippedDocuments } from '../eval/relevance.js';
import { useBrowser } from '../e2e/helpers/browser.js';
import { modulePage } from '../e2e/helpers/pages.js';
import { WIDGET_DIR } from '../e2e/helpers/paths.js';
import { startStaticServer, type StaticServer } from '../e2e/helpers/static-server.js';
import { combobox, firstResultTitle, typeAndWaitForResults } from '../e2e/helpers/widget.js';
import { startSolrCloud, type SolrCloud } from './helpers/cluster.js';

let cloud: SolrCloud | undefined;
let server: StaticServer | undefined;
const browser = useBrowser();

before(async () => {
  cloud = await startSolrCloud();
  await cloud.createCollection('portal', 1, 1);
  const docs = readShippedDocuments().map((doc) => ({
    id: doc.id,
    url: doc.url ?? `/${String(doc.id)}`,
    title: doc.title,
    summary: doc.summary,
    body: doc.body,
    keywords: doc.keywords,
    category: doc.category,
  }));
  const response = await fetch(`${cloud.urls[0]}/portal/update?commit=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(docs),
  });
  assert.equal(response.status, 200, await response.text());
  server = await startStaticServer({
    dirs: { '/': WIDGET_DIR },
    files: {
      '/solr.html': { body: modulePage('<hzd-search solr-url="/solr/portal/"></hzd-search>') },
      '/missing.html': { body: modulePage('<hzd-search solr-url="/solr/keine/"></hzd-search>') },
    },
  });
});

after(async () => {
  await server?.close();
  await cloud?.close();
});

/** Forwards the page's /solr/* requests to the cluster's first node, as a reverse proxy. */
async function proxySolr(page: Page, solrRequests: string[]): Promise<void> {
  await page.route('**/solr/**', async (route) => {
    const url = new URL(route.request().url());
    solrRequests.push(url.pathname);
    const target = `${cloud!.urls[0]}${url.pathname.slice('/solr'.length)}${url.search}`;
    try {
      const response = await fetch(target);
      await route.fulfill({
        status: response.status,
        contentType: response.headers.get('content-type') ?? 'application/json',
        body: Buffer.from(await response.arrayBuffer()),
      });
    } catch {
      await route.abort('connectionrefused');
    }
  });
}

/** Listens for `hzd-error`; `code` resolves with its code (wrapped: an async function would wait). */
async function errorCode(page: Page): Promise<{ code: Promise<string> }> {
  await page.evaluate(() => {
    document.addEventListener('hzd-error', (event) => {
      (window as { hzdErrorCode?: string }).hzdErrorCode = (event as CustomEvent).detail.code;
    });
  });
  return {
    code: page
      .waitForFunction(() => (window as { hzdErrorCode?: string }).hzdErrorCode)
      .then((handle) => handle.jsonValue() as Promise<string>),
  };
}

describe('<hzd-search solr-url> on a real SolrCloud', { timeout: 300_000 }, () => {
  it('searches Solr through the site origin and shows its results', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const solrRequests: string[] = [];
    await proxySolr(page, solrRequests);
    await page.goto(server!.url('/solr.html'));
    await typeAndWaitForResults(page, 'Fußfessel');
    assert.match(await firstResultTitle(page), /Aufenthaltsüberwachung/);
    assert.ok(solrRequests.every((path) => path.startsWith('/solr/portal/hzd/')));
    assert.ok(solrRequests.length > 0);
    const loaded = server!.requests.map((request) => request.path);
    assert.ok(loaded.includes('/hzd-search.solr.js'), 'the Solr code came as its own file');
    assert.ok(!loaded.some((path) => path.endsWith('.index.json')), 'no static index loaded');
  });

  it('a missing collection shows the error state (server)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await proxySolr(page, []);
    await page.goto(server!.url('/missing.html'));
    const { code } = await errorCode(page);
    await combobox(page).pressSequentially('wohngeld');
    assert.equal(await code, 'server');
    await page.locator('hzd-search [part="error"]').getByRole('button').waitFor();
  });

  it('a stopped Solr shows the error state (network)', async () => {
    await cloud!.stopNode(0);
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await proxySolr(page, []);
      await page.goto(server!.url('/solr.html'));
      const { code } = await errorCode(page);
      await combobox(page).pressSequentially('wohngeld');
      assert.equal(await code, 'network');
      await page.locator('hzd-search [part="error"]').getByRole('button').waitFor();
    } finally {
      await cloud!.startNode(0);
    }
  });
});

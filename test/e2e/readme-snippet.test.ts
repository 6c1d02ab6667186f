/**
 * The README's copy-and-paste snippet for webmasters, exactly as written there, next to a copy of
 * dist/hzd-search.js: if the README and the build drift apart (a renamed file, a changed tag),
 * a webmaster following the README gets a dead search box, and this test fails.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { useBrowser } from './helpers/browser.js';
import { blockAfter, readReadme } from '../tools/readme-blocks.js';
import { WIDGET_DIR } from './helpers/paths.js';
import { attachProbe } from './helpers/probe.js';
import { startStaticServer, type StaticServer } from './helpers/static-server.js';
import { firstResultTitle, typeAndWaitForResults } from './helpers/widget.js';

const browser = useBrowser();
let dir: string;
let server: StaticServer;

before(async () => {
  const snippet = blockAfter(readReadme(), 'webmaster-snippet').code;
  dir = await mkdtemp(join(tmpdir(), 'hzd-e2e-readme-'));
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Test</title></head><body>${snippet}</body></html>`,
  );
  // As the README says: the whole widget folder next to the page.
  await cp(WIDGET_DIR, dir, { recursive: true });
  server = await startStaticServer({ dirs: { '/': dir } });
});

after(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the README snippet gives a working search ("Fußfessel" → Aufenthaltsüberwachung)', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const probe = await attachProbe(page);

  await page.goto(server.url('/index.html'));
  await typeAndWaitForResults(page, 'Fußfessel');

  assert.match(await firstResultTitle(page), /Aufenthaltsüberwachung/);
  assert.deepEqual(probe.pageErrors, []);
  const requested = server.requests.filter((request) => request.path !== '/favicon.ico');
  assert.deepEqual(
    requested.slice(0, 2).map((request) => request.path),
    ['/index.html', '/hzd-search.js'],
    'the snippet loads the script by the name the README gives it',
  );
  // Everything else it fetched is a file of the folder the README says to copy.
  const folder = new Set(readdirSync(WIDGET_DIR).map((name) => `/${name}`));
  for (const { path } of requested.slice(2))
    assert.ok(folder.has(path), `${path} is in dist/widget/`);
});

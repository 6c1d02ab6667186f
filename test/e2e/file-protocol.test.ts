/**
 * A page opened from disk (file://), as a webmaster trying the snippet locally would. Browsers
 * give such a page the opaque origin "null" and load module scripts only through CORS, which
 * file:// URLs cannot answer, so `<script type="module">` never runs there; a classic script has
 * no such check. The README says so; these tests hold both statements to the real browser, with
 * the README's snippets as written.
 */
import assert from 'node:assert/strict';
import { copyFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { blockAfter, readReadme } from '../tools/readme-blocks.js';
import { useBrowser } from './helpers/browser.js';
import { htmlPage } from './helpers/pages.js';
import { BUILT, distFile, WIDGET_DIR } from './helpers/paths.js';
import { combobox, firstResultTitle, typeAndWaitForResults } from './helpers/widget.js';

const browser = useBrowser();
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hzd-e2e-file-'));
  await cp(WIDGET_DIR, dir, { recursive: true });
  const readme = readReadme();
  await writeFile(join(dir, 'module.html'), htmlPage(blockAfter(readme, 'webmaster-snippet').code));
  await writeFile(join(dir, 'classic.html'), htmlPage(blockAfter(readme, 'file-snippet').code));
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the classic-script snippet searches on a page opened from disk', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));

  await page.goto(pathToFileURL(join(dir, 'classic.html')).href);
  await typeAndWaitForResults(page, 'Fußfessel');
  assert.match(await firstResultTitle(page), /Aufenthaltsüberwachung/);
  assert.deepEqual(errors, []);
});

test('the module snippet does not run on a page opened from disk (CORS, origin "null")', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const console: string[] = [];
  page.on('console', (message) => console.push(message.text()));

  await page.goto(pathToFileURL(join(dir, 'module.html')).href);
  await page.waitForLoadState('load');
  assert.equal(
    await page.evaluate(() => customElements.get('hzd-search') === undefined),
    true,
    'the module script did not define the element',
  );
  assert.ok(
    console.some((text) => /CORS/.test(text) && /origin 'null'/.test(text)),
    `the browser says why: ${console.join(' | ')}`,
  );
});

test('index-src cannot load an index next to a page opened from disk', async () => {
  await copyFile(distFile(BUILT.index), join(dir, 'index.json'));
  await writeFile(
    join(dir, 'index-src.html'),
    htmlPage(
      blockAfter(readReadme(), 'file-snippet').code.replace(
        '<hzd-search>',
        '<hzd-search index-src="index.json">',
      ),
    ),
  );
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(dir, 'index-src.html')).href);
  await combobox(page).fill('Wohngeld');
  await page.waitForFunction(() => document.querySelector('hzd-search')?.state === 'error');
});

/**
 * The README's copy-and-paste snippet for webmasters, exactly as written there, next to a copy of
 * dist/hzd-search.js: if the README and the build drift apart (a renamed file, a changed tag),
 * a webmaster following the README gets a dead search box, and this test fails.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { useBrowser } from './helpers/browser.js';
import { BUILT, distFile, ROOT } from './helpers/paths.js';
import { attachProbe } from './helpers/probe.js';
import { startStaticServer, type StaticServer } from './helpers/static-server.js';
import { firstResultLink, typeAndWaitForResults } from './helpers/widget.js';

const MARKER = '<!-- webmaster-snippet -->';

/** The ```html block directly after the marker line (blank lines between are allowed). */
function snippetAfterMarker(readme: string): string {
  const lines = readme.split(/\r?\n/);
  const marker = lines.findIndex((line) => line.trim() === MARKER);
  if (marker < 0) throw new Error(`README.md has no line "${MARKER}" before the snippet.`);
  let start = marker + 1;
  while (start < lines.length && lines[start]!.trim() === '') start++;
  if (lines[start]?.trim() !== '```html') {
    throw new Error(`The line after "${MARKER}" in README.md must open a \`\`\`html block.`);
  }
  const end = lines.findIndex((line, index) => index > start && line.trim() === '```');
  if (end < 0) throw new Error(`The \`\`\`html block after "${MARKER}" is not closed.`);
  return lines.slice(start + 1, end).join('\n');
}

const browser = useBrowser();
let dir: string;
let server: StaticServer;

before(async () => {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8').catch(() => {
    throw new Error('README.md is missing; the webmaster snippet is read from it.');
  });
  const snippet = snippetAfterMarker(readme);
  dir = await mkdtemp(join(tmpdir(), 'hzd-e2e-readme-'));
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Test</title></head><body>${snippet}</body></html>`,
  );
  await copyFile(distFile(BUILT.esm), join(dir, 'hzd-search.js'));
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

  assert.match((await firstResultLink(page).textContent()) ?? '', /Aufenthaltsüberwachung/);
  assert.deepEqual(probe.pageErrors, []);
  const requested = server.requests.filter((request) => request.path !== '/favicon.ico');
  assert.deepEqual(
    requested.map((request) => request.path),
    ['/index.html', '/hzd-search.js'],
    'the snippet loads the script by the name the README gives it',
  );
});

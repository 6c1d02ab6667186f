/**
 * The npm package as users get it: `npm pack` with the `files` field deciding the contents, then
 * installed into an empty project from the tarball. The core, the CLI, a bundler build of the
 * components and the custom-elements manifest are used from node_modules there, so a missing
 * file or a wrong `exports`/`bin` entry fails here, not in a user's project.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { packTarball } from './helpers/pack.js';
import { ROOT } from './helpers/paths.js';
import { run, runOk } from './helpers/run.js';

/**
 * Everything the package publishes, file by file. `files` in package.json names these files and
 * folders; this list catches what a folder would let in unnoticed (a stale chunk, a test's
 * declaration, a new build output). A deliberate change to the package updates this list.
 */
const PUBLISHED = [
  'LICENSE',
  'README.md',
  'package.json',
  'dist/cli.js',
  'dist/custom-elements.json',
  'dist/hzd-kooperationen.index.json',
  'dist/hzd-search.iife.js',
  'dist/hzd-search.js',
  'dist/lib/chunks/core.js',
  'dist/lib/chunks/core.js.map',
  'dist/lib/chunks/default-index.js',
  'dist/lib/chunks/default-index.js.map',
  'dist/lib/core.js',
  'dist/lib/index.js',
  'dist/lib/index.js.map',
  // Declarations of every module the public types reach (tsconfig.types.json).
  ...[
    'components/result-card/highlight',
    'components/result-card/result-card',
    'components/result-card/result-card.styles',
    'components/search/light-form',
    'components/search/search-views',
    'components/search/search',
    'components/search/search.styles',
    'components/search/suggestion-options',
    'components/search/url-sync',
    'components/shared/heading',
    'components/shared/tokens.styles',
    'controllers/announcer-controller',
    'controllers/combobox-controller',
    'controllers/document-live-regions',
    'controllers/index-source',
    'controllers/search-controller',
    'core/analysis/analyzer',
    'core/analysis/decompound',
    'core/analysis/domain-words',
    'core/analysis/fold',
    'core/analysis/lexicon-de',
    'core/analysis/stem',
    'core/analysis/stopwords',
    'core/analysis/tokenize',
    'core/build',
    'core/engine-terms',
    'core/engine',
    'core/errors',
    'core/index',
    'core/load',
    'core/query',
    'core/schema',
    'core/search-index',
    'core/snippet',
    'core/synonym-table',
    'core/synonyms',
    'core/types',
    'core/url',
    'core/vocabulary',
    'default-index',
    'events',
    'i18n/de',
    'i18n/en',
    'i18n/format',
    'i18n/index',
    'index',
  ].map((module) => `dist/types/src/${module}.d.ts`),
];

const DOCUMENTS = [
  {
    id: 'wohngeld',
    title: 'Wohngeld beantragen',
    url: '/wohngeld',
    body: 'Ein Zuschuss zur Miete für Haushalte mit geringem Einkommen.',
  },
  {
    id: 'ausweis',
    title: 'Personalausweis',
    url: '/ausweis',
    body: 'Den Ausweis beantragen Sie im Bürgerbüro Ihrer Gemeinde.',
  },
];

function markdown(doc: (typeof DOCUMENTS)[number]): string {
  return [
    '---',
    `id: ${doc.id}`,
    `title: ${doc.title}`,
    `url: ${doc.url}`,
    '---',
    '',
    doc.body,
    '',
  ].join('\n');
}

let tmp: string;
let tarball: string;
let project: string;

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'hzd-e2e-pack-'));
  tarball = await packTarball(tmp);
});

after(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('the tarball holds exactly the published files', async () => {
  const { stdout } = await runOk('tar', ['-tzf', tarball], tmp);
  const files = stdout
    .split('\n')
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ''));
  const unexpected = files.filter((file) => !PUBLISHED.includes(file));
  const missing = PUBLISHED.filter((file) => !files.includes(file));
  assert.deepEqual(
    { unexpected, missing },
    { unexpected: [], missing: [] },
    'the tarball differs from PUBLISHED: fix package.json `files` or the build, or update the list',
  );
});

describe('installed from the tarball', { timeout: 150_000 }, () => {
  /** Runs an ES module script in the project, as a user's `node -e` would. */
  const node = (script: string) =>
    runOk(process.execPath, ['--input-type=module', '-e', script], project);

  before(async () => {
    project = join(tmp, 'project');
    await mkdir(project);
    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({ name: 'e2e-consumer', private: true, type: 'module' }),
    );
    await runOk(
      'npm',
      ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'],
      project,
    );
  });

  test('the core builds and searches an index', async () => {
    const { stdout } = await node(`
      import { buildIndex, loadIndex } from 'hzd-search-widget/core';
      const serialized = buildIndex(${JSON.stringify(DOCUMENTS)});
      const index = loadIndex(JSON.parse(JSON.stringify(serialized)));
      const results = index.search('Miete');
      console.log(JSON.stringify({
        documents: serialized.documentCount,
        hits: results.hits.map((hit) => hit.id),
      }));
    `);
    assert.deepEqual(JSON.parse(stdout), { documents: 2, hits: ['wohngeld'] });
  });

  test('the hzd-search-index bin indexes Markdown files', async () => {
    const content = join(project, 'content');
    await mkdir(content);
    for (const doc of DOCUMENTS) await writeFile(join(content, `${doc.id}.md`), markdown(doc));

    const bin = join(project, 'node_modules', '.bin', 'hzd-search-index');
    const result = await run(bin, ['content', '--out', 'site-index.json', '--quiet'], project);
    assert.equal(result.code, 0, result.stderr);

    const { stdout } = await node(`
      import { readFileSync } from 'node:fs';
      import { loadIndex } from 'hzd-search-widget/core';
      const index = loadIndex(readFileSync('site-index.json', 'utf8'));
      console.log(JSON.stringify(index.search('Bürgerbüro').hits.map((hit) => hit.url)));
    `);
    assert.deepEqual(JSON.parse(stdout), ['/ausweis']);
  });

  test('a Vite build bundles the components and the core', async () => {
    const app = join(project, 'app');
    await mkdir(app);
    await writeFile(
      join(app, 'index.html'),
      '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>App</title>' +
        '<script type="module" src="./main.js"></script></head>' +
        '<body><hzd-search></hzd-search></body></html>',
    );
    await writeFile(
      join(app, 'main.js'),
      "import 'hzd-search-widget';\n" +
        "import { loadIndex } from 'hzd-search-widget/core';\n" +
        "console.log(customElements.get('hzd-search'), loadIndex);\n",
    );
    const vite = join(ROOT, 'node_modules', '.bin', 'vite');
    await runOk(vite, ['build', '--logLevel', 'error'], app);

    const assets = join(app, 'dist', 'assets');
    const scripts = (await readdir(assets)).filter((file) => file.endsWith('.js'));
    assert.ok(scripts.length > 0, 'vite wrote JavaScript');
    const code = await Promise.all(scripts.map((file) => readFile(join(assets, file), 'utf8')));
    const bundle = code.join('\n');
    assert.ok(bundle.includes('hzd-search'), 'the bundle has hzd-search');
    // main.js never names the card: finding it proves the library itself was bundled.
    assert.ok(bundle.includes('hzd-result-card'), 'the bundle has the components');
  });

  test('package.json points customElements to the manifest', async () => {
    const installed = join(project, 'node_modules', 'hzd-search-widget');
    const pkg = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as {
      customElements?: string;
    };
    assert.ok(pkg.customElements, 'package.json has customElements');
    const manifest = join(installed, pkg.customElements);
    assert.ok(existsSync(manifest), `${pkg.customElements} is in the package`);
    const parsed = JSON.parse(await readFile(manifest, 'utf8')) as { modules?: unknown[] };
    assert.ok(
      Array.isArray(parsed.modules) && parsed.modules.length > 0,
      'the manifest lists modules',
    );
  });
});

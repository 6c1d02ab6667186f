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
import { blockAfter, readReadme } from '../tools/readme-blocks.js';
import { useBrowser } from './helpers/browser.js';
import { packTarball } from './helpers/pack.js';
import { htmlPage } from './helpers/pages.js';
import { ROOT } from './helpers/paths.js';
import { run, runOk } from './helpers/run.js';
import { startStaticServer, type StaticServer } from './helpers/static-server.js';
import { firstResultTitle, typeAndWaitForResults } from './helpers/widget.js';

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
  // The script-tag folder a webmaster copies as a whole.
  'dist/widget/hzd-kooperationen.index.js',
  'dist/widget/hzd-kooperationen.index.json',
  'dist/widget/hzd-search.iife.js',
  'dist/widget/hzd-search.js',
  'dist/widget/hzd-search.session.js',
  'dist/widget/hzd-search.shared.js',
  'dist/widget/hzd-search.solr.js',
  'dist/widget/hzd-search.text.js',
  'dist/widget/hzd-search.worker.js',
  // The library for bundlers: the worker and the shipped index are assets next to it.
  'dist/lib/chunks/core.js',
  'dist/lib/chunks/core.js.map',
  'dist/lib/chunks/default-index.js',
  'dist/lib/chunks/default-index.js.map',
  'dist/lib/chunks/query.js',
  'dist/lib/chunks/query.js.map',
  'dist/lib/chunks/session-module.js',
  'dist/lib/chunks/session-module.js.map',
  'dist/lib/chunks/solr-source.js',
  'dist/lib/chunks/solr-source.js.map',
  'dist/lib/core.js',
  'dist/lib/hzd-kooperationen.index.json',
  'dist/lib/hzd-search.worker.js',
  'dist/lib/index.js',
  'dist/lib/index.js.map',
  'dist/lib/solr.js',
  // Types of the elements for React 19 and Vue, generated from the manifest.
  'dist/types/react.d.ts',
  'dist/types/vue.d.ts',
  // The Solr configset (generated from the analyzer; README, "Apache Solr").
  'solr/hzd-de/compound-words.txt',
  'solr/hzd-de/mapping-fold.txt',
  'solr/hzd-de/schema.xml',
  'solr/hzd-de/solrconfig.xml',
  'solr/hzd-de/stopwords.txt',
  'solr/hzd-de/synonyms.txt',
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

const browser = useBrowser();
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

/**
 * The declarations of every module the public entry points reach, as TypeScript itself lists
 * the inputs of tsconfig.types.json: a new module is expected without editing this test, a stray
 * declaration (a test's, a deleted module's) is still caught.
 */
async function publishedDeclarations(): Promise<string[]> {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const { stdout } = await runOk(
    process.execPath,
    [tsc, '-p', 'tsconfig.types.json', '--listFilesOnly'],
    ROOT,
  );
  return stdout
    .split('\n')
    .map((file) => file.trim())
    .filter((file) => file.startsWith(join(ROOT, 'src') + '/') && file.endsWith('.ts'))
    .map((file) => `dist/types/${file.slice(ROOT.length + 1).replace(/\.ts$/, '.d.ts')}`);
}

test('the tarball holds exactly the published files', async () => {
  PUBLISHED.push(...(await publishedDeclarations()));
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

  test('hzd-search-widget/solr runs in Node without the widget', async () => {
    const { stdout } = await node(`
      import { SolrSource, SearchSourceError } from 'hzd-search-widget/solr';
      const asked = [];
      const source = new SolrSource({
        url: 'https://solr.example.de/solr/portal/',
        fetch: async (url) => {
          asked.push(new URL(url).pathname);
          return new Response(JSON.stringify({ response: { numFound: 1, docs: [
            { id: 'a', url: '/a', title: 'Wohngeld' } ] } }));
        },
      });
      const results = await source.search('Wohngeld', { prefix: false });
      console.log(JSON.stringify({
        asked, titles: results.hits.map((hit) => hit.title),
        error: typeof SearchSourceError, elements: typeof customElements,
      }));
    `);
    assert.deepEqual(JSON.parse(stdout), {
      asked: ['/solr/portal/hzd/select'],
      titles: ['Wohngeld'],
      error: 'function',
      elements: 'undefined',
    });
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

  describe('the README Vite recipe', () => {
    let app: string;
    let server: StaticServer;
    /** README code blocks marked `recipe: vite <name>`. */
    const recipe = (name: string) => blockAfter(readReadme(), `recipe: vite ${name}`).code;
    const page = (body: string, scripts: string[]) =>
      htmlPage(body, scripts.map((src) => `<script type="module" src="${src}"></script>`).join(''));

    before(async () => {
      app = join(project, 'app');
      await mkdir(join(app, 'src'), { recursive: true });
      await writeFile(join(app, 'src', 'main.ts'), recipe('src/main.ts'));
      await writeFile(join(app, 'src', 'shipped-index.ts'), recipe('src/shipped-index.ts'));
      // The page with the CLI-built /index.json, and one with the shipped index by `?url`.
      await writeFile(join(app, 'index.html'), page(recipe('index.html'), ['/src/main.ts']));
      await writeFile(
        join(app, 'shipped.html'),
        page('<hzd-search></hzd-search>', ['/src/main.ts', '/src/shipped-index.ts']),
      );
      await writeFile(
        join(app, 'vite.config.js'),
        "export default { build: { rolldownOptions: { input: ['index.html', 'shipped.html'] } } };\n",
      );
      await mkdir(join(app, 'content'));
      for (const doc of DOCUMENTS) {
        await writeFile(join(app, 'content', `${doc.id}.md`), markdown(doc));
      }
      // The README command as written; npx finds the installed bin in the project.
      const command = recipe('index-command').trim().split(/\s+/);
      assert.equal(command[0], 'npx');
      await runOk('npx', command.slice(1), app);

      const vite = join(ROOT, 'node_modules', '.bin', 'vite');
      await runOk(vite, ['build', '--logLevel', 'error'], app);
      server = await startStaticServer({ dirs: { '/': join(app, 'dist') } });
    });

    after(async () => {
      await server?.close();
    });

    test('the build bundles the library and copies both indexes', async () => {
      const dist = join(app, 'dist');
      const assets = await readdir(join(dist, 'assets'));
      const code = await Promise.all(
        assets
          .filter((file) => file.endsWith('.js'))
          .map((file) => readFile(join(dist, 'assets', file), 'utf8')),
      );
      // The recipe never names the card: finding it proves the library itself was bundled.
      assert.ok(code.join('\n').includes('hzd-result-card'), 'the bundle has the components');
      assert.ok(existsSync(join(dist, 'index.json')), 'public/index.json is in the build');
      assert.ok(
        assets.some((file) => /^hzd-kooperationen\.index-.+\.json$/.test(file)),
        `the ?url import emitted the shipped index (assets: ${assets.join(', ')})`,
      );
    });

    test('the page searches the index the CLI built', async () => {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(server.url('/index.html'));
      await typeAndWaitForResults(tab, 'Bürgerbüro');
      assert.match(await firstResultTitle(tab), /Personalausweis/);
      assert.ok(server.requests.some((request) => request.path === '/index.json'));
    });

    test('the page searches the shipped index imported with ?url', async () => {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(server.url('/shipped.html'));
      await typeAndWaitForResults(tab, 'Fußfessel');
      assert.match(await firstResultTitle(tab), /Aufenthaltsüberwachung/);
      assert.ok(
        server.requests.some((request) =>
          /^\/assets\/hzd-kooperationen\.index-.+\.json$/.test(request.path),
        ),
        'the index was fetched from the URL Vite gave it',
      );
    });
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

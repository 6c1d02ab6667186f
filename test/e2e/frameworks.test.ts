/**
 * The README's React and Vue recipes in each framework's default TypeScript project: the
 * react-ts and vue-ts templates of create-vite (what `npm create vite` writes), with the packed
 * tarball and the templates' own dependencies installed from the npm registry. Each recipe is
 * written as the README has it and built with the template's `npm run build` (`tsc -b && vite
 * build`, `vue-tsc -b && vite build`), then run in Chromium; code with wrong names must fail
 * the type check. So the shipped typings (hzd-search-widget/react, …/vue), the README and the
 * frameworks' real behaviour are held together.
 *
 * The projects live in test/.tmp/frameworks/ and keep their node_modules between runs, so only
 * the first run downloads (about 200 MB); every run reinstalls the tarball.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { blockAfter, readReadme } from '../tools/readme-blocks.js';
import { useBrowser } from './helpers/browser.js';
import { packTarball } from './helpers/pack.js';
import { BUILT, distFile, ROOT } from './helpers/paths.js';
import { run, runOk, type RunResult } from './helpers/run.js';
import { startStaticServer, type StaticServer } from './helpers/static-server.js';
import { firstResultLink, firstResultTitle, resultCards, submitSearch } from './helpers/widget.js';
import { attachProbe } from './helpers/probe.js';

/** The create-vite major whose templates count as "the default project". */
const CREATE_VITE = 'create-vite@9';
const WORK = join(ROOT, 'test', '.tmp', 'frameworks');
const INSTALL = ['install', '--no-audit', '--no-fund', '--prefer-offline'];

const browser = useBrowser();
let tarball: string;
let templates: string;

before(async () => {
  await mkdir(WORK, { recursive: true });
  tarball = await packTarball(WORK);
  const { stdout } = await runOk('npm', ['pack', CREATE_VITE, '--json', '--prefer-offline'], WORK);
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  templates = join(WORK, 'create-vite');
  await rm(templates, { recursive: true, force: true });
  await mkdir(templates);
  await runOk(
    'tar',
    ['-xzf', join(WORK, packed!.filename), '-C', templates, '--strip-components=1'],
    WORK,
  );
});

/** README code block `recipe: <framework> <name>`. */
function recipe(framework: string, name: string): string {
  return blockAfter(readReadme(), `recipe: ${framework} ${name}`).code;
}

/**
 * A fresh copy of create-vite's template `name` in test/.tmp/frameworks/<dir>, keeping the
 * node_modules and lock file of an earlier run, with the tarball installed.
 */
async function templateProject(name: string, dir: string): Promise<string> {
  const project = join(WORK, dir);
  await mkdir(project, { recursive: true });
  for (const entry of await readdir(project)) {
    if (entry !== 'node_modules' && entry !== 'package-lock.json') {
      await rm(join(project, entry), { recursive: true, force: true });
    }
  }
  await cp(join(templates, `template-${name}`), project, { recursive: true });
  // The same version each run: make npm unpack this build's tarball, not keep the last one.
  await rm(join(project, 'node_modules', 'hzd-search-widget'), { recursive: true, force: true });
  // Incremental type-check state of the last run must not skip any check.
  await rm(join(project, 'node_modules', '.tmp'), { recursive: true, force: true });
  await runOk('npm', [...INSTALL, tarball], project);
  await mkdir(join(project, 'public'), { recursive: true });
  await copyFile(distFile(BUILT.index), join(project, 'public', 'index.json'));
  return project;
}

async function write(project: string, file: string, content: string): Promise<void> {
  await mkdir(dirname(join(project, file)), { recursive: true });
  await writeFile(join(project, file), content);
}

function output(result: RunResult): string {
  return `${result.stdout}\n${result.stderr}`;
}

/** TypeScript's error lines (`file(line,col): error TSxxxx: …`). */
function typeErrors(result: RunResult): string[] {
  return output(result)
    .split('\n')
    .filter((line) => /error TS\d+/.test(line));
}

/**
 * Serves the built app, searches, activates the first result and returns what the app saw:
 * the recipes' handlers prevent the navigation and hand the URL to the app, which writes it
 * to `data-selected` on the body.
 */
async function selectFirstResult(server: StaticServer) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const probe = await attachProbe(page);
  const start = server.url('/index.html');
  await page.goto(start);
  await submitSearch(page, probe, 'Fußfessel');
  await resultCards(page).first().waitFor();
  const title = await firstResultTitle(page);
  await firstResultLink(page).click();
  await page.waitForFunction(() => document.body.dataset.selected !== undefined);
  return {
    title,
    selected: await page.evaluate(() => document.body.dataset.selected),
    stayed: page.url() === start,
    errors: probe.pageErrors,
  };
}

describe('React 19 + TypeScript (create-vite react-ts)', { timeout: 600_000 }, () => {
  let project: string;
  let server: StaticServer | undefined;

  before(async () => {
    project = await templateProject('react-ts', 'react');
  });

  after(async () => {
    await server?.close();
  });

  test('the README component passes `npm run build` (tsc -b && vite build)', async () => {
    await write(project, 'src/Search.tsx', recipe('react', 'src/Search.tsx'));
    await write(
      project,
      'src/App.tsx',
      [
        "import { Search } from './Search.tsx';",
        '',
        'export default function App() {',
        '  return <Search onSelect={(url) => (document.body.dataset.selected = url)} />;',
        '}',
        '',
      ].join('\n'),
    );
    const result = await run('npm', ['run', 'build'], project);
    assert.equal(result.code, 0, output(result));
  });

  test('in the browser, onhzd-select receives the selection and can prevent navigation', async () => {
    assert.ok(existsSync(join(project, 'dist', 'index.html')), 'the build ran');
    server = await startStaticServer({ dirs: { '/': join(project, 'dist') } });
    const seen = await selectFirstResult(server);
    assert.match(seen.title ?? '', /Aufenthaltsüberwachung/);
    assert.match(seen.selected ?? '', /elektronische-aufenthaltsueberwachung$/);
    assert.ok(seen.stayed, 'preventDefault() kept the page');
    assert.deepEqual(seen.errors, []);
  });

  test('wrong names and values fail the type check', async () => {
    // Each line holds one mistake; the type check must report every line.
    const mistakes = [
      '<hzd-search src="/index.json" />',
      '<hzd-search onHzdSelect={() => undefined} />',
      '<hzd-search limit="5" />',
      '<hzd-search topics="Wohngeld, Fußfessel" />',
      '<hzd-search onhzd-select={(event) => event.detail.href} />',
      '<hzd-result-card headingLevel="3" />',
    ];
    await write(
      project,
      'src/Wrong.tsx',
      [
        "import 'hzd-search-widget';",
        "import type {} from 'hzd-search-widget/react';",
        '',
        'export const wrong = [',
        ...mistakes.map((line) => `  ${line},`),
        '];',
        '',
      ].join('\n'),
    );
    try {
      const result = await run('npx', ['tsc', '-p', 'tsconfig.app.json'], project);
      assert.notEqual(result.code, 0, 'the type check failed');
      const errors = typeErrors(result);
      assert.ok(
        errors.every((line) => line.startsWith('src/Wrong.tsx(')),
        `errors only in Wrong.tsx:\n${errors.join('\n')}`,
      );
      const lines = new Set(errors.map((line) => Number(/\((\d+),/.exec(line)?.[1])));
      mistakes.forEach((mistake, index) => {
        assert.ok(lines.has(index + 5), `no type error for ${mistake}:\n${errors.join('\n')}`);
      });
      assert.match(output(result), /Property 'src' does not exist/);
      assert.match(output(result), /Property 'onHzdSelect' does not exist/);
    } finally {
      await rm(join(project, 'src', 'Wrong.tsx'));
    }
  });
});

describe('Vue 3 + vue-tsc (create-vite vue-ts)', { timeout: 600_000 }, () => {
  let project: string;
  let server: StaticServer | undefined;

  before(async () => {
    project = await templateProject('vue-ts', 'vue');
  });

  after(async () => {
    await server?.close();
  });

  test('the README component and config pass `npm run build` (vue-tsc -b && vite build)', async () => {
    await write(project, 'vite.config.ts', recipe('vue', 'vite.config.ts'));
    await write(project, 'src/components/Search.vue', recipe('vue', 'src/components/Search.vue'));
    await write(
      project,
      'src/App.vue',
      [
        '<script setup lang="ts">',
        "import Search from './components/Search.vue';",
        '',
        'function selected(url: string) {',
        '  document.body.dataset.selected = url;',
        '}',
        '</script>',
        '',
        '<template>',
        '  <Search @select="selected" />',
        '</template>',
        '',
      ].join('\n'),
    );
    const result = await run('npm', ['run', 'build'], project);
    assert.equal(result.code, 0, output(result));
  });

  test('in the browser, @hzd-select.prevent receives the selection and keeps the page', async () => {
    assert.ok(existsSync(join(project, 'dist', 'index.html')), 'the build ran');
    server = await startStaticServer({ dirs: { '/': join(project, 'dist') } });
    const seen = await selectFirstResult(server);
    assert.match(seen.title ?? '', /Aufenthaltsüberwachung/);
    assert.match(seen.selected ?? '', /elektronische-aufenthaltsueberwachung$/);
    assert.ok(seen.stayed, '.prevent kept the page');
    assert.deepEqual(seen.errors, []);
  });

  test('with the README options, wrong names and values fail vue-tsc', async () => {
    const mistakes = [
      '<hzd-search index-scr="/index.json" />',
      '<hzd-search src="/index.json" />',
      '<hzd-search topics="Wohngeld, Fußfessel" />',
      '<hzd-search limit="5" />',
      '<hzd-search @hzd-select="(event) => event.detail.href" />',
      '<hzd-search @hzd-selected="() => undefined" />',
    ];
    const template = [
      '<script setup lang="ts">',
      "import 'hzd-search-widget';",
      "import type {} from 'hzd-search-widget/vue';",
      '</script>',
      '',
      '<template>',
      ...mistakes.map((line) => `  ${line}`),
      // Allowed on any element: none of these may be reported.
      '  <hzd-search id="suche" class="wide" lang="en" aria-label="Suche" data-testid="s" />',
      '</template>',
      '',
    ];
    await write(project, 'src/components/Wrong.vue', template.join('\n'));
    await write(
      project,
      'tsconfig.strict.json',
      JSON.stringify({
        extends: './tsconfig.app.json',
        ...JSON.parse(recipe('vue', 'tsconfig options')),
      }),
    );
    try {
      const result = await run(
        'npx',
        ['vue-tsc', '-p', 'tsconfig.strict.json', '--noEmit'],
        project,
      );
      assert.notEqual(result.code, 0, 'the type check failed');
      const errors = typeErrors(result);
      assert.ok(
        errors.every((line) => line.startsWith('src/components/Wrong.vue(')),
        `errors only in Wrong.vue:\n${errors.join('\n')}`,
      );
      const lines = new Set(errors.map((line) => Number(/\((\d+),/.exec(line)?.[1])));
      mistakes.forEach((mistake, index) => {
        assert.ok(lines.has(index + 7), `no type error for ${mistake}:\n${errors.join('\n')}`);
      });
      assert.ok(
        !lines.has(mistakes.length + 7),
        `HTML attributes were reported:\n${errors.join('\n')}`,
      );
    } finally {
      await rm(join(project, 'src', 'components', 'Wrong.vue'));
      await rm(join(project, 'tsconfig.strict.json'));
    }
  });
});

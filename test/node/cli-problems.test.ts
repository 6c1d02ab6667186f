/**
 * Errors that do not stop the build: a bad file is reported with file and line and left out,
 * the summary lists every problem, --strict makes any problem fatal. --include and --exclude.
 * The new options' usage errors.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cli, exists, files, readIndex, useTempFolders, workdir } from './helpers/cli-run.js';

useTempFolders('hzd-problems-test-');

const SITE = {
  'site/gut.md': '# Wohngeld\n\nZuschuss zur Miete.\n',
  'site/yaml.md': '---\ntitle: HeWoG: Wohngeld\n---\nText\n',
  'site/ohne-titel.md': '---\nurl: /ohne\n---\nNur Text.\n',
  'site/leer.html': '<html><body><p>Kein Titel</p></body></html>',
  'site/sub/auch-gut.html': '<title>Elterngeld</title><main>Für Eltern.</main>',
};

describe('problems', () => {
  test('each bad file is reported with file and line and left out; the rest is indexed', async () => {
    const dir = await workdir();
    await files(dir, SITE);
    const result = await cli(dir, 'site');
    assert.equal(result.code, 0, result.stderr);
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    assert.match(warnings[0]!, /^warning: site\/yaml\.md:2:\d+: invalid YAML front matter: /);
    assert.match(
      warnings[1]!,
      /^warning: site\/leer\.html: Document "leer": field "title" is missing or empty\.$/,
    );
    assert.match(
      warnings[2]!,
      /^warning: site\/ohne-titel\.md:1: Document "ohne-titel": field "title" is missing/,
    );
    assert.equal(warnings.length, 3);
    assert.match(
      result.stderr,
      /^hint: Put texts that contain ": " or start with a special character in quotes/m,
    );
    assert.match(result.stdout, /documents: +2\n/);
    assert.match(result.stdout, /^Left out with 3 problems \(listed on stderr; --strict/m);
    const { raw } = await readIndex(join(dir, 'search-index.json'));
    assert.deepEqual(
      raw.documents.map((doc) => doc.title),
      ['Wohngeld', 'Elterngeld'],
    );
  });

  test('problems are printed even with --quiet', async () => {
    const dir = await workdir();
    await files(dir, SITE);
    const result = await cli(dir, 'site', '--quiet');
    assert.equal(result.code, 0);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr.split('\n').filter((line) => line.startsWith('warning: ')).length,
      3,
    );
  });

  test('--strict: every problem is an error, exit 1, nothing written', async () => {
    const dir = await workdir();
    await files(dir, { ...SITE, 'search-index.json': 'alt' });
    const result = await cli(dir, 'site', '--strict');
    assert.equal(result.code, 1);
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('error: '));
    assert.equal(errors.length, 4);
    assert.match(errors[0]!, /^error: site\/yaml\.md:2:/);
    assert.match(errors[3]!, /^error: --strict: 3 problems, so no index was written\.$/);
    assert.equal(result.stdout, '');
  });

  test('nothing left to index is an error that names the problems', async () => {
    const dir = await workdir();
    await files(dir, { 'site/a.md': '---\ndraft: true\n---\n# A\n', 'site/b.md': 'Kein Titel.\n' });
    const result = await cli(dir, 'site');
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^error: site\/b\.md:1: Document "b": field "title" is missing/m);
    assert.match(
      result.stderr,
      /^error: no documents to index: 1 with a problem, 1 left out on purpose \(drafts \(draft: true\)\)\.$/m,
    );
    assert.equal(await exists(join(dir, 'search-index.json')), false);
  });
});

describe('--include and --exclude', () => {
  test('globs on the path in the folder', async () => {
    const dir = await workdir();
    await files(dir, {
      'site/de/a.md': '# A\n',
      'site/de/intern/b.md': '# B\n',
      'site/en/c.md': '# C\n',
      'site/de/d.html': '<title>D</title>',
    });
    const result = await cli(
      dir,
      'site',
      '--include',
      'de/**',
      '--exclude',
      '**/intern/**',
      '--exclude',
      '*/*.html',
      '-q',
    );
    assert.equal(result.code, 0, result.stderr);
    const { raw } = await readIndex(join(dir, 'search-index.json'));
    assert.deepEqual(
      raw.documents.map((doc) => doc.id),
      ['de/a'],
    );
  });

  test('nothing that passes is the same error as an empty folder', async () => {
    const dir = await workdir();
    await files(dir, { 'site/a.md': '# A\n' });
    const result = await cli(dir, 'site', '--include', 'de/**');
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^error: site: no documents found: the folder contains no \.md, \.html or \.pdf files \(that --include and --exclude let through\)\.$/m,
    );
  });
});

describe('usage of the new options', () => {
  test('wrong values and misplaced options exit with 2', async () => {
    const dir = await workdir();
    await files(dir, { 'site/a.md': '# A\n' });
    const cases: [string[], RegExp][] = [
      [['site', '--url-style', 'pretty'], /--url-style must be one of clean, html, slash/],
      [['site', '--heading-ids', 'hugo'], /--heading-ids must be one of vitepress, github/],
      [['site', '--lang', 'de,en', '--out', 'x.json'], /--out must contain \{lang\}/],
      [['site', '--lang', 'x_1'], /--lang: "x_1" is not a language tag/],
      [['site', '--sitemap', 'https://a.de/s.xml'], /--sitemap is an option of crawl/],
      [['site', '--max-pages', '10'], /--max-pages is an option of crawl/],
      [['crawl'], /crawl needs the start URL/],
      [['crawl', 'www.example.de'], /is not a URL/],
      [['crawl', 'ftp://example.de/'], /must start with http/],
      [['crawl', 'https://a.de/', 'https://b.de/'], /expected one <start-url> after crawl/],
      [['crawl', 'https://a.de/', '--url-style', 'html'], /--url-style is for folders/],
      [['crawl', 'https://a.de/', '--rate', '0'], /--rate must be a number above 0/],
      [
        ['crawl', 'https://a.de/', '--concurrency', '100'],
        /--concurrency must be a whole number from 1 to 32/,
      ],
      [['crawl', 'https://a.de/', '--timeout', 'lang'], /--timeout must be a number/],
      [
        ['crawl', 'https://a.de/', '--sitemap', 'sitemap.xml'],
        /--sitemap: "sitemap\.xml" is not an http\(s\) URL/,
      ],
    ];
    for (const [args, pattern] of cases) {
      const result = await cli(dir, ...args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, pattern, args.join(' '));
      assert.match(result.stderr, /^hint: Run hzd-search-index --help for usage\.$/m);
    }
  });

  test('--help names the crawl command and every new option', async () => {
    const { stdout } = await cli(await workdir(), '--help');
    for (const option of [
      'crawl <start-url>',
      '--include',
      '--exclude',
      '--lang',
      '--strict',
      '--url-style',
      '--heading-ids',
      '--sitemap',
      '--max-pages',
      '--concurrency',
      '--rate',
      '--timeout',
      '--retries',
      '--user-agent',
      '--cache',
    ]) {
      assert.ok(stdout.includes(option), option);
    }
  });
});

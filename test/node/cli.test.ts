/**
 * The index CLI, run in-process through `run(argv, io)`: inputs of every kind, the errors a
 * webmaster can make (each must name the file and line), and the atomic write.
 */
import assert from 'node:assert/strict';
import { writeFileAtomic } from '../../src/cli/write-atomic.js';
import { execFile } from 'node:child_process';
import type { PathLike } from 'node:fs';
import fsPromises, { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/main.js';
import { formatSummary, SHARD_HINT_GZIP_BYTES } from '../../src/cli/summary.js';
import {
  loadIndex,
  MAX_DOCUMENT_CHARACTERS,
  type SearchIndex,
  type SerializedIndex,
} from '../../src/core/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'cli');

let tmp: string;
let counter = 0;

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'hzd-cli-test-'));
});

after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A fresh folder per test, so tests cannot see each other's files. */
async function workdir(): Promise<string> {
  const dir = join(tmp, `case-${++counter}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Writes files given as { 'relative/path': content } below `dir`. */
async function files(dir: string, entries: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, content] of Object.entries(entries)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
}

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(cwd: string, ...args: string[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

async function readIndex(path: string): Promise<{ raw: SerializedIndex; index: SearchIndex }> {
  const text = await readFile(path, 'utf8');
  return { raw: JSON.parse(text) as SerializedIndex, index: loadIndex(text) };
}

async function exists(path: string): Promise<boolean> {
  return readFile(path).then(
    () => true,
    () => false,
  );
}

/** Asserts a failed run: exit code, one `error:` line matching, and no output file. */
async function assertFails(
  dir: string,
  result: Result,
  pattern: RegExp,
  code = 1,
): Promise<string> {
  assert.equal(result.code, code, result.stderr);
  const errorLine = result.stderr.split('\n').find((line) => line.startsWith('error: '));
  assert.ok(errorLine, `no error line in: ${result.stderr}`);
  assert.match(errorLine, pattern);
  assert.equal(result.stdout, '');
  assert.equal(await exists(join(dir, 'search-index.json')), false, 'no output file');
  return result.stderr;
}

/**
 * Runs `work` while readdir of `folder` fails as it does for a user without read permission
 * (other folders read normally). Tests may run as root, for whom chmod makes no folder
 * unreadable. The CLI's modules import readdir by name, hence syncBuiltinESMExports.
 */
async function withUnreadableFolder<T>(folder: string, work: () => Promise<T>): Promise<T> {
  const original = fsPromises.readdir;
  const failing = (async (path: PathLike, ...rest: unknown[]) => {
    if (String(path) !== folder)
      return (original as (...args: unknown[]) => unknown)(path, ...rest);
    const error: NodeJS.ErrnoException = new Error(
      `EACCES: permission denied, scandir '${folder}'`,
    );
    throw Object.assign(error, { errno: -13, code: 'EACCES', syscall: 'scandir', path: folder });
  }) as typeof fsPromises.readdir;
  fsPromises.readdir = failing;
  syncBuiltinESMExports();
  try {
    return await work();
  } finally {
    fsPromises.readdir = original;
    syncBuiltinESMExports();
  }
}

function markdown(fields: Record<string, string>, body = 'Text.'): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return ['---', ...lines, '---', '', body, ''].join('\n');
}

const jsonl = (docs: unknown[]) => docs.map((doc) => JSON.stringify(doc)).join('\n') + '\n';

describe('success', () => {
  test('Markdown folder: recursive, sorted, default ids, searchable', async () => {
    const dir = await workdir();
    await files(dir, {
      'content/hewog.md': markdown(
        {
          title: 'HeWoG – Wohngeldberechnung',
          url: '/it-kooperationen/hewog',
          summary: 'Wohngeld für Hessen.',
          keywords: '[Wohngeld, Mietzuschuss]',
          updated: '2026-11-28',
        },
        '# HeWoG\n\nHeWoG berechnet das **Wohngeld**.',
      ),
      'content/sub/eau.md': markdown(
        { id: 'eau', title: 'Elektronische Aufenthaltsüberwachung', url: '/eau' },
        'Die Fußfessel wird überwacht.',
      ),
      // Windows editors: byte order mark and CRLF line ends.
      'content/sub/zz-windows.md':
        '\ufeff---\r\ntitle: Windowsdatei\r\nurl: /win\r\n---\r\nText aus Windows.\r\n',
      'content/notes.txt': 'not content',
      'content/.hidden/skip.md': 'no front matter at all',
    });
    const result = await cli(dir, 'content');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /Wrote search-index\.json/);
    assert.match(result.stdout, /documents: +3\n/);
    assert.match(result.stdout, /index keys: +\d+/);
    assert.match(result.stdout, /size: +[\d,]+ bytes \([\d,]+ bytes gzip\)/);
    assert.match(result.stdout, /time: +\d+ ms/);
    assert.match(result.stdout, /Datenstand: +2026-11-28/);
    assert.doesNotMatch(result.stdout, /hint:/, 'a small single file needs no sharding hint');

    const { raw, index } = await readIndex(join(dir, 'search-index.json'));
    assert.deepEqual(
      raw.documents.map((doc) => doc.id),
      ['hewog', 'eau', 'sub/zz-windows'],
    );
    assert.equal(raw.dataDate, '2026-11-28');
    assert.equal(raw.documents[0]!.updated, '2026-11-28');
    assert.equal(index.search('Wohngeld').hits[0]?.id, 'hewog');
    assert.equal(index.search('Fußfessel').hits[0]?.id, 'eau');
    assert.equal(raw.documents[2]!.title, 'Windowsdatei');
  });

  test('the summary of a large single file suggests a sharded index', () => {
    const index = { documentCount: 2000, keys: { length: 90_000 }, dataDate: '2026-12-03' };
    const summary = (gzipBytes: number, files?: number) =>
      formatSummary(
        index as unknown as SerializedIndex,
        { bytes: gzipBytes * 3, gzipBytes },
        'out',
        1,
        files,
      );
    assert.match(summary(SHARD_HINT_GZIP_BYTES + 1), /hint: .*\n.*--out <folder>\//);
    assert.doesNotMatch(summary(SHARD_HINT_GZIP_BYTES), /hint:/);
    assert.doesNotMatch(summary(SHARD_HINT_GZIP_BYTES * 10, 4000), /hint:/, 'already sharded');
  });

  test('JSON array', async () => {
    const dir = await workdir();
    const docs = [
      { id: 'a', title: 'Wohngeld', url: '/wohngeld', body: 'Zuschuss zur Miete.' },
      { id: 'b', title: 'Elterngeld', url: 'https://example.de/elterngeld', keywords: ['Eltern'] },
    ];
    await files(dir, { 'docs.json': JSON.stringify(docs, null, 2) });
    const result = await cli(dir, 'docs.json', '--out', 'out/index.json');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Wrote out\/index\.json/);
    const { index } = await readIndex(join(dir, 'out/index.json'));
    assert.equal(index.search('Elterngeld').hits[0]?.id, 'b');
  });

  test('JSON Lines (.jsonl and .ndjson), blank lines ignored', async () => {
    const dir = await workdir();
    const text =
      '\n' +
      jsonl([
        { id: 'a', title: 'Wohngeld', url: '/a' },
        { id: 'b', title: 'Führerschein', url: '/b' },
      ]) +
      '\n\r\n';
    await files(dir, { 'docs.jsonl': text, 'docs.ndjson': text });
    for (const input of ['docs.jsonl', 'docs.ndjson']) {
      const result = await cli(dir, input, '--out', `${input}.index.json`);
      assert.equal(result.code, 0, result.stderr);
      const { raw, index } = await readIndex(join(dir, `${input}.index.json`));
      assert.equal(raw.documentCount, 2);
      assert.equal(index.search('Führerschein').hits[0]?.id, 'b');
    }
  });

  test('HTML folder: title, description, keywords, lang, main text without page chrome', async () => {
    const dir = await workdir();
    const result = await cli(dir, join(fixtures, 'site'));
    assert.equal(result.code, 0, result.stderr);
    const { raw, index } = await readIndex(join(dir, 'search-index.json'));
    const [eau, kontakt] = raw.documents;
    assert.equal(eau?.id, 'aufenthalt/index');
    assert.equal(eau?.url, '/aufenthalt/');
    assert.equal(eau?.title, 'Elektronische Aufenthaltsüberwachung');
    assert.equal(eau?.lang, 'de');
    assert.match(eau?.summary ?? '', /Gemeinsame Überwachungsstelle/);
    assert.match(eau?.text ?? '', /Gemeinsame Überwachungsstelle der Länder wertet/);
    assert.match(eau?.text ?? '', /Hessen\nBayern/);
    for (const chrome of ['Kopfzeilentext', 'Menüpunkt', 'Fußzeilentext', 'skriptinhalt', 'color'])
      assert.doesNotMatch(eau?.text ?? '', new RegExp(chrome));
    assert.equal(index.search('Menüpunkt').total, 0);
    assert.equal(index.search('EAÜ').hits[0]?.id, 'aufenthalt/index');
    // No <title>: the first h1; no <main>: the body.
    assert.equal(kontakt?.id, 'kontakt');
    assert.equal(kontakt?.url, '/kontakt.htm');
    assert.equal(kontakt?.title, 'Kontakt zur Servicestelle');
    assert.equal(kontakt?.lang, 'de-DE');
    assert.match(kontakt?.text ?? '', /Schreiben Sie der Servicestelle/);
  });

  test('a folder with Markdown and HTML indexes both', async () => {
    const dir = await workdir();
    await files(dir, {
      'site/a.md': markdown({ title: 'Markdownseite', url: '/a' }),
      'site/b/index.html': '<title>Htmlseite</title><main>Inhalt</main>',
    });
    const result = await cli(dir, 'site');
    assert.equal(result.code, 0, result.stderr);
    const { raw } = await readIndex(join(dir, 'search-index.json'));
    assert.deepEqual(
      raw.documents.map((doc) => [doc.id, doc.url]),
      [
        ['a', '/a'],
        ['b/index', '/b/'],
      ],
    );
  });

  test('--base-url makes relative URLs absolute and keeps absolute ones', async () => {
    const dir = await workdir();
    await files(dir, {
      'docs.jsonl': jsonl([
        { id: 'a', title: 'A', url: '/seite' },
        { id: 'b', title: 'B', url: 'unterseite' },
        { id: 'c', title: 'C', url: 'https://other.de/x' },
        { id: 'd', title: 'D', url: '#anker' },
      ]),
    });
    const result = await cli(dir, 'docs.jsonl', '--base-url', 'https://site.de/portal/');
    assert.equal(result.code, 0, result.stderr);
    const { raw } = await readIndex(join(dir, 'search-index.json'));
    assert.deepEqual(
      raw.documents.map((doc) => doc.url),
      [
        'https://site.de/portal/seite',
        'https://site.de/portal/unterseite',
        'https://other.de/x',
        'https://site.de/portal/#anker',
      ],
    );
  });

  test('--synonyms as text and as JSON; --data-date', async () => {
    const dir = await workdir();
    await files(dir, {
      'docs.jsonl': jsonl([{ id: 'a', title: 'Fußfessel', url: '/a', updated: '2020-01-01' }]),
      'synonyms.json': JSON.stringify([['Wohnberechtigungsschein', 'WBS']]),
    });
    let result = await cli(
      dir,
      'docs.jsonl',
      '--synonyms',
      join(fixtures, 'synonyms.txt'),
      '--data-date',
      '2026-12-01',
      '-o',
      'text.json',
    );
    assert.equal(result.code, 0, result.stderr);
    const text = await readIndex(join(dir, 'text.json'));
    assert.ok(text.raw.synonyms.some((group) => group.join('|') === 'Wohngeld|Mietzuschuss'));
    assert.equal(text.raw.dataDate, '2026-12-01');
    assert.equal(text.index.search('elektronische Fußfessel').hits[0]?.id, 'a');

    result = await cli(dir, 'docs.jsonl', '--synonyms', 'synonyms.json', '-o', 'json.json');
    assert.equal(result.code, 0, result.stderr);
    const { raw } = await readIndex(join(dir, 'json.json'));
    assert.ok(raw.synonyms.some((group) => group.join('|') === 'Wohnberechtigungsschein|WBS'));
    assert.equal(raw.dataDate, '2020-01-01');
  });

  test('--snippet-text limits the text kept for snippets', async () => {
    const dir = await workdir();
    const body = `Wohngeld ${'Text '.repeat(200)}`;
    await files(dir, {
      'docs.jsonl': jsonl([{ id: 'a', title: 'A', url: '/a', summary: 'Kurz.', body }]),
    });
    let result = await cli(dir, 'docs.jsonl', '--snippet-text', '100', '-o', 'short.json');
    assert.equal(result.code, 0, result.stderr);
    assert.equal((await readIndex(join(dir, 'short.json'))).raw.documents[0]?.text.length, 100);
    result = await cli(dir, 'docs.jsonl', '--snippet-text', '0', '-o', 'none.json');
    assert.equal(result.code, 0, result.stderr);
    const none = await readIndex(join(dir, 'none.json'));
    assert.equal(none.raw.documents[0]?.text, '');
    // Still found through the body; the snippet falls back to the summary.
    assert.equal(none.index.search('Wohngeld').hits[0]?.snippet.text, 'Kurz.');
  });

  test('a body that is one run of 100,000 letters of known words builds', async () => {
    const dir = await workdir();
    const words = ['Wohngeld', 'berechnung', 'antrag', 'formular', 'steuer', 'kinder'];
    let run = '';
    for (let i = 0; run.length < 100_000; i++) run += words[i % words.length];
    const docs = [
      { id: 'run', title: 'Lange Zeichenkette', url: '/run', body: run },
      { id: 'wohngeld', title: 'Wohngeldantrag', url: '/wohngeld', body: 'Zuschuss zur Miete.' },
    ];
    await files(dir, { 'docs.json': JSON.stringify(docs) });
    // Compound splitting used to recurse once per part here and overflow the stack.
    const result = await cli(dir, 'docs.json', '-q');
    assert.equal(result.code, 0, result.stderr);
    const { index } = await readIndex(join(dir, 'search-index.json'));
    assert.equal(index.search('Zeichenkette').hits[0]?.id, 'run');
    // Normal compounds of the same build are still split.
    assert.equal(index.search('Antrag', { prefix: false }).hits[0]?.id, 'wohngeld');
  });

  test('hostile strings are stored as given', async () => {
    const dir = await workdir();
    const hostile = {
      id: 'x',
      title: '<img src=x onerror=alert(1)> Wohngeld',
      url: '/x?a=1&b="2"',
      summary: '</script><script>alert(1)</script> & &amp; "quotes"',
      category: '<b>fett</b>',
      partners: ['{{constructor}}', '${alert(1)}'],
    };
    await files(dir, { 'docs.json': JSON.stringify([hostile]) });
    const result = await cli(dir, 'docs.json');
    assert.equal(result.code, 0, result.stderr);
    const { raw, index } = await readIndex(join(dir, 'search-index.json'));
    const stored = raw.documents[0]!;
    assert.equal(stored.title, hostile.title);
    assert.equal(stored.url, hostile.url);
    assert.equal(stored.summary, hostile.summary);
    assert.equal(stored.category, hostile.category);
    assert.deepEqual(stored.partners, hostile.partners);
    assert.equal(index.search('Wohngeld').hits[0]?.title, hostile.title);
  });

  test('control characters in pages and front matter are not stored', async () => {
    const dir = await workdir();
    await files(dir, {
      // Character references survive HTML parsing as the characters themselves.
      'site/a.html':
        '<html><head><title>Wohn&#x7;geld &#x202E;Antrag</title></head><body><main>Text&#x1B;[2J</main></body></html>',
      'site/b.md': markdown({ title: '"Miet\\u0000zuschuss \\u2066Hessen"', url: '/b' }),
    });
    const result = await cli(dir, 'site', '-q');
    assert.equal(result.code, 0, result.stderr);
    const { raw } = await readIndex(join(dir, 'search-index.json'));
    assert.deepEqual(
      raw.documents.map((doc) => [doc.title, doc.text]),
      [
        ['Wohngeld Antrag', 'Text[2J'],
        ['Mietzuschuss Hessen', 'Text.'],
      ],
    );
  });

  test('--quiet prints nothing; large inputs show progress on stderr otherwise', async () => {
    const dir = await workdir();
    const docs = Array.from({ length: 520 }, (_, i) => ({
      id: `doc-${i}`,
      title: `Seite ${i}`,
      url: `/seite/${i}`,
    }));
    await files(dir, { 'docs.jsonl': jsonl(docs) });
    let result = await cli(dir, 'docs.jsonl', '--quiet');
    assert.deepEqual([result.code, result.stdout, result.stderr], [0, '', '']);
    result = await cli(dir, 'docs.jsonl');
    assert.equal(result.code, 0);
    assert.match(result.stderr, /^read 520 · indexed \d+ · [\d,]+ docs\/s$/m);
    assert.ok(result.stderr.split('\n').length <= 12, 'a line per tenth, not one per step');
    assert.match(result.stdout, /documents: +520/);
  });

  test('progress in a log: read, indexed and written grow from line to line', async () => {
    const dir = await workdir();
    const docs = Array.from({ length: 3000 }, (_, i) => ({
      id: `doc-${i}`,
      title: `Seite ${i} über Antrag ${i % 50}`,
      url: `/seite/${i}`,
      body: `Zuschuss ${i % 97} zur Miete ${i % 89} und Wohngeld ${i % 83}.`,
    }));
    await files(dir, { 'docs.jsonl': jsonl(docs) });
    const result = await cli(dir, 'docs.jsonl', '--out', 'index/');
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stderr.trim().split('\n');
    const number = (line: string, label: string) => {
      const match = new RegExp(`${label} ([\\d,]+)`).exec(line);
      return match ? Number(match[1]!.replaceAll(',', '')) : 0;
    };
    assert.ok(lines.length >= 10 && lines.length <= 30, `a line per tenth: ${lines.length}`);
    for (const line of lines)
      assert.match(
        line,
        /^read [\d,]+( · indexed [\d,]+)?( · written [\d,]+ shards)?( · [\d,]+ docs\/s)?$/,
      );
    for (const label of ['read', 'indexed', 'written']) {
      const values = lines.map((line) => number(line, label));
      values.forEach((value, i) =>
        assert.ok(i === 0 || value >= values[i - 1]!, `${label}: ${values}`),
      );
    }
    assert.equal(number(lines.at(-1)!, 'indexed'), 3000);
    const manifest = JSON.parse(await readFile(join(dir, 'index', 'manifest.json'), 'utf8'));
    const shards =
      manifest.terms.count +
      manifest.vocabulary.count +
      manifest.documents.count +
      manifest.packs.count;
    assert.equal(number(lines.at(-1)!, 'written'), shards);
    assert.equal(number(lines[0]!, 'read'), 3000);
  });

  test('--help and --version', async () => {
    const dir = await workdir();
    const help = await cli(dir, '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: hzd-search-index <input>/);
    const version = await cli(dir, '--version');
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^hzd-search-index \d+\.\d+\.\d+/);
  });

  test('runs as a script, and only then', async () => {
    // Importing main.ts (as this file does) must not have run the CLI.
    assert.equal(process.exitCode, undefined);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(root, 'src/cli/main.ts'), '--version'],
      { cwd: root },
    );
    assert.match(stdout, /^hzd-search-index /);
  });
});

describe('content errors name the file and line', () => {
  test('duplicate ids in Markdown name both files', async () => {
    const dir = await workdir();
    await files(dir, {
      'c/a/info.md': markdown({ id: 'info', title: 'A', url: '/a' }),
      'c/b/info.md': markdown({ title: 'B', id: 'info', url: '/b' }),
    });
    await assertFails(
      dir,
      await cli(dir, 'c', '--strict'),
      /^error: c\/b\/info\.md:3: Duplicate id "info": it is already used by c\/a\/info\.md:2;/,
    );
  });

  test('duplicate ids in JSON Lines name both lines; in JSON both items', async () => {
    const dir = await workdir();
    await files(dir, {
      'docs.jsonl': jsonl([
        { id: 'a', title: 'A', url: '/a' },
        { id: 'b', title: 'B', url: '/b' },
        { id: 'a', title: 'C', url: '/c' },
      ]),
      'docs.json': JSON.stringify(
        [
          { id: 'a', title: 'A', url: '/a' },
          { title: 'B', url: '/b', id: 'a' },
        ],
        null,
        2,
      ),
    });
    await assertFails(
      dir,
      await cli(dir, 'docs.jsonl', '--strict'),
      /^error: docs\.jsonl:3: Duplicate id "a": it is already used by docs\.jsonl:1;/,
    );
    // Pretty-printed: the first element's "id" is on line 3, the second one's on line 10.
    await assertFails(
      dir,
      await cli(dir, 'docs.json', '--strict'),
      /^error: docs\.json:10: item \[1\]: Duplicate id "a": it is already used by docs\.json:3 \(item \[0\]\);/,
    );
  });

  test('missing titles in Markdown, JSON and HTML', async () => {
    const dir = await workdir();
    await files(dir, {
      'md/page.md': markdown({ url: '/page' }),
      'plain/page.md': 'Nur Text, keine Überschrift.\n',
      'docs.json':
        '[\n  { "id": "a", "title": "A", "url": "/a" },\n  { "id": "b", "url": "/b" }\n]',
      'html/leer.html': '<html><body><p>Kein Titel</p></body></html>',
    });
    const md = await assertFails(
      dir,
      await cli(dir, 'md'),
      /^error: md\/page\.md:1: Document "page": field "title" is missing or empty\.$/,
    );
    assert.match(
      md,
      /^hint: Give the page a title: a front matter line "title: …" or a first heading "# …"\.$/m,
    );
    const stderr = await assertFails(dir, await cli(dir, 'plain'), /plain\/page\.md:1: .*"title"/);
    assert.match(stderr, /^hint: Start the file with a front matter block/m);
    await assertFails(
      dir,
      await cli(dir, 'docs.json', '--strict'),
      /^error: docs\.json:3: item \[1\]: Document "b": field "title" is missing/,
    );
    const html = await assertFails(
      dir,
      await cli(dir, 'html'),
      /^error: html\/leer\.html: .*"title"/,
    );
    assert.match(html, /^hint: Give the page a <title> or an <h1>\.$/m);
  });

  test('URLs with other schemes are rejected, with the line', async () => {
    const dir = await workdir();
    const bad = [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'ftp://example.de/x',
      'java\tscript:alert(1)',
      'JavaScript:alert(1)',
    ];
    for (const url of bad) {
      await files(dir, {
        'docs.jsonl': jsonl([
          { id: 'ok', title: 'Ok', url: '/ok' },
          { id: 'bad', title: 'Bad', url },
        ]),
      });
      await assertFails(
        dir,
        await cli(dir, 'docs.jsonl', '--strict'),
        /^error: docs\.jsonl:2: Document "bad": field "url" must start with http:\/\/ or https:\/\//,
      );
    }
    await files(dir, {
      'md/x.md': '---\nid: x\ntitle: X\nurl: javascript:alert(1)\n---\nText\n',
    });
    await assertFails(dir, await cli(dir, 'md'), /^error: md\/x\.md:4: Document "x": field "url"/);
  });

  test('empty input: folder, JSON array, JSON Lines', async () => {
    const dir = await workdir();
    await files(dir, { 'empty.json': '[]', 'empty.jsonl': '\n \n\n', 'folder/readme.txt': 'x' });
    await assertFails(dir, await cli(dir, 'folder'), /^error: folder: no documents found/);
    await assertFails(dir, await cli(dir, 'empty.json'), /^error: empty\.json: no documents found/);
    await assertFails(
      dir,
      await cli(dir, 'empty.jsonl'),
      /^error: empty\.jsonl: no documents found/,
    );
  });

  test('invalid UTF-8 names the file and line', async () => {
    const dir = await workdir();
    const latin1 = Buffer.from('---\nid: x\ntitle: Gr\xfc\xdfe\nurl: /x\n---\n', 'latin1');
    await files(dir, { 'md/x.md': latin1, 'docs.jsonl': latin1 });
    const stderr = await assertFails(
      dir,
      await cli(dir, 'md'),
      /^error: md\/x\.md:3: the file is not valid UTF-8 text\.$/,
    );
    assert.match(stderr, /^hint: Save the file with the encoding UTF-8/m);
    await assertFails(dir, await cli(dir, 'docs.jsonl'), /^error: docs\.jsonl:3: .*UTF-8/);
  });

  test('a document over the size limit is an error, no output', async () => {
    const dir = await workdir();
    await files(dir, {
      'docs.jsonl': jsonl([
        { id: 'big', title: 'Big', url: '/big', body: 'x'.repeat(MAX_DOCUMENT_CHARACTERS + 1) },
      ]),
    });
    await assertFails(
      dir,
      await cli(dir, 'docs.jsonl'),
      /^error: docs\.jsonl:1: Document "big" is too large: \d+ characters \(at most \d+\)/,
    );
  });

  test('malformed JSON reports line and column', async () => {
    const dir = await workdir();
    await files(dir, {
      'missing-comma.json': '[\n  { "id": "a", "title": "A", "url": "/a" }\n  { "id": "b" }\n]',
      'trailing-comma.json': '[\n  { "id": "a", "title": "A", "url": "/a" },\n]',
      'truncated.json': '[\n  { "id": "a", "title": "A',
      'object.json': '{ "id": "a", "title": "A", "url": "/a" }',
      'docs.jsonl': jsonl([{ id: 'a', title: 'A', url: '/a' }]) + '{ "id": "b", title: "B" }\n',
    });
    await assertFails(
      dir,
      await cli(dir, 'missing-comma.json'),
      /^error: missing-comma\.json:3:3: invalid JSON: expected "," or "]" but found "\{"\.$/,
    );
    await assertFails(
      dir,
      await cli(dir, 'trailing-comma.json'),
      /^error: trailing-comma\.json:3:1: invalid JSON: expected a value/,
    );
    await assertFails(
      dir,
      await cli(dir, 'truncated.json'),
      /^error: truncated\.json:2:27: invalid JSON: expected a closing double quote but found the end of the file\.$/,
    );
    await assertFails(
      dir,
      await cli(dir, 'object.json'),
      /^error: object\.json:1: the JSON file must hold an array of documents\.$/,
    );
    await assertFails(
      dir,
      await cli(dir, 'docs.jsonl'),
      /^error: docs\.jsonl:2:14: invalid JSON: expected a field name in double quotes/,
    );
  });

  test('an error in JSON with very deep nesting still names the file, line and item', async () => {
    const dir = await workdir();
    // Valid JSON, nested deeper than the scanner that finds lines follows.
    const deep = '['.repeat(1000) + ']'.repeat(1000);
    await files(dir, {
      'docs.json': `[\n{"id": "a", "title": "A", "url": "/a"},\n{"id": "b", "title": "B", "url": "/b", "deep": ${deep}},\n{"id": "c"}\n]`,
    });
    await assertFails(
      dir,
      await cli(dir, 'docs.json', '--strict'),
      /^error: docs\.json:4: item \[2\]: Document "c": field "title" is missing/,
    );
  });

  test('malformed YAML front matter reports the line in the file', async () => {
    const dir = await workdir();
    await files(dir, {
      'a/x.md': '---\nid: x\ntitle: HeWoG: Wohngeld\nurl: /x\n---\nText\n',
      'b/x.md': '---\nid: x\ntitle: X\nurl: /x\nText without closing line\n',
      'c/x.md': '---\nid: x\nid: y\n---\n',
      'd/x.md': '---\n- a list\n---\n',
    });
    const stderr = await assertFails(
      dir,
      await cli(dir, 'a'),
      /^error: a\/x\.md:3:\d+: invalid YAML front matter: .+\.$/,
    );
    assert.match(stderr, /^hint: Put texts that contain ": "/m);
    await assertFails(
      dir,
      await cli(dir, 'b'),
      /^error: b\/x\.md:1: the front matter is not closed/,
    );
    await assertFails(
      dir,
      await cli(dir, 'c'),
      /^error: c\/x\.md:3:1: invalid YAML front matter: Map keys must be unique/,
    );
    await assertFails(
      dir,
      await cli(dir, 'd'),
      /^error: d\/x\.md:2: the front matter must consist/,
    );
  });

  test('a YAML alias bomb in front matter names the file', async () => {
    const dir = await workdir();
    // Each level repeats the one before nine times: 9^6 values from a few lines.
    const names = [...'abcdef'];
    const levels = names.map((name, i) => {
      const items = Array<string>(9).fill(i === 0 ? 'x' : `*${names[i - 1]}`);
      return `${name}: &${name} [${items.join(', ')}]`;
    });
    await files(dir, {
      'md/bomb.md': ['---', 'title: X', 'url: /x', ...levels, '---', ''].join('\n'),
    });
    const stderr = await assertFails(
      dir,
      await cli(dir, 'md'),
      /^error: md\/bomb\.md:2: the front matter uses aliases \(\*name\) too often/,
    );
    assert.match(stderr, /^hint: Write the values out/m);
  });

  test('deeply nested HTML is read, not a stack overflow', async () => {
    const dir = await workdir();
    const depth = 100_000;
    const nested = '<span>'.repeat(depth) + 'Tief verschachtelt' + '</span>'.repeat(depth);
    await files(dir, {
      'site/deep.html': `<html><head><title>Tief</title></head><body><main>${nested}</main></body></html>`,
    });
    const result = await cli(dir, 'site', '-q');
    assert.equal(result.code, 0, result.stderr);
    const { index } = await readIndex(join(dir, 'search-index.json'));
    assert.equal(index.search('verschachtelt').hits[0]?.id, 'deep');
  });

  test('a date that does not exist names the file, line and field', async () => {
    const dir = await workdir();
    await files(dir, {
      'md/x.md': markdown({ title: 'X', url: '/x', updated: '2026-02-30' }),
      'leap/x.md': markdown({ title: 'X', url: '/x', updated: '2024-02-29' }),
      'docs.jsonl': jsonl([{ id: 'a', title: 'A', url: '/a', updated: '2026-04-31' }]),
    });
    await assertFails(
      dir,
      await cli(dir, 'md'),
      /^error: md\/x\.md:4: Document "x": field "updated" must be a date that exists: 2026-02-30 is not in the calendar\.$/,
    );
    await assertFails(dir, await cli(dir, 'docs.jsonl'), /^error: docs\.jsonl:1: .*2026-04-31/);
    const leap = await cli(dir, 'leap', '-q', '--data-date', '2024-02-29');
    assert.equal(leap.code, 0, leap.stderr);
    const { raw } = await readIndex(join(dir, 'search-index.json'));
    assert.equal(raw.documents[0]?.updated, '2024-02-29');
    assert.equal(raw.dataDate, '2024-02-29');
  });

  test('a file name that is no valid id gives a valid one; a given invalid id is an error', async () => {
    const dir = await workdir();
    await files(dir, {
      'ok/mein dokument (neu).md': markdown({ title: 'X', url: '/x' }),
      'md/x.md': markdown({ id: 'mein dokument', title: 'X', url: '/x' }),
    });
    const ok = await cli(dir, 'ok', '-q', '-o', 'ok.json');
    assert.equal(ok.code, 0, ok.stderr);
    const { raw } = await readIndex(join(dir, 'ok.json'));
    assert.equal(raw.documents[0]?.id, 'mein-dokument-neu');
    await assertFails(
      dir,
      await cli(dir, 'md'),
      /^error: md\/x\.md:2: Field "id" may only contain/,
    );
  });
});

describe('files and usage', () => {
  test('a missing input path is an error naming it', async () => {
    const dir = await workdir();
    await assertFails(
      dir,
      await cli(dir, 'nicht-da'),
      /^error: cannot read the input nicht-da: file or folder not found\.$/,
    );
  });

  test('an unreadable synonyms file is an error naming it', async () => {
    const dir = await workdir();
    await files(dir, {
      'docs.jsonl': jsonl([{ id: 'a', title: 'A', url: '/a' }]),
      'bad.json': '{"not": "groups"}',
      'single.txt': '# comment\nEAÜ | Fußfessel\nnur eine Phrase\n',
      'folder/.keep': '',
    });
    await assertFails(
      dir,
      await cli(dir, 'docs.jsonl', '--synonyms', 'fehlt.txt'),
      /^error: --synonyms: cannot read fehlt\.txt: file or folder not found\.$/,
    );
    await assertFails(
      dir,
      await cli(dir, 'docs.jsonl', '--synonyms', 'folder'),
      /^error: --synonyms: cannot read folder: it is a folder/,
    );
    await assertFails(
      dir,
      await cli(dir, 'docs.jsonl', '--synonyms', 'bad.json'),
      /^error: bad\.json: the synonyms file must hold an array of groups/,
    );
    await assertFails(
      dir,
      await cli(dir, 'docs.jsonl', '--synonyms', 'single.txt'),
      /^error: single\.txt:3: a synonym group needs at least two phrases/,
    );
  });

  test('an unreadable subfolder is an error naming it', async () => {
    const dir = await workdir();
    await files(dir, {
      'content/ok.md': markdown({ title: 'A', url: '/a' }),
      'content/locked/b.md': '',
    });
    const locked = join(dir, 'content', 'locked');
    const stderr = await assertFails(
      dir,
      await withUnreadableFolder(locked, () => cli(dir, 'content', '--strict')),
      /^error: content\/locked: cannot read this folder: permission denied\.$/,
    );
    assert.match(stderr, /^hint: .*read permission/m);
    // Without --strict the folder is reported and the rest is indexed.
    const result = await withUnreadableFolder(locked, () => cli(dir, 'content'));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^warning: content\/locked: cannot read this folder/m);
    assert.equal((await readIndex(join(dir, 'search-index.json'))).raw.documentCount, 1);
  });

  test('--out below a file is an error naming the file in the way', async () => {
    const dir = await workdir();
    await files(dir, {
      'docs.jsonl': jsonl([{ id: 'a', title: 'A', url: '/a' }]),
      'notes.txt': 'x',
    });
    for (const out of ['notes.txt/index.json', 'notes.txt/sub/index.json']) {
      const stderr = await assertFails(
        dir,
        await cli(dir, 'docs.jsonl', '--out', out),
        new RegExp(
          `^error: cannot write ${out.replace(/\./g, '\\.')}: notes\\.txt is a file, not a folder\\.$`,
        ),
      );
      assert.match(stderr, /^hint: .*--out/m);
    }
    assert.equal(await readFile(join(dir, 'notes.txt'), 'utf8'), 'x');
  });

  test('a failed build leaves an existing output file unchanged, without temp files', async () => {
    const dir = await workdir();
    const previous = '{"previous": "index"}';
    await files(dir, {
      'search-index.json': previous,
      'docs.jsonl': jsonl([{ id: 'a', title: 'A', url: 'javascript:alert(1)' }]),
    });
    const result = await cli(dir, 'docs.jsonl');
    assert.equal(result.code, 1);
    assert.equal(await readFile(join(dir, 'search-index.json'), 'utf8'), previous);
    assert.deepEqual((await readdir(dir)).sort(), ['docs.jsonl', 'search-index.json']);
  });

  test('a failed write removes the temp file', async () => {
    const dir = await workdir();
    await files(dir, { 'taken/inside.txt': 'x' });
    // The target is a folder that is not empty: the rename fails after the temp file is written.
    await assert.rejects(writeFileAtomic(join(dir, 'taken'), 'content'));
    assert.deepEqual(await readdir(dir), ['taken']);
    assert.deepEqual(await readdir(join(dir, 'taken')), ['inside.txt']);
  });

  test('--out an existing folder (or a path ending in /) writes a sharded index into it', async () => {
    const dir = await workdir();
    await files(dir, {
      'docs.jsonl': jsonl([{ id: 'a', title: 'Wohngeld', url: '/a', body: 'Zuschuss zur Miete.' }]),
      'taken/inside.txt': 'x',
    });
    const result = await cli(dir, 'docs.jsonl', '--out', 'taken');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /in \d+ files/);
    const written = (await readdir(join(dir, 'taken'))).sort();
    assert.deepEqual(written, [
      'documents',
      'inside.txt',
      'manifest.json',
      'packs',
      'terms',
      'vocabulary',
    ]);
    const manifest = JSON.parse(await readFile(join(dir, 'taken', 'manifest.json'), 'utf8'));
    assert.equal(manifest.layout, 'sharded');
    const fresh = await cli(dir, 'docs.jsonl', '--out', 'new-folder/');
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.ok((await readdir(join(dir, 'new-folder'))).includes('manifest.json'));
  });

  test('a rebuilt sharded index keeps the previous build and removes older ones', async () => {
    const dir = await workdir();
    const build = async (body: string) => {
      await files(dir, { 'docs.jsonl': jsonl([{ id: 'a', title: 'Wohngeld', url: '/a', body }]) });
      const result = await cli(dir, 'docs.jsonl', '--out', 'index/');
      assert.equal(result.code, 0, result.stderr);
      return JSON.parse(await readFile(join(dir, 'index', 'manifest.json'), 'utf8'));
    };
    const first = await build('Erste Fassung.');
    const second = await build('Zweite Fassung.');
    const third = await build('Dritte Fassung.');
    const present = (manifest: { terms: { files: string } }) =>
      readdir(join(dir, 'index', 'terms')).then((names) =>
        names.some((name) => `terms/${name}`.startsWith(manifest.terms.files)),
      );
    assert.equal(await present(third), true);
    assert.equal(await present(second), true);
    assert.equal(await present(first), false);
  });

  test('a successful build replaces the output file', async () => {
    const dir = await workdir();
    await files(dir, {
      'search-index.json': 'old',
      'docs.jsonl': jsonl([{ id: 'a', title: 'A', url: '/a' }]),
    });
    assert.equal((await cli(dir, 'docs.jsonl', '-q')).code, 0);
    assert.equal((await readIndex(join(dir, 'search-index.json'))).raw.documentCount, 1);
    assert.deepEqual((await readdir(dir)).sort(), ['docs.jsonl', 'search-index.json']);
  });

  test('usage errors exit with 2', async () => {
    const dir = await workdir();
    await files(dir, { 'docs.jsonl': jsonl([{ id: 'a', title: 'A', url: '/a' }]), 'x.csv': '' });
    const cases: [string[], RegExp][] = [
      [[], /missing <input>/],
      [['a', 'b'], /expected one <input>/],
      [['docs.jsonl', '--unknown'], /--unknown/],
      [['docs.jsonl', '--out'], /--out/],
      [['docs.jsonl', '--base-url', 'ftp://site.de'], /--base-url must start with http/],
      [['docs.jsonl', '--base-url', '/relative'], /--base-url must be an absolute URL/],
      [['docs.jsonl', '--data-date', '28.11.2026'], /--data-date must be a date/],
      [['docs.jsonl', '--data-date', '2026-02-30'], /--data-date must be a date that exists/],
      [['docs.jsonl', '--data-date', '2026-02-29'], /2026-02-29 is not in the calendar/],
      [['docs.jsonl', '--snippet-text', 'viel'], /--snippet-text must be a number/],
      [['docs.jsonl', '--out', 'docs.jsonl'], /--out must not be the input file/],
      [['x.csv'], /the input must be a folder, a \.json file or a \.jsonl/],
    ];
    for (const [args, pattern] of cases) {
      const stderr = await assertFails(dir, await cli(dir, ...args), pattern, 2);
      assert.match(stderr, /^hint: Run hzd-search-index --help for usage\.$/m, args.join(' '));
    }
  });
});

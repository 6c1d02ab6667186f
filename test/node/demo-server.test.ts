/**
 * `npm start`'s server: it answers at once, builds the law page's sharded index in the
 * background, says so on the law page meanwhile (its index answering 503), and serves the index
 * once it is built. A small corpus stands in for the 10,000 law sections.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const MANIFEST = '/demo/generated/gesetze-10k/manifest.json';

let tmp: string;
let server: ChildProcess | undefined;
let origin: string;
const log: string[] = [];

/** Resolves when the server's output contains `pattern`, with the match. */
function output(pattern: RegExp, timeout = 60_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = log.join('').match(pattern);
      if (match) {
        clearInterval(timer);
        clearTimeout(limit);
        resolve(match);
      }
    };
    const timer = setInterval(check, 20);
    const limit = setTimeout(() => {
      clearInterval(timer);
      reject(new Error(`no ${pattern} in the server output:\n${log.join('')}`));
    }, timeout);
    check();
  });
}

before(async () => {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run npm run build first');
  tmp = await mkdtemp(join(tmpdir(), 'hzd-demo-'));
  const sections = Array.from({ length: 200 }, (_, n) => ({
    id: `gesetz/p${n}`,
    title: `§ ${n} Wohngeld und Mietzuschuss`,
    url: `https://www.gesetze-im-internet.de/gesetz/__${n}.html`,
    body: `Abschnitt ${n}: Wohngeld erhält, wer Miete zahlt und wenig Einkommen hat.`,
  }));
  const corpus = join(tmp, 'gesetze.json.gz');
  await writeFile(corpus, gzipSync(JSON.stringify(sections)));
  server = spawn(process.execPath, [join(ROOT, 'demo', 'server.js')], {
    env: {
      ...process.env,
      PORT: '0',
      HZD_DEMO_CORPUS: corpus,
      HZD_DEMO_LAW_INDEX: join(tmp, 'gesetze-10k'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  origin = (await output(/Demo: (http:\/\/127\.0\.0\.1:\d+)\//))[1]!;
});

after(async () => {
  server?.kill();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('serves at once, says the law index is being built, then serves it', async () => {
  // Asked right after the server is up: the index build has only just started.
  const [home, lawPage, early] = await Promise.all([
    fetch(`${origin}/`),
    fetch(`${origin}/demo/gesetze.html`),
    fetch(`${origin}${MANIFEST}`),
  ]);
  assert.equal(home.status, 200);
  const page = await lawPage.text();
  assert.match(page, /class="notice" role="status">Der Index der Gesetzesabschnitte wird gerade/);
  assert.match(page, /index-src="\/demo\/generated\/gesetze-10k\/"/);
  assert.equal(early.status, 503, 'the index is not served half-built');
  await early.body?.cancel();

  await output(/The law index is ready\./);
  const ready = await (await fetch(`${origin}/demo/gesetze.html`)).text();
  assert.doesNotMatch(ready, /class="notice"/, 'the notice is gone once the index is built');
  const manifest = (await (await fetch(`${origin}${MANIFEST}`)).json()) as Record<string, unknown>;
  assert.equal(manifest['layout'], 'sharded');
  assert.equal(manifest['documentCount'], 200);
});

test('refuses paths outside the demo, the built files and the law index', async () => {
  for (const path of ['/package.json', '/src/index.ts', '/demo/../package.json']) {
    const response = await fetch(`${origin}${path}`);
    assert.equal(response.status, 404, path);
    await response.body?.cancel();
  }
  const escape = await fetch(`${origin}/demo/generated/gesetze-10k/..%2F..%2Fgesetze.json.gz`);
  assert.equal(escape.status, 404, 'no way out of the law index folder');
  await escape.body?.cancel();
});

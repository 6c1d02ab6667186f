/**
 * Benchmark of `hzd-search-index crawl`: 10,000 pages (sections of federal law from
 * ../shared/corpus) served on 127.0.0.1 with robots.txt and a sitemap index of gzipped sitemaps,
 * crawled and built three times:
 *
 * 1. a first crawl with an empty cache;
 * 2. again, with the cache and sitemaps whose <lastmod> is older than the copies: no page is
 *    requested;
 * 3. again, with sitemaps without <lastmod>: every page is asked for with If-None-Match and
 *    answered 304.
 *
 *   npm run bench:crawl                    10,000 pages
 *   npm run bench:crawl -- --pages 2000    fewer
 *
 * The CLI runs in a child process, so its time and peak memory are its own; the server counts
 * the requests. Prints a Markdown report to stdout and removes its temporary folder.
 * HZD_CORPUS_DIR overrides the corpus folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { FixtureSite } from '../node/helpers/fixture-site.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = resolve(
  process.env['HZD_CORPUS_DIR'] ?? resolve(REPO_ROOT, '../shared/corpus'),
  'gesetze-10k.json.gz',
);
const PER_SITEMAP = 5000;

interface LawSection {
  id: string;
  title: string;
  body: string;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function pageHtml(section: LawSection): string {
  const paragraphs = section.body
    .split(/\n(?=\(\d+\))/)
    .map((paragraph) => `<p>${escape(paragraph)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>${escape(section.title)} | Bundesrecht im Test</title>
<meta name="description" content="Gesetze und Verordnungen des Bundes.">
</head><body><header><nav><a href="/">Start</a> <a href="/impressum">Impressum</a></nav></header>
<main><h1>${escape(section.title)}</h1>${paragraphs}</main><footer>Test</footer></body></html>`;
}

function sitemapXml(origin: string, paths: readonly string[], lastmod: boolean): string {
  const urls = paths
    .map(
      (path) =>
        `<url><loc>${origin}${path}</loc>${lastmod ? '<lastmod>2026-01-01</lastmod>' : ''}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

function sitemapIndex(origin: string, names: readonly string[]): string {
  const entries = names.map((name) => `<sitemap><loc>${origin}${name}</loc></sitemap>`).join('');
  return `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries}</sitemapindex>`;
}

async function serve(sections: readonly LawSection[]): Promise<FixtureSite> {
  const site = new FixtureSite();
  await site.start();
  const origin = site.origin;
  const paths: string[] = [];
  for (const section of sections) {
    const path = `/gesetze/${section.id}`;
    paths.push(path);
    site.routes.set(path, {
      headers: { 'last-modified': 'Thu, 01 Jan 2026 08:00:00 GMT' },
      body: pageHtml(section),
    });
  }
  site.routes.set('/', { body: '<title>Start</title><main><h1>Bundesrecht im Test</h1></main>' });
  site.routes.set('/robots.txt', {
    headers: { 'content-type': 'text/plain' },
    body: `User-agent: *\nDisallow: /intern/\nSitemap: ${origin}/sitemap-index.xml\n`,
  });
  for (const lastmod of [true, false]) {
    const names: string[] = [];
    for (let start = 0; start < paths.length; start += PER_SITEMAP) {
      const name = `/sitemaps/${lastmod ? 'mit' : 'ohne'}-lastmod-${start / PER_SITEMAP + 1}.xml.gz`;
      names.push(name);
      site.routes.set(name, {
        headers: { 'content-type': 'application/gzip' },
        body: gzipSync(sitemapXml(origin, paths.slice(start, start + PER_SITEMAP), lastmod)),
      });
    }
    site.routes.set(lastmod ? '/sitemap-index.xml' : '/sitemap-ohne-lastmod.xml', {
      headers: { 'content-type': 'application/xml' },
      body: sitemapIndex(origin, names),
    });
  }
  return site;
}

interface ChildResult {
  code: number;
  seconds: number;
  maxRssMb: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in a child process; it reports its own peak memory when done. */
function runCli(args: readonly string[], cwd: string): Promise<ChildResult> {
  const main = resolve(REPO_ROOT, 'src/cli/main.ts');
  const script = `
    const { run } = await import(${JSON.stringify(main)});
    const code = await run(${JSON.stringify(args)});
    process.stderr.write('\\n@@' + JSON.stringify({ code, maxRss: process.resourceUsage().maxRSS }) + '\\n');`;
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      // The child works in a temporary folder, where a bare 'tsx' would not resolve.
      [
        '--import',
        pathToFileURL(resolve(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
        '--input-type=module',
        '-e',
        script,
      ],
      {
        cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', () => {
      const seconds = (performance.now() - started) / 1000;
      const marker = /@@(\{.*\})\n?$/.exec(stderr);
      if (!marker) return reject(new Error(`the CLI did not finish:\n${stderr}`));
      const { code, maxRss } = JSON.parse(marker[1]!) as { code: number; maxRss: number };
      resolvePromise({
        code,
        seconds,
        maxRssMb: maxRss / 1024,
        stdout,
        stderr: stderr.slice(0, marker.index),
      });
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { pages: { type: 'string' } } });
  const wanted = Number(values.pages ?? 10_000);
  if (!existsSync(CORPUS)) {
    console.error(`The corpus is missing: ${CORPUS} (see ../shared/corpus/README.md).`);
    process.exitCode = 1;
    return;
  }
  const sections = (
    JSON.parse(gunzipSync(readFileSync(CORPUS)).toString('utf8')) as LawSection[]
  ).slice(0, wanted);
  const site = await serve(sections);
  const dir = await mkdtemp(join(tmpdir(), 'hzd-crawl-bench-'));
  const crawl = [
    'crawl',
    `${site.origin}/`,
    '--rate',
    '1000',
    '--concurrency',
    '8',
    '--max-pages',
    '20000',
    '--out',
    'index.json',
  ];
  const runs: [string, string[]][] = [
    ['1. first crawl, empty cache', crawl],
    ['2. again: sitemap <lastmod> older than the copies', crawl],
    [
      '3. again: sitemaps without <lastmod>, conditional requests',
      [...crawl, '--sitemap', `${site.origin}/sitemap-ohne-lastmod.xml`],
    ],
  ];
  const rows: string[] = [];
  try {
    for (const [label, args] of runs) {
      site.clearLog();
      console.error(`${label} …`);
      const result = await runCli(args, dir);
      if (result.code !== 0) throw new Error(`${label}: exit ${result.code}\n${result.stderr}`);
      const count = (status: number) => site.log.filter((entry) => entry.status === status).length;
      const documents = /documents: +([\d,]+)/.exec(result.stdout)?.[1] ?? '?';
      // The crawl's own time, from its summary line; the rest is the index build.
      const crawlSeconds = /^Crawled .*, ([\d.]+) s$/m.exec(result.stdout)?.[1] ?? '?';
      const size = (await stat(join(dir, 'index.json'))).size;
      rows.push(
        `| ${label} | ${documents} | ${result.seconds.toFixed(1)} s | ${crawlSeconds} s | ${Math.round(result.maxRssMb)} MB | ${site.log.length} | ${count(200)} | ${count(304)} | ${(size / 1024 / 1024).toFixed(1)} MB |`,
      );
    }
  } finally {
    await site.stop();
    await rm(dir, { recursive: true, force: true });
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    [
      `## Crawl benchmark: ${sections.length.toLocaleString('en-US')} pages on 127.0.0.1`,
      '',
      `Node ${process.version}, ${cpus().length} × ${cpu}. Concurrency 8, rate limit 1000/s. Time and peak memory (RSS) of the CLI process, crawl and index build together; requests counted by the server (robots.txt and sitemaps included).`,
      '',
      '| run | documents | time | of it crawling | peak memory | requests | 200 | 304 | index |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
    ].join('\n'),
  );
}

await main();

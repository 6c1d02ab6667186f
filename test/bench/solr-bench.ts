/**
 * `npm run bench:solr`: SolrSource against a SolrCloud (2 nodes, 2 shards × 2 replicas) and the
 * sharded static index, on the same input, in one run, in Node.
 *
 *   npm run bench:solr                               all 86,228 law sections
 *   npm run bench:solr -- --input path/to/docs.json.gz
 *
 * One-time costs: the push (`hzd-search-index <input> --to-solr`, dist/cli.js) and the static
 * build (`--out folder/`, cached in test/bench/.cache/ keyed by input and dist/cli.js mtime).
 * Then the seven typed queries of the browser benchmark, each typed letter by letter (every
 * keystroke is `search(prefix, { limit: 10, prefix: true })` and `suggest(prefix)` together, as
 * the widget sends them while typing), then the whole words (`prefix: false`). Each query starts
 * on a fresh engine: a new SolrSource, a new ShardedIndex (its first keystroke also fetches
 * manifest.json: cold); the later keystrokes of the same query are warm typing.
 *
 * Bytes are response bodies as transferred with gzip (level 6, as nginx would send them):
 * the static folder is served by bench-server.ts; Solr's answers go through a small proxy on
 * 127.0.0.1 that gzips them the same way (Solr's Jetty does not compress), so both count the
 * same thing. Headers are not counted. Both servers are on this machine: latency is CPU and
 * loopback only, no network; Solr shares the 2 cores with this process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { SolrSource } from '../../src/backends/solr/solr-source.js';
import { parseIndexJson } from '../../src/core/index-checks.js';
import { checkManifest, ShardedIndex } from '../../src/core/sharded/sharded-index.js';
import { startSolrCloud } from '../solr/helpers/cluster.js';
import { startBenchServer } from './bench-server.js';
import { CACHE_DIR, REPO_ROOT } from './corpora.js';

/** The browser benchmark's typed queries for the law corpus (browser-bench.ts). */
const QUERIES = [
  'Kündigungsfrist',
  'Elterngeld',
  'Aufenthaltserlaubnis',
  'Datenschutz Auskunft',
  'Führerschein',
  'Steuererklärung Frist',
  'Mietvertrag',
];
const LIMIT = 10;
const ALIAS = 'hzd';

const { values } = parseArgs({
  options: {
    input: {
      type: 'string',
      default: resolve(REPO_ROOT, '../shared/corpus/gesetze-all.json.gz'),
    },
  },
});
const input = resolve(values.input ?? '');
const CLI = resolve(REPO_ROOT, 'dist/cli.js');

const log = (text: string) => process.stderr.write(`[solr-bench] ${text}\n`);

function has(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return !result.error && result.status === 0;
}

if (!has('java', ['-version']) || !has('mvn', ['-v'])) {
  console.log(
    '(not run: Java 17 and Maven are needed for the SolrCloud harness; on Debian: ' +
      '`apt-get install openjdk-17-jdk-headless maven`)',
  );
  process.exit(0);
}
if (!existsSync(CLI)) {
  console.error(`dist/cli.js is missing: run \`npm run build\` first.`);
  process.exit(1);
}
if (!existsSync(input)) {
  console.error(`The input ${input} does not exist (give one with --input).`);
  process.exit(1);
}

function runCli(args: string[]): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise({ ms: performance.now() - start, stdout });
      else reject(new Error(`node dist/cli.js ${args.join(' ')} failed (exit code ${code})`));
    });
  });
}

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The static folder, built once per input and CLI build. */
async function staticIndex(): Promise<{ dir: string; buildMs: number; cached: boolean }> {
  const inputStat = statSync(input);
  const key = createHash('sha1')
    .update(`${input}\n${inputStat.size}\n${inputStat.mtimeMs}\n${statSync(CLI).mtimeMs}`)
    .digest('hex')
    .slice(0, 12);
  const dir = join(CACHE_DIR, `solr-bench-static-${key}`);
  const timing = join(CACHE_DIR, `solr-bench-static-${key}.json`);
  if (existsSync(join(dir, 'manifest.json')) && existsSync(timing)) {
    const { buildMs } = JSON.parse(readFileSync(timing, 'utf8')) as { buildMs: number };
    return { dir, buildMs, cached: true };
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  log(`building the sharded static index into ${dir}/`);
  const { ms } = await runCli([input, '--out', `${dir}/`, '--quiet']);
  writeFileSync(timing, JSON.stringify({ buildMs: ms }));
  return { dir, buildMs: ms, cached: false };
}

interface Counter {
  bytes: number;
  raw: number;
  requests: number;
}

/** A proxy in front of one Solr node that gzips answers (level 6) and counts what it sends. */
async function startCountingProxy(target: string) {
  const upstream = new URL(target);
  const counter: Counter = { bytes: 0, raw: 0, requests: 0 };
  const server = createServer((req, res) => {
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: upstream.host, 'accept-encoding': 'identity' },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const raw = Buffer.concat(chunks);
          const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
          const body = gzip ? gzipSync(raw, { level: 6 }) : raw;
          counter.requests++;
          counter.raw += raw.length;
          counter.bytes += body.length;
          const headers = { ...answer.headers };
          delete headers['transfer-encoding'];
          delete headers['content-length'];
          if (gzip) headers['content-encoding'] = 'gzip';
          headers['content-length'] = String(body.length);
          res.writeHead(answer.statusCode ?? 502, headers).end(body);
        });
      },
    );
    forward.on('error', (error) => res.writeHead(502).end(String(error)));
    req.pipe(forward);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    counter,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

interface Engine {
  search(query: string, options: { limit: number; prefix: boolean }): Promise<unknown>;
  suggest(query: string): Promise<unknown>;
}

interface Step {
  ms: number;
  bytes: number;
  requests: number;
}

interface QueryRun {
  cold: Step;
  typing: Step[];
  whole: Step;
}

/** Types each query on a fresh engine, then searches the whole words. */
async function runQueries(
  fresh: () => Promise<Engine> | Engine,
  counted: () => { bytes: number; requests: number },
): Promise<QueryRun[]> {
  const runs: QueryRun[] = [];
  for (const query of QUERIES) {
    const steps: Step[] = [];
    const before0 = counted();
    const start0 = performance.now();
    let engine: Engine | undefined;
    for (let n = 1; n <= query.length; n++) {
      const text = query.slice(0, n);
      const before = n === 1 ? before0 : counted();
      const start = n === 1 ? start0 : performance.now();
      // The cold step includes opening the engine (the static index fetches its manifest).
      engine ??= await fresh();
      await Promise.all([
        engine.search(text, { limit: LIMIT, prefix: true }),
        engine.suggest(text),
      ]);
      const after = counted();
      steps.push({
        ms: performance.now() - start,
        bytes: after.bytes - before.bytes,
        requests: after.requests - before.requests,
      });
    }
    const before = counted();
    const start = performance.now();
    await Promise.all([
      engine!.search(query, { limit: LIMIT, prefix: false }),
      engine!.suggest(query),
    ]);
    const after = counted();
    const whole = {
      ms: performance.now() - start,
      bytes: after.bytes - before.bytes,
      requests: after.requests - before.requests,
    };
    runs.push({ cold: steps[0]!, typing: steps.slice(1), whole });
  }
  return runs;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------

log(`input ${input} (${(statSync(input).size / 2 ** 20).toFixed(1)} MB as stored)`);

const built = await staticIndex();
const staticFiles = filesOf(built.dir);
const staticRaw = sum(staticFiles.map((file) => statSync(file).size));
const staticGzip = sum(
  staticFiles.map((file) => gzipSync(readFileSync(file), { level: 6 }).length),
);
const manifest = JSON.parse(readFileSync(join(built.dir, 'manifest.json'), 'utf8')) as {
  documentCount: number;
};

log('starting SolrCloud (2 nodes)');
const cloud = await startSolrCloud();
let report: string;
try {
  log(`pushing ${input} to ${cloud.urls[0]}/${ALIAS} (2 shards × 2 replicas)`);
  const push = await runCli([
    input,
    '--to-solr',
    `${cloud.urls[0]}/${ALIAS}`,
    '--solr-shards',
    '2',
    '--solr-replicas',
    '2',
  ]);
  log(`pushed in ${(push.ms / 1000).toFixed(1)} s`);

  // Index size: every core of the collection, from CoreAdmin STATUS on both nodes.
  let solrAll = 0;
  const cores: string[] = [];
  for (const url of cloud.urls) {
    const status = (await (await fetch(`${url}/admin/cores?action=STATUS&wt=json`)).json()) as {
      status: Record<string, { index?: { sizeInBytes?: number } }>;
    };
    for (const [name, core] of Object.entries(status.status)) {
      if (!name.startsWith(`${ALIAS}_`)) continue;
      cores.push(name);
      solrAll += core.index?.sizeInBytes ?? 0;
    }
  }
  const replicas = 2;
  const solrOneCopy = solrAll / replicas;

  const proxy = await startCountingProxy(cloud.urls[0]!.replace(/\/solr$/, ''));
  const server = await startBenchServer({ '/index/': built.dir });
  try {
    const solrUrl = `${proxy.origin}/solr/${ALIAS}/`;
    // Warm-up of neither engine: both start as a visitor's first query after a deploy would.
    log('running the queries through SolrSource');
    const solrRuns = await runQueries(
      () => new SolrSource({ url: solrUrl, timeout: 60_000 }),
      () => ({ bytes: proxy.counter.bytes, requests: proxy.counter.requests }),
    );
    const staticCount = () => ({
      bytes: sum(server.log.map((entry) => entry.bytes)),
      requests: server.log.length,
    });
    log('running the queries through the sharded static index');
    const base = `${server.origin}/index/`;
    const fetchJson = async (path: string) => {
      const response = await fetch(new URL(path, base));
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return parseIndexJson(await response.text());
    };
    const staticRuns = await runQueries(
      async () => new ShardedIndex(checkManifest(await fetchJson('manifest.json')), fetchJson),
      staticCount,
    );
    report = table({
      push: push.ms,
      built,
      staticRaw,
      staticGzip,
      staticFiles: staticFiles.length,
      solrAll,
      solrOneCopy,
      cores: cores.length,
      documents: manifest.documentCount,
      solrRuns,
      staticRuns,
      solrRaw: proxy.counter.raw,
      solrBytes: proxy.counter.bytes,
    });
  } finally {
    await proxy.close();
    await server.close();
  }
} finally {
  await cloud.close();
}
console.log(report);

function table(m: {
  push: number;
  built: { buildMs: number; cached: boolean };
  staticRaw: number;
  staticGzip: number;
  staticFiles: number;
  solrAll: number;
  solrOneCopy: number;
  cores: number;
  documents: number;
  solrRuns: QueryRun[];
  staticRuns: QueryRun[];
  solrRaw: number;
  solrBytes: number;
}): string {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const s = (value: number) => `${(value / 1000).toFixed(1)} s`;
  const num = (value: number) => value.toFixed(1);
  const ratio = (solr: number, stat: number) =>
    stat === 0 ? (solr === 0 ? '–' : '∞') : `${(solr / stat).toFixed(2)}×`;
  const of = (runs: QueryRun[]) => {
    const typing = runs.flatMap((run) => run.typing);
    const cold = runs.map((run) => run.cold);
    const whole = runs.map((run) => run.whole);
    const keystrokes = runs.flatMap((run) => [run.cold, ...run.typing]);
    return {
      coldMs: percentile(
        cold.map((step) => step.ms),
        50,
      ),
      coldBytes: sum(cold.map((step) => step.bytes)) / cold.length,
      coldRequests: sum(cold.map((step) => step.requests)) / cold.length,
      typingP50: percentile(
        typing.map((step) => step.ms),
        50,
      ),
      typingP95: percentile(
        typing.map((step) => step.ms),
        95,
      ),
      typingBytes: sum(typing.map((step) => step.bytes)) / typing.length,
      typingRequests: sum(typing.map((step) => step.requests)) / typing.length,
      queryBytes:
        sum(keystrokes.map((step) => step.bytes)) / runs.length +
        sum(whole.map((step) => step.bytes)) / runs.length,
      wholeP50: percentile(
        whole.map((step) => step.ms),
        50,
      ),
      wholeP95: percentile(
        whole.map((step) => step.ms),
        95,
      ),
      wholeBytes: sum(whole.map((step) => step.bytes)) / whole.length,
      wholeRequests: sum(whole.map((step) => step.requests)) / whole.length,
      keystrokes: keystrokes.length,
    };
  };
  const solr = of(m.solrRuns);
  const stat = of(m.staticRuns);
  const rows: [string, number, number, (v: number) => string][] = [
    ['Cold first keystroke: latency (p50 of 7)', solr.coldMs, stat.coldMs, ms],
    ['Cold first keystroke: bytes (mean)', solr.coldBytes, stat.coldBytes, kb],
    ['Cold first keystroke: requests (mean)', solr.coldRequests, stat.coldRequests, num],
    ['Warm typing: latency p50 per keystroke', solr.typingP50, stat.typingP50, ms],
    ['Warm typing: latency p95 per keystroke', solr.typingP95, stat.typingP95, ms],
    ['Warm typing: bytes per keystroke (mean)', solr.typingBytes, stat.typingBytes, kb],
    ['Warm typing: requests per keystroke (mean)', solr.typingRequests, stat.typingRequests, num],
    ['Whole words (after typing): latency p50', solr.wholeP50, stat.wholeP50, ms],
    ['Whole words (after typing): latency p95', solr.wholeP95, stat.wholeP95, ms],
    ['Whole words: bytes (mean)', solr.wholeBytes, stat.wholeBytes, kb],
    ['Whole words: requests (mean)', solr.wholeRequests, stat.wholeRequests, num],
    [
      'Bytes per typed query, all keystrokes + whole words (mean)',
      solr.queryBytes,
      stat.queryBytes,
      kb,
    ],
  ];
  const lines = [
    `Input: ${input.replace(resolve(REPO_ROOT, '..') + '/', '../')}, ${m.documents.toLocaleString('en')} documents. ` +
      `${QUERIES.length} queries typed letter by letter (${solr.keystrokes} keystrokes: search + suggest each), ` +
      `then searched as whole words; a fresh engine per query. Bytes: response bodies gzip level 6 ` +
      `(Solr through a gzipping proxy; raw JSON from Solr: ${kb(m.solrRaw)} in all, gzipped ${kb(m.solrBytes)}).`,
    '',
    '| | SolrSource (SolrCloud, 2 shards × 2 replicas) | Sharded static index | Solr / static |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map(
      ([label, a, b, format]) => `| ${label} | ${format(a)} | ${format(b)} | ${ratio(a, b)} |`,
    ),
    `| Index on disk, one copy | ${mb(m.solrOneCopy)} (Lucene, 2 shards) | ${mb(m.staticRaw)} (${m.staticFiles.toLocaleString('en')} files) | ${ratio(m.solrOneCopy, m.staticRaw)} |`,
    `| Index on disk, as stored | ${mb(m.solrAll)} (${m.cores} cores) | ${mb(m.staticGzip)} gzip (all files) | – |`,
    `| One-time cost | push ${s(m.push)} | build ${s(m.built.buildMs)}${m.built.cached ? ' (cached from an earlier run)' : ''} | ${ratio(m.push, m.built.buildMs)} |`,
  ];
  return lines.join('\n');
}

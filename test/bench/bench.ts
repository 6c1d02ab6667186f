/**
 * Benchmark of the search core against plain MiniSearch on the German federal-law corpus in
 * ../shared/corpus (see its README): build time, index size, load time, heap after load and query
 * latency (whole words, two words, typos, keystroke prefixes of 1 to 8 letters).
 *
 *   npm run bench:core                          both corpora (10k and all), 20 repetitions
 *   npm run bench:core -- --corpus 10k --quick  one corpus, 5 repetitions
 *
 * Prints a Markdown report to stdout (progress goes to stderr) and writes no files. The 86k
 * corpus needs a few GB of heap, so the script re-runs itself in a child Node process with
 * --max-old-space-size and --expose-gc (for the heap figures) unless those are already set.
 * HZD_CORPUS_DIR overrides the corpus folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { gunzipSync, gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import { buildIndex, loadIndex } from '../../src/core/index.js';

const HEAP_MB = 8192;
const CHILD_MARKER = 'HZD_BENCH_CHILD';
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS_DIR = process.env['HZD_CORPUS_DIR'] ?? resolve(REPO_ROOT, '../shared/corpus');

const CORPORA = {
  '10k': 'gesetze-10k.json.gz',
  all: 'gesetze-all.json.gz',
} as const;
type CorpusName = keyof typeof CORPORA;

const WHOLE_WORDS = [
  'Wohngeld',
  'Aufenthaltserlaubnis',
  'Kündigung',
  'Datenschutz',
  'Führerschein',
  'Steuererklärung',
  'Elterngeld',
  'Kindergeld',
];
const TWO_WORDS = [
  'Wohngeld Antrag',
  'Kündigung Mietvertrag',
  'Aufenthaltserlaubnis Verlängerung',
  'Datenschutz Auskunft',
  'Führerschein Entzug',
  'Steuererklärung Frist',
  'Elterngeld Bezugsdauer',
  'Kindergeld Anspruch',
];
const TYPOS = [
  'Wohngelt',
  'Aufenthaltserlaubniss',
  'Kündigng',
  'Datenschuz',
  'Fürerschein',
  'Steuererklerung',
  'Elterngelt',
  'Kindergelt',
];
/** Typed keystroke by keystroke; each prefix length 1..8 is its own query class. */
const TYPED_WORDS = ['wohngeld', 'aufenthalt', 'datenschutz', 'fuehrerschein'];
const MAX_PREFIX = 8;

/** Options of the plain MiniSearch baseline; loadJSON needs the same ones. */
const PLAIN_OPTIONS = { fields: ['title', 'body', 'keywords'], storeFields: ['title', 'url'] };
const PLAIN_SEARCH = { prefix: true, fuzzy: 0.2 };

interface Settings {
  corpora: CorpusName[];
  repetitions: number;
  warmup: number;
  loadRuns: number;
  /** Upper bound for the measured rounds of one query class and engine (ms). */
  classBudgetMs: number;
}

interface CorpusDocument {
  id: string;
  title: string;
  url: string;
  keywords?: string[];
  body?: string;
}

type Mode = 'word' | 'prefix';

interface QueryClass {
  name: string;
  queries: string[];
  mode: Mode;
}

/** Runs one query and returns the number of matching documents. */
type Runner = (query: string, mode: Mode) => number;

interface ClassResult {
  samples: number;
  p50: number;
  p95: number;
  averageMatches: number;
  slowest: { query: string; p50: number };
}

interface EngineResult {
  error?: string;
  buildMs?: number;
  stringifyMs?: number;
  rawBytes?: number;
  gzipBytes?: number;
  parseMs?: number;
  loadMs?: number;
  heapDeltaBytes?: number;
  classes: Map<string, ClassResult>;
}

function usage(): never {
  console.error('Usage: npm run bench:core -- [--corpus 10k|all|both] [--quick]');
  process.exit(2);
}

function parseArgs(argv: string[]): Settings {
  let corpus = 'both';
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--corpus') corpus = argv[++i] ?? '';
    else if (arg.startsWith('--corpus=')) corpus = arg.slice('--corpus='.length);
    else if (arg === '--help' || arg === '-h') usage();
    else {
      console.error(`Unknown argument: ${arg}`);
      usage();
    }
  }
  if (corpus !== '10k' && corpus !== 'all' && corpus !== 'both') {
    console.error(`--corpus must be 10k, all or both, not "${corpus}".`);
    usage();
  }
  return {
    corpora: corpus === 'both' ? ['10k', 'all'] : [corpus],
    repetitions: quick ? 5 : 20,
    warmup: quick ? 1 : 3,
    loadRuns: quick ? 1 : 3,
    classBudgetMs: quick ? 10_000 : 60_000,
  };
}

/** Re-runs this script with a larger heap and --expose-gc, unless that is already the case. */
function respawnIfNeeded(): boolean {
  if (process.env[CHILD_MARKER] === '1') return false;
  const heapLimitMb = getHeapStatistics().heap_size_limit / 2 ** 20;
  if (typeof globalThis.gc === 'function' && heapLimitMb >= HEAP_MB * 0.9) return false;
  let tsx = 'tsx';
  try {
    tsx = import.meta.resolve('tsx');
  } catch {
    // Fall back to the bare specifier, resolved from the working directory.
  }
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_MB}`,
      '--expose-gc',
      '--import',
      tsx,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', cwd: REPO_ROOT, env: { ...process.env, [CHILD_MARKER]: '1' } },
  );
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function collectGarbage(): void {
  if (typeof globalThis.gc === 'function') {
    globalThis.gc();
    globalThis.gc();
  }
}

function heapUsed(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

function time<T>(action: () => T): [T, number] {
  const start = performance.now();
  const value = action();
  return [value, performance.now() - start];
}

function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

function queryClasses(): QueryClass[] {
  const classes: QueryClass[] = [
    { name: 'whole words', queries: WHOLE_WORDS, mode: 'word' },
    { name: 'two words', queries: TWO_WORDS, mode: 'word' },
    { name: 'typos', queries: TYPOS, mode: 'word' },
  ];
  for (let length = 1; length <= MAX_PREFIX; length++) {
    classes.push({
      name: `prefix, ${length} letter${length > 1 ? 's' : ''}`,
      queries: TYPED_WORDS.map((word) => word.slice(0, length)),
      mode: 'prefix',
    });
  }
  return classes;
}

/**
 * Latency of one query class: warm-up rounds, then rounds over all queries (interleaved, so a
 * slow query does not sit in one cache state), capped by a time budget for very slow classes.
 */
function measureClass(queryClass: QueryClass, run: Runner, settings: Settings): ClassResult {
  const { queries, mode } = queryClass;
  let matches = 0;
  let warmupMs = 0;
  for (let round = 0; round < settings.warmup; round++) {
    for (const query of queries) {
      const [count, ms] = time(() => run(query, mode));
      warmupMs += ms;
      if (round === 0) matches += count;
    }
  }
  const perRoundMs = warmupMs / Math.max(1, settings.warmup);
  const rounds = Math.max(
    Math.min(5, settings.repetitions),
    Math.min(settings.repetitions, Math.floor(settings.classBudgetMs / Math.max(perRoundMs, 1e-3))),
  );
  const all: number[] = [];
  const byQuery = new Map<string, number[]>(queries.map((query) => [query, []]));
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const [, ms] = time(() => run(query, mode));
      all.push(ms);
      byQuery.get(query)!.push(ms);
    }
  }
  let slowest = { query: '', p50: -1 };
  for (const [query, samples] of byQuery) {
    const p50 = median(samples);
    if (p50 > slowest.p50) slowest = { query, p50 };
  }
  return {
    samples: all.length,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    averageMatches: matches / queries.length,
    slowest,
  };
}

function measureQueries(run: Runner, settings: Settings, label: string): Map<string, ClassResult> {
  const results = new Map<string, ClassResult>();
  for (const queryClass of queryClasses()) {
    collectGarbage();
    const result = measureClass(queryClass, run, settings);
    results.set(queryClass.name, result);
    log(
      `${label}: ${queryClass.name}: p50 ${formatMs(result.p50)}, p95 ${formatMs(result.p95)} (n=${result.samples})`,
    );
  }
  return results;
}

/** Builds an index and returns its JSON text; the built object is garbage once this returns. */
function buildAndSerialize(result: EngineResult, label: string, build: () => unknown): string {
  log(`${label}: building …`);
  const [built, buildMs] = time(build);
  result.buildMs = buildMs;
  log(`${label}: built in ${formatMs(buildMs)}`);
  const [json, stringifyMs] = time(() => JSON.stringify(built));
  result.stringifyMs = stringifyMs;
  result.rawBytes = Buffer.byteLength(json, 'utf8');
  log(`${label}: JSON ${formatBytes(result.rawBytes)} in ${formatMs(stringifyMs)}; gzip -9 …`);
  result.gzipBytes = gzipSync(json, { level: 9 }).length;
  return json;
}

/**
 * Parses and loads the JSON text `settings.loadRuns` times (median time) and measures the heap
 * the last loaded index keeps; returns that instance.
 */
function loadRepeatedly<T>(
  result: EngineResult,
  label: string,
  settings: Settings,
  json: string,
  load: (parsed: unknown) => T,
): T {
  const parseTimes: number[] = [];
  const loadTimes: number[] = [];
  // Extra runs for the timing only. Their instances never reach this frame: a stale stack slot
  // would keep one alive through the next heap measurement and hide the index's size.
  for (let run = 1; run < settings.loadRuns; run++) {
    const [parseMs, loadMs] = timeLoad(json, load);
    parseTimes.push(parseMs);
    loadTimes.push(loadMs);
  }
  const before = heapUsed();
  const [loaded, parseMs, loadMs] = parseAndLoad(json, load);
  result.heapDeltaBytes = heapUsed() - before;
  parseTimes.push(parseMs);
  loadTimes.push(loadMs);
  result.parseMs = median(parseTimes);
  result.loadMs = median(loadTimes);
  log(
    `${label}: load ${formatMs(result.parseMs + result.loadMs)}, heap +${formatBytes(result.heapDeltaBytes)}`,
  );
  return loaded;
}

function timeLoad(json: string, load: (parsed: unknown) => unknown): [number, number] {
  collectGarbage();
  const [, parseMs, loadMs] = parseAndLoad(json, load);
  return [parseMs, loadMs];
}

/** Parsed separately from loading to report both; the parsed tree is garbage afterwards. */
function parseAndLoad<T>(json: string, load: (parsed: unknown) => T): [T, number, number] {
  const [parsed, parseMs] = time((): unknown => JSON.parse(json));
  const [instance, loadMs] = time(() => load(parsed));
  return [instance, parseMs, loadMs];
}

function benchOurs(docs: readonly CorpusDocument[], settings: Settings): EngineResult {
  const result: EngineResult = { classes: new Map() };
  const label = 'hzd core';
  try {
    const json = buildAndSerialize(result, label, () =>
      buildIndex(docs, {
        onProgress: (done, total) => {
          if (done % Math.max(1, Math.floor(total / 4)) < Math.max(1, Math.floor(total / 20)))
            log(`${label}: ${done}/${total} documents added`);
        },
      }),
    );
    const index = loadRepeatedly(result, label, settings, json, (parsed) => loadIndex(parsed));
    result.classes = measureQueries(
      (query, mode) => index.search(query, { limit: 10, prefix: mode === 'prefix' }).total,
      settings,
      label,
    );
  } catch (error) {
    result.error = (error as Error).message;
    log(`${label}: failed: ${result.error}`);
  }
  return result;
}

function benchPlain(docs: readonly CorpusDocument[], settings: Settings): EngineResult {
  const result: EngineResult = { classes: new Map() };
  const label = 'plain MiniSearch';
  try {
    const json = buildAndSerialize(result, label, () => {
      const engine = new MiniSearch(PLAIN_OPTIONS);
      engine.addAll(
        docs.map((doc) => ({
          id: doc.id,
          title: doc.title,
          url: doc.url,
          body: doc.body ?? '',
          keywords: (doc.keywords ?? []).join(' '),
        })),
      );
      return engine;
    });
    const engine = loadRepeatedly(result, label, settings, json, (parsed) =>
      MiniSearch.loadJS(parsed as Parameters<typeof MiniSearch.loadJS>[0], PLAIN_OPTIONS),
    );
    result.classes = measureQueries(
      (query) => engine.search(query, PLAIN_SEARCH).length,
      settings,
      label,
    );
  } catch (error) {
    result.error = (error as Error).message;
    log(`${label}: failed: ${result.error}`);
  }
  return result;
}

function formatMs(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '–';
  if (Math.abs(bytes) >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e3).toFixed(0)} kB`;
}

function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function sum(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a + b;
}

function report(
  corpus: CorpusName,
  documentCount: number,
  ours: EngineResult,
  plain: EngineResult,
): string {
  const lines: string[] = [];
  lines.push(`## ${CORPORA[corpus]}: ${formatCount(documentCount)} documents`, '');
  for (const [name, result] of [
    ['hzd core', ours],
    ['plain MiniSearch', plain],
  ] as const) {
    if (result.error) lines.push(`**${name} failed:** ${result.error}`, '');
  }
  lines.push('| | hzd core | plain MiniSearch |', '|---|---:|---:|');
  const row = (label: string, a: string, b: string) => lines.push(`| ${label} | ${a} | ${b} |`);
  row('build', formatMs(ours.buildMs), formatMs(plain.buildMs));
  row('JSON.stringify', formatMs(ours.stringifyMs), formatMs(plain.stringifyMs));
  row('index size, raw JSON', formatBytes(ours.rawBytes), formatBytes(plain.rawBytes));
  row('index size, gzip -9', formatBytes(ours.gzipBytes), formatBytes(plain.gzipBytes));
  row('load: JSON.parse', formatMs(ours.parseMs), formatMs(plain.parseMs));
  row('load: loadIndex / MiniSearch.loadJS', formatMs(ours.loadMs), formatMs(plain.loadMs));
  row(
    'load total (parse + load)',
    formatMs(sum(ours.parseMs, ours.loadMs)),
    formatMs(sum(plain.parseMs, plain.loadMs)),
  );
  row(
    'heap after load (heapUsed delta)',
    formatBytes(ours.heapDeltaBytes),
    formatBytes(plain.heapDeltaBytes),
  );
  lines.push('');
  lines.push(
    '| queries | n | hzd p50 | hzd p95 | plain p50 | plain p95 | hzd matches (avg) | plain matches (avg) | hzd slowest (p50) | plain slowest (p50) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---|',
  );
  for (const queryClass of queryClasses()) {
    const a = ours.classes.get(queryClass.name);
    const b = plain.classes.get(queryClass.name);
    const samples = [a?.samples, b?.samples].filter((n) => n !== undefined);
    const n = samples.length && samples.every((s) => s === samples[0]) ? String(samples[0]) : '';
    const slowest = (r: ClassResult | undefined) =>
      r ? `"${r.slowest.query}" ${formatMs(r.slowest.p50)}` : '–';
    lines.push(
      `| ${queryClass.name} | ${n || samples.join(' / ')} | ${formatMs(a?.p50)} | ${formatMs(a?.p95)} | ${formatMs(b?.p50)} | ${formatMs(b?.p95)} | ${a ? formatCount(a.averageMatches) : '–'} | ${b ? formatCount(b.averageMatches) : '–'} | ${slowest(a)} | ${slowest(b)} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

function readCorpus(path: string): CorpusDocument[] {
  const [docs, ms] = time(
    () => JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as CorpusDocument[],
  );
  log(`read ${docs.length} documents from ${path} in ${formatMs(ms)}`);
  return docs;
}

async function main(): Promise<void> {
  const settings = parseArgs(process.argv.slice(2));
  if (!existsSync(CORPUS_DIR)) {
    console.log(
      `Corpus folder not found: ${CORPUS_DIR}\nThe benchmark needs the federal-law corpus (gesetze-*.json.gz) in ../shared/corpus next to the repository, or HZD_CORPUS_DIR. Nothing measured.`,
    );
    return;
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const heapLimit = getHeapStatistics().heap_size_limit / 2 ** 20;
  const out: string[] = [
    '# hzd-search-widget benchmark',
    '',
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · Node ${process.version} · ${cpu} (${cpus().length} cores) · heap limit ${Math.round(heapLimit)} MB · ${settings.repetitions} repetitions per query after ${settings.warmup} warm-up rounds${settings.loadRuns > 1 ? ` · load times are the median of ${settings.loadRuns} runs` : ''}`,
    '',
    '- hzd core: `buildIndex(docs)` → `JSON.stringify` → `loadIndex(JSON.parse(json))` (what `loadIndex(json)` does); `index.search(q, { limit: 10, prefix })` with `prefix: false` for whole words, two words and typos and `prefix: true` for keystroke prefixes. Latency includes ranking and snippets of the 10 hits.',
    "- plain MiniSearch: `new MiniSearch({ fields: ['title', 'body', 'keywords'], storeFields: ['title', 'url'] })`, `addAll`, `JSON.stringify`, `MiniSearch.loadJS(JSON.parse(json), sameOptions)` (what `loadJSON` does); `ms.search(q, { prefix: true, fuzzy: 0.2 })` for every class (all results, no limit).",
    `- Query classes: whole words ${WHOLE_WORDS.length}, two words ${TWO_WORDS.length}, typos ${TYPOS.length}; prefixes 1–${MAX_PREFIX} letters of ${TYPED_WORDS.map((w) => `"${w}"`).join(', ')}. n = samples per class; "matches" = documents found (hzd: \`total\`).`,
    '- heap delta: `process.memoryUsage().heapUsed` after load minus before (after forced GC, JSON text excluded): a rough figure.',
    '',
  ];
  console.log(out.join('\n'));
  for (const corpus of settings.corpora) {
    const path = resolve(CORPUS_DIR, CORPORA[corpus]);
    if (!existsSync(path)) {
      console.log(`## ${CORPORA[corpus]}\n\nNot found in ${CORPUS_DIR}; skipped.\n`);
      continue;
    }
    const docs = readCorpus(path);
    const ours = benchOurs(docs, settings);
    collectGarbage();
    const plain = benchPlain(docs, settings);
    collectGarbage();
    console.log(report(corpus, docs.length, ours, plain));
  }
}

if (!respawnIfNeeded()) await main();

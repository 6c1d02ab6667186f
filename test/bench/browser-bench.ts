/**
 * Real-browser benchmark: the widget with its sharded index against Pagefind 1.6 and plain
 * MiniSearch, on the same documents, in headless Chromium, served with gzip from 127.0.0.1.
 *
 *   tsx test/bench/browser-bench.ts                 both corpora (10k, 20k), 3 runs each
 *   tsx test/bench/browser-bench.ts --quick         1 run each
 *   tsx test/bench/browser-bench.ts --corpus gesetze-10k --runs 5
 *   tsx test/bench/browser-bench.ts --quick --trace    every request, long task, keystroke
 *   tsx test/bench/browser-bench.ts --quick --engines hzd   one engine (for tuning)
 *
 * Needs `npm run build` (dist/widget/, dist/cli.js). Builds, per corpus (corpora.ts), our index
 * with `hzd-search-index <corpus> --out <folder>/` (every run, so layout changes count), one
 * HTML page per document indexed by the `pagefind` binary, and MiniSearch's JSON (both cached in
 * test/bench/.cache/). Each run opens a fresh browser context (empty cache), then:
 *
 * 1. loads the page and waits until the network is idle (plus one second, the page's idle time);
 * 2. focuses the box and enters the first query at once: "first focus → first results";
 * 3. types seven German queries letter by letter (110–190 ms between keys), pausing after each:
 *    every keystroke → results painted, bytes and requests, long tasks;
 * 4. collects garbage and reads the JS heap: the page's (CDP Runtime.getHeapUsage) and, for the
 *    widget's Web Worker, `performance.measureUserAgentSpecificMemory()` (the page is
 *    cross-origin isolated), which counts the JS memory of the page and its workers.
 *
 * Prints a Markdown report to stdout (progress to stderr); medians over the runs.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { chromium, type Browser, type Page } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../chromium.js';
import { startBenchServer, type BenchServer, type Served } from './bench-server.js';
import {
  ENGINE_LABELS,
  ENGINES,
  INPUT_SELECTOR,
  PAGES,
  PLAIN_OPTIONS,
  PROBE,
  type EngineName,
} from './bench-pages.js';
import {
  CACHE_DIR,
  CORPUS_DESCRIPTIONS,
  CORPUS_NAMES,
  corpusFile,
  readCorpus,
  REPO_ROOT,
  type BenchDocument,
  type CorpusName,
} from './corpora.js';

/** Seven queries per corpus, as visitors of such a site would type them. */
const QUERIES: Record<CorpusName, string[]> = {
  'gesetze-10k': [
    'Kündigungsfrist',
    'Elterngeld',
    'Aufenthaltserlaubnis',
    'Datenschutz Auskunft',
    'Führerschein',
    'Steuererklärung Frist',
    'Mietvertrag',
  ],
  'manpages-de-20k': [
    'Verzeichnis',
    'Datei kopieren',
    'Benutzerkonto',
    'Zeichenkette',
    'Umgebungsvariable',
    'Speicher freigeben',
    'Netzwerkschnittstelle',
  ],
};
const LONG_TASK_MS = 50;
/** `--trace`: every request of every phase on stderr (for tuning the layout). */
let trace = false;
const WAIT_MS = 30_000;

/**
 * `--trace`: the messages between the widget and its worker, timed, to split a keystroke into
 * time in the worker (searching, waiting for files) and time in the page (rendering).
 */
const WORKER_PROBE = `(() => {
  const log = (window.__workerLog = []);
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const d = event.data || {};
        log.push({ dir: 'in', type: d.type, id: d.id, t: performance.now() });
      });
    }
    postMessage(message, transfer) {
      log.push({ dir: 'out', type: message.type, id: message.id, query: message.query, t: performance.now() });
      return super.postMessage(message, transfer);
    }
  };
})();`;

interface RunResult {
  bytesFirst: number;
  requestsFirst: number;
  scriptBeforeFocus: number;
  focusToFirst: number;
  longFirst: number;
  longFirstMax: number;
  keystrokes: number[];
  longTyping: number;
  longTypingMax: number;
  bytesTyping: number;
  requestsTyping: number;
  heapMain: number;
  heapAll: number | undefined;
}

interface Probe {
  long: { start: number; duration: number }[];
  inputs: { value: string; t: number }[];
  paints: { query: string; t: number }[];
  focus?: number;
}

const progress = (message: string) => process.stderr.write(`${message}\n`);

// ---- Preparing the sites ----------------------------------------------------------------------

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function documentPage(doc: BenchDocument): string {
  const paragraphs = doc.body
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title></head><body><main data-pagefind-body><h1>${escapeHtml(doc.title)}</h1>${paragraphs}</main></body></html>`;
}

/** Our indexes of the corpus, sharded and as one file, rebuilt when the CLI or the corpus changed. */
function buildOurs(name: CorpusName, site: string): void {
  const cli = resolve(REPO_ROOT, 'dist/cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first.');
  const input = corpusFile(name);
  const stamp = createHash('sha1')
    .update(readFileSync(cli))
    .update(readFileSync(input))
    .digest('hex');
  const stampFile = join(site, 'hzd.stamp');
  const folder = join(site, 'hzd');
  const fileFolder = join(site, 'hzd-file');
  const built =
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === stamp &&
    existsSync(join(fileFolder, 'index.json'));
  if (built) return;
  const build = (out: string) =>
    execFileSync(process.execPath, [cli, input, '--out', out, '--quiet'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  progress(`${name}: building the sharded index (hzd-search-index --out)`);
  rmSync(folder, { recursive: true, force: true });
  build(`${folder}/`);
  progress(`${name}: building the single-file index (hzd-search-index --out index.json)`);
  rmSync(fileFolder, { recursive: true, force: true });
  mkdirSync(fileFolder, { recursive: true });
  build(join(fileFolder, 'index.json'));
  writeFileSync(stampFile, stamp);
}

function buildPagefind(name: CorpusName, site: string, documents: BenchDocument[]): void {
  const pages = join(site, 'pages');
  if (existsSync(join(pages, 'pagefind', 'pagefind-entry.json'))) return;
  progress(`${name}: writing ${documents.length} HTML pages and running pagefind`);
  rmSync(pages, { recursive: true, force: true });
  mkdirSync(pages, { recursive: true });
  documents.forEach((doc, n) => writeFileSync(join(pages, `${n}.html`), documentPage(doc)));
  const binary = resolve(REPO_ROOT, 'node_modules/.bin/pagefind');
  execFileSync(binary, ['--site', pages, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

function buildMiniSearch(name: CorpusName, site: string, documents: BenchDocument[]): void {
  const file = join(site, 'ms', 'index.json');
  if (existsSync(file)) return;
  progress(`${name}: building the MiniSearch JSON`);
  const index = new MiniSearch(PLAIN_OPTIONS);
  index.addAll(documents);
  mkdirSync(join(site, 'ms'), { recursive: true });
  writeFileSync(file, JSON.stringify(index));
}

function prepareSite(name: CorpusName): string {
  const site = join(CACHE_DIR, `site-${name}`);
  mkdirSync(site, { recursive: true });
  const documents = readCorpus(name);
  buildOurs(name, site);
  buildPagefind(name, site, documents);
  buildMiniSearch(name, site, documents);
  return site;
}

// ---- One run ----------------------------------------------------------------------------------

/** A deterministic pseudo-random sequence (mulberry32) for the typing rhythm. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const between = (log: readonly Served[], from: number, to: number) =>
  log.filter((entry) => entry.at >= from && entry.at <= to);
const sum = (entries: readonly Served[]) =>
  entries.reduce((total, entry) => total + entry.bytes, 0);

async function waitForPaint(page: Page, query: string): Promise<void> {
  await page.waitForFunction(
    (text) =>
      (window as unknown as { __bench: Probe }).__bench.paints.some((p) => p.query === text),
    query,
    { timeout: WAIT_MS, polling: 50 },
  );
}

/**
 * Keystroke → painted: for every keystroke that changed the query (at least 2 characters), the
 * time until the results of that text, or of a longer prefix typed since, were painted.
 */
function keystrokeLatencies(
  probe: Probe,
  queries: string[],
  from: number,
): { text: string; ms: number }[] {
  const latencies: { text: string; ms: number }[] = [];
  const inputs = probe.inputs.filter((input) => input.t >= from);
  let previous = '';
  for (const input of inputs) {
    const text = input.value.trim();
    if (text === previous) continue;
    previous = text;
    if (text.length < 2) continue;
    const query = queries.find((q) => q.startsWith(text));
    if (!query) continue;
    const paint = probe.paints.find(
      (p) => p.t >= input.t && p.query.length >= text.length && query.startsWith(p.query),
    );
    if (paint) latencies.push({ text, ms: paint.t - input.t });
  }
  return latencies;
}

function longTasks(probe: Probe, from: number, to: number) {
  const tasks = probe.long.filter(
    (task) =>
      task.duration > LONG_TASK_MS && task.start + task.duration >= from && task.start <= to,
  );
  return { count: tasks.length, max: Math.max(0, ...tasks.map((task) => task.duration)) };
}

async function run(
  browser: Browser,
  server: BenchServer,
  engine: EngineName,
  queries: string[],
  seed: number,
): Promise<RunResult> {
  const context = await browser.newContext({ locale: 'de-DE' });
  try {
    await context.addInitScript(PROBE);
    if (trace) await context.addInitScript(WORKER_PROBE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const start = Date.now();
    await page.goto(`${server.origin}/${engine}.html`, { waitUntil: 'networkidle' });
    await sleep(1000);
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const epoch = (t: number) => timeOrigin + t;

    // First focus → first results.
    const focusAt = Date.now();
    await page.focus(INPUT_SELECTOR[engine]);
    await page.keyboard.insertText(queries[0]!);
    await waitForPaint(page, queries[0]!);
    let probe = await page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);
    const first = probe.paints.find((p) => p.query === queries[0])!;
    const firstAt = epoch(first.t);
    const beforeFirst = between(server.log, start, firstAt);
    const scriptBeforeFocus = sum(
      between(server.log, start, focusAt).filter((entry) => /\.m?js$/.test(entry.path)),
    );
    const focusT = probe.focus ?? first.t;
    const longFirst = longTasks(probe, focusT, first.t);
    await sleep(1000);

    // Typing, letter by letter.
    const next = random(seed);
    const typingAt = Date.now();
    const typingT = await page.evaluate(() => performance.now());
    for (const query of queries.slice(1)) {
      await page.keyboard.press('Control+A');
      for (const character of query) {
        await page.keyboard.type(character);
        await sleep(110 + next() * 80);
      }
      await waitForPaint(page, query);
      await sleep(800);
    }
    probe = await page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);
    const typingEnd = probe.paints.at(-1)!.t;
    const typing = between(server.log, typingAt, Date.now());
    if (trace) {
      const list = (entries: readonly Served[]) =>
        entries.map((e) => `  ${e.at - start} ms ${e.path} ${e.bytes}`).join('\n');
      progress(`${engine} before first results:\n${list(beforeFirst)}`);
      progress(`${engine} typing:\n${list(typing)}`);
      progress(`${engine} long tasks: ${JSON.stringify(probe.long)}`);
      progress(
        `${engine} keystrokes: ${keystrokeLatencies(probe, queries.slice(1), typingT)
          .map(({ text, ms }) => `${text}:${Math.round(ms)}`)
          .join(' | ')}`,
      );
    }
    if (trace && engine.startsWith('hzd')) {
      const log = (await page.evaluate(
        () => (window as unknown as { __workerLog: unknown[] }).__workerLog,
      )) as { dir: string; type: string; id?: number; query?: string; t: number }[];
      const rows: string[] = [];
      for (const { text, ms } of keystrokeLatencies(probe, queries.slice(1), typingT)) {
        const input = probe.inputs.find((i) => i.value.trim() === text && i.t >= typingT)!;
        const sent = log.find(
          (m) => m.dir === 'out' && m.type === 'search' && m.query === text && m.t >= input.t,
        );
        const answered =
          sent && log.find((m) => m.dir === 'in' && m.type === 'results' && m.id === sent.id);
        const until = answered?.t ?? input.t + ms;
        const asked = log.find(
          (m) => m.dir === 'out' && m.type === 'suggest' && m.query === text && m.t >= input.t,
        );
        const suggested =
          asked && log.find((m) => m.dir === 'in' && m.type === 'suggestions' && m.id === asked.id);
        const fetches = log.filter(
          (m) => m.dir === 'in' && m.type === 'fetch' && m.t >= input.t && m.t <= until,
        ).length;
        rows.push(
          `${text}: ${Math.round(ms)} = send ${sent ? Math.round(sent.t - input.t) : '?'} + worker ${sent && answered ? Math.round(answered.t - sent.t) : '?'} (${fetches} files) + page ${answered ? Math.round(input.t + ms - answered.t) : '?'}; suggestions after results ${suggested && answered ? Math.round(suggested.t - answered.t) : '?'}`,
        );
      }
      const timeline = (from: number, to: number) =>
        log
          .filter((m) => m.t >= from && m.t <= to)
          .map(
            (m) =>
              `${Math.round(m.t - from)} ${m.dir} ${m.type}#${m.id ?? ''}${m.query !== undefined ? ` "${m.query}"` : ''}`,
          )
          .join(', ');
      for (const input of probe.inputs.filter((i) => i.t >= typingT))
        progress(`timeline ${input.value}: ${timeline(input.t - 1, input.t + 100)}`);
      const resources = (await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => {
          const r = e as PerformanceResourceTiming;
          return {
            name: r.name,
            start: r.startTime,
            req: r.requestStart,
            first: r.responseStart,
            end: r.responseEnd,
          };
        }),
      )) as { name: string; start: number; req: number; first: number; end: number }[];
      const typed = resources.filter((r) => r.start >= typingT);
      const median = (values: number[]) => percentile(values, 50);
      const p90 = (values: number[]) => percentile(values, 90);
      const q = typed.map((r) => r.req - r.start);
      const ttfb = typed.map((r) => r.first - r.req);
      const body = typed.map((r) => r.end - r.first);
      progress(
        `resource timing (${typed.length}): queue p50 ${median(q).toFixed(1)} p90 ${p90(q).toFixed(1)}; server p50 ${median(ttfb).toFixed(1)} p90 ${p90(ttfb).toFixed(1)}; body p50 ${median(body).toFixed(1)} p90 ${p90(body).toFixed(1)}`,
      );
      progress(`${engine} keystroke split:\n  ${rows.join('\n  ')}`);
    }
    const longTyping = longTasks(probe, typingT, typingEnd);
    const keystrokes = keystrokeLatencies(probe, queries.slice(1), typingT).map(({ ms }) => ms);

    // Heap.
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const heapAll = await page.evaluate(async () => {
      const measure = (
        performance as unknown as { measureUserAgentSpecificMemory?: () => Promise<unknown> }
      ).measureUserAgentSpecificMemory;
      if (!crossOriginIsolated || !measure) return undefined;
      const result = (await measure.call(performance)) as { bytes: number };
      return result.bytes;
    });

    return {
      bytesFirst: sum(beforeFirst),
      requestsFirst: beforeFirst.length,
      scriptBeforeFocus,
      focusToFirst: first.t - focusT,
      longFirst: longFirst.count,
      longFirstMax: longFirst.max,
      keystrokes,
      longTyping: longTyping.count,
      longTypingMax: longTyping.max,
      bytesTyping: sum(typing),
      requestsTyping: typing.length,
      heapMain: usage.usedSize,
      heapAll,
    };
  } finally {
    await context.close();
  }
}

// ---- Report -----------------------------------------------------------------------------------

function median(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface EngineSummary {
  bytesFirst: number;
  requestsFirst: number;
  scriptBeforeFocus: number;
  focusToFirst: number;
  longFirst: number;
  longFirstMax: number;
  p50: number;
  p95: number;
  max: number;
  longTyping: number;
  longTypingMax: number;
  bytesTyping: number;
  requestsTyping: number;
  heapMain: number;
  heapAll: number;
}

const SUMMARY_KEYS = [
  'bytesFirst',
  'requestsFirst',
  'scriptBeforeFocus',
  'focusToFirst',
  'longFirst',
  'longFirstMax',
  'p50',
  'p95',
  'max',
  'longTyping',
  'longTypingMax',
  'bytesTyping',
  'requestsTyping',
  'heapMain',
  'heapAll',
] as const;

/** Medians over runs; keystroke percentiles per run, then the median of those. */
function summarize(runs: RunResult[]): EngineSummary {
  const m = (pick: (r: RunResult) => number) => median(runs.map(pick));
  if (!runs.length) return Object.fromEntries(SUMMARY_KEYS.map((key) => [key, NaN])) as never;
  return {
    bytesFirst: m((r) => r.bytesFirst),
    requestsFirst: m((r) => r.requestsFirst),
    scriptBeforeFocus: m((r) => r.scriptBeforeFocus),
    focusToFirst: m((r) => r.focusToFirst),
    longFirst: Math.max(...runs.map((r) => r.longFirst)),
    longFirstMax: Math.max(...runs.map((r) => r.longFirstMax)),
    p50: m((r) => percentile(r.keystrokes, 50)),
    p95: m((r) => percentile(r.keystrokes, 95)),
    max: Math.max(...runs.map((r) => Math.max(...r.keystrokes))),
    longTyping: Math.max(...runs.map((r) => r.longTyping)),
    longTypingMax: Math.max(...runs.map((r) => r.longTypingMax)),
    bytesTyping: m((r) => r.bytesTyping),
    requestsTyping: m((r) => r.requestsTyping),
    heapMain: m((r) => r.heapMain),
    heapAll: m((r) => r.heapAll ?? NaN),
  };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes: number) => (Number.isNaN(bytes) ? 'n/a' : `${(bytes / 1e6).toFixed(1)} MB`);
const ms = (value: number) => `${Math.round(value)} ms`;
const ratio = (a: number, b: number) =>
  !b || Number.isNaN(a) || Number.isNaN(b) ? '–' : `${(a / b).toFixed(2)}×`;

interface CorpusReport {
  name: CorpusName;
  documents: number;
  runs: number;
  /** The engines that ran (all, unless `--engines` picked some). */
  engines: readonly EngineName[];
  summary: Record<EngineName, EngineSummary>;
}

function corpusTable({ name, documents, runs, engines, summary }: CorpusReport): string {
  const rows: [string, (s: EngineSummary) => number, (v: number) => string][] = [
    ['bytes before first results (gzip)', (s) => s.bytesFirst, kB],
    ['requests before first results', (s) => s.requestsFirst, String],
    ['script before interaction (gzip)', (s) => s.scriptBeforeFocus, kB],
    ['first focus → first results', (s) => s.focusToFirst, ms],
    ['long tasks, focus → first results (max of runs)', (s) => s.longFirst, String],
    ['longest of those', (s) => s.longFirstMax, ms],
    ['keystroke → painted p50', (s) => s.p50, ms],
    ['keystroke → painted p95', (s) => s.p95, ms],
    ['keystroke → painted max', (s) => s.max, ms],
    ['long tasks while typing (max of runs)', (s) => s.longTyping, String],
    ['longest of those', (s) => s.longTypingMax, ms],
    ['bytes while typing (gzip)', (s) => s.bytesTyping, kB],
    ['requests while typing', (s) => s.requestsTyping, String],
    ['JS heap, page (CDP)', (s) => s.heapMain, MB],
    ['JS heap, page + workers (measureUserAgentSpecificMemory)', (s) => s.heapAll, MB],
  ];
  const lines = [
    `### ${name}: ${documents.toLocaleString('en')} documents, ${runs} run${runs > 1 ? 's' : ''}`,
    '',
    `| | ${engines.map((e) => ENGINE_LABELS[e]).join(' | ')} | ours / Pagefind | ours / MiniSearch |`,
    `|---|${engines.map(() => '---:|').join('')}---:|---:|`,
  ];
  for (const [label, pick, format] of rows) {
    const values = engines.map((e) => pick(summary[e]));
    const ours = pick(summary.hzd);
    lines.push(
      `| ${label} | ${values.map(format).join(' | ')} | ${ratio(ours, pick(summary.pagefind))} | ${ratio(ours, pick(summary.minisearch))} |`,
    );
  }
  return lines.join('\n');
}

function goals(reports: CorpusReport[]): string {
  const lines = [
    '### Goals',
    '',
    '| goal | corpus | measured | target | |',
    '|---|---|---:|---:|---|',
  ];
  // A goal whose figures are missing (an engine left out with --engines) is not judged.
  const add = (goal: string, corpus: string, measured: string, target: string, pass: boolean) => {
    const judged = !/NaN|n\/a/.test(measured + target);
    const verdict = !judged ? 'not measured' : pass ? 'pass' : '**fail**';
    lines.push(`| ${goal} | ${corpus} | ${measured} | ${target} | ${verdict} |`);
  };
  for (const { name, summary } of reports) {
    const ours = summary.hzd;
    const pf = summary.pagefind;
    const plain = summary.minisearch;
    add(
      'bytes before first results ≤ 0.5 × Pagefind',
      name,
      kB(ours.bytesFirst),
      `≤ ${kB(pf.bytesFirst / 2)}`,
      ours.bytesFirst <= pf.bytesFirst / 2,
    );
    add(
      'first focus → first results ≤ Pagefind',
      name,
      ms(ours.focusToFirst),
      `≤ ${ms(pf.focusToFirst)}`,
      ours.focusToFirst <= pf.focusToFirst,
    );
    add(
      'no long task (> 50 ms), focus → first results and typing',
      name,
      `${ours.longFirst} + ${ours.longTyping}`,
      '0',
      ours.longFirst === 0 && ours.longTyping === 0,
    );
    add(
      'keystroke → painted p95 ≤ 0.5 × Pagefind and ≤ MiniSearch',
      name,
      ms(ours.p95),
      `≤ ${ms(Math.min(pf.p95 / 2, plain.p95))}`,
      ours.p95 <= pf.p95 / 2 && ours.p95 <= plain.p95,
    );
    add(
      'bytes while typing ≤ Pagefind',
      name,
      kB(ours.bytesTyping),
      `≤ ${kB(pf.bytesTyping)}`,
      ours.bytesTyping <= pf.bytesTyping,
    );
    if (name === 'manpages-de-20k') {
      add(
        'JS heap ≤ 10 MB (page + worker)',
        name,
        MB(ours.heapAll),
        '≤ 10 MB',
        ours.heapAll <= 10e6,
      );
    }
  }
  // Every script the page fetched before the first focus (the entry file and its chunks), as
  // measured, not the entry file alone.
  const scriptBeforeFocus = Math.max(
    ...reports.map((report) => report.summary.hzd.scriptBeforeFocus),
  );
  add(
    'script before interaction ≤ 16 kB gzip',
    'any',
    kB(scriptBeforeFocus),
    '≤ 16 kB',
    scriptBeforeFocus <= 16_000,
  );
  return lines.join('\n');
}

// ---- Main -------------------------------------------------------------------------------------

export async function browserBench(options: {
  corpora: CorpusName[];
  runs: number;
  /** For tuning: only these engines (the report then lacks the others). */
  engines?: EngineName[];
}) {
  const engines = options.engines ?? ENGINES;
  const reports: CorpusReport[] = [];
  const browser = await chromium.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    args: [...CHROMIUM_ARGS, '--enable-blink-features=ForceEagerMeasureMemory'],
  });
  try {
    for (const name of options.corpora) {
      const site = prepareSite(name);
      const server = await startBenchServer({
        '/widget/': resolve(REPO_ROOT, 'dist/widget'),
        '/lib/minisearch/': resolve(REPO_ROOT, 'node_modules/minisearch/dist/es'),
        '/hzd/': join(site, 'hzd'),
        '/hzd-file/': join(site, 'hzd-file'),
        '/pages/': join(site, 'pages'),
        '/ms/': join(site, 'ms'),
      });
      server.setPages(
        Object.fromEntries(
          Object.entries(PAGES).map(([engine, html]) => [`/${engine}.html`, html]),
        ),
      );
      const results = Object.fromEntries(ENGINES.map((e) => [e, [] as RunResult[]])) as Record<
        EngineName,
        RunResult[]
      >;
      try {
        for (let n = 0; n < options.runs; n++) {
          for (const engine of engines) {
            progress(`${name}: ${engine}, run ${n + 1} of ${options.runs}`);
            results[engine].push(await run(browser, server, engine, QUERIES[name], 20261202 + n));
          }
        }
      } finally {
        await server.close();
      }
      reports.push({
        name,
        documents: readCorpus(name).length,
        runs: options.runs,
        engines,
        summary: Object.fromEntries(ENGINES.map((e) => [e, summarize(results[e])])) as Record<
          EngineName,
          EngineSummary
        >,
      });
    }
  } finally {
    await browser.close();
  }
  return [
    `## Browser: widget vs Pagefind vs plain MiniSearch`,
    '',
    `Headless Chromium ${browser.version()}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), gzip level 6 from 127.0.0.1, a fresh browser context per run; medians over runs.`,
    '',
    ...options.corpora.map((name) => `- ${name}: ${CORPUS_DESCRIPTIONS[name]}`),
    '',
    ...reports.map((report) => corpusTable(report) + '\n'),
    goals(reports),
    '',
    'Bytes are response bodies as sent (gzip; Pagefind files come pre-compressed), headers not counted. "Before first results" counts everything since navigation (page, scripts, index). Keystrokes: every key that changed a query of 2 or more characters, until the results of that text or a longer prefix were painted (next animation frame after the DOM update). Pagefind runs through its JS API (search, then `data()` of the first 10 results), not its UI, so that every engine shows 10 cards and none debounces. Plain MiniSearch loads its JSON in the main thread and shows title and URL only (no snippets). "Single file" is the same widget with the same documents as one index file, loaded whole into its worker on first focus: no keystroke fetches, at the price of the bytes and memory the sharded layout saves; the goals are checked on the sharded index. Heap: the page\'s V8 heap after a forced GC; "page + workers" is measureUserAgentSpecificMemory of the cross-origin-isolated page, which includes the widget\'s worker (Pagefind\'s WebAssembly memory is counted there too, MiniSearch has no worker).',
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      corpus: { type: 'string', multiple: true },
      trace: { type: 'boolean', default: false },
      engines: { type: 'string' },
    },
  });
  trace = values.trace ?? false;
  const corpora = (values.corpus ?? [...CORPUS_NAMES]) as CorpusName[];
  for (const name of corpora) {
    if (!CORPUS_NAMES.includes(name)) throw new Error(`Unknown corpus ${name}`);
  }
  const runs = values.runs ? Number(values.runs) : values.quick ? 1 : 3;
  const engines = values.engines?.split(',') as EngineName[] | undefined;
  console.log(await browserBench({ corpora, runs, engines }));
}

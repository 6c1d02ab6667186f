/**
 * `npm run bench`: every benchmark in one go, one Markdown report on stdout.
 *
 *   npm run bench                 full: browser (3 runs, 10k and 20k), core (both corpora),
 *                                 crawl (10,000 pages), CLI build memory, Solr vs static (86,228
 *                                 law sections; skipped with a note without java/mvn)
 *   npm run bench -- --quick      smaller: 1 browser run, core on 10k only, crawl of 2,000 pages,
 *                                 Solr vs static on 10k
 *   npm run bench -- --only browser,core
 *
 * Each benchmark is its own script (browser-bench.ts, bench.ts, crawl-bench.ts,
 * cli-build-bench.ts, solr-bench.ts), run here one after the other in a child process, so none
 * shares a heap, a server or CPU time with another. Their progress goes to stderr; a failed one is reported in
 * its section and the others still run (the exit code is then 1).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './corpora.js';

interface Job {
  name: string;
  title: string;
  script: string;
  args: (quick: boolean) => string[];
}

const JOBS: Job[] = [
  {
    name: 'browser',
    title: 'Browser: first results, typing, bytes, heap',
    script: 'test/bench/browser-bench.ts',
    args: (quick) => (quick ? ['--quick'] : []),
  },
  {
    name: 'core',
    title: 'Core in Node: build, size, query latency vs MiniSearch',
    script: 'test/bench/bench.ts',
    args: (quick) => (quick ? ['--quick', '--corpus', '10k'] : []),
  },
  {
    name: 'crawl',
    title: 'Crawl and build',
    script: 'test/bench/crawl-bench.ts',
    args: (quick) => (quick ? ['--pages', '2000'] : []),
  },
  {
    name: 'cli',
    title: 'CLI build memory',
    script: 'test/bench/cli-build-bench.ts',
    args: () => [],
  },
  {
    // Prints a note instead of a table when java or mvn is missing (the SolrCloud harness).
    name: 'solr',
    title: 'SolrSource vs sharded static index (all law sections)',
    script: 'test/bench/solr-bench.ts',
    args: (quick) => (quick ? ['--input', '../shared/corpus/gesetze-10k.json.gz'] : []),
  },
];

function runScript(script: string, args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolvePromise, reject) => {
    const tsx = resolve(REPO_ROOT, 'node_modules/.bin/tsx');
    const child = spawn(tsx, [script, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout }));
  });
}

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
});
const quick = values.quick ?? false;
const only = values.only?.split(',');
const sections = [
  `# Benchmarks${quick ? ' (quick)' : ''}`,
  '',
  `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}.`,
];
let failed = false;
for (const job of JOBS) {
  if (only && !only.includes(job.name)) continue;
  sections.push('', `# ${job.title}`, '');
  if (!existsSync(resolve(REPO_ROOT, job.script))) {
    sections.push(`(not run: ${job.script} is missing)`);
    continue;
  }
  process.stderr.write(`\n== ${job.name}: ${job.script} ${job.args(quick).join(' ')}\n`);
  const { code, stdout } = await runScript(job.script, job.args(quick));
  sections.push(stdout.trim());
  if (code !== 0) {
    failed = true;
    sections.push('', `**${job.script} failed (exit code ${code}); see its output above.**`);
  }
}
console.log(sections.join('\n'));
process.exitCode = failed ? 1 : 0;

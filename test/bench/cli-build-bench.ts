/**
 * Memory and time of the CLI build (dist/cli.js; run `npm run build` first) on the law corpora,
 * for a single file and a sharded folder, beside plain MiniSearch building the same documents
 * (addAll + JSON.stringify) in a child process as the baseline. Reports maximum resident memory
 * from /usr/bin/time -f %M and the ratio to the baseline.
 * Usage: npm run bench:cli [-- 10k|all]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');
const cli = join(root, 'dist', 'cli.js');

/** Runs node with `args` under /usr/bin/time: its max RSS (MB) and wall time (s). */
function measure(args: string[]): { rssMb: number; seconds: number } {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
    encoding: 'utf8',
    cwd: root,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(result.stderr);
  return { rssMb: Number(result.stderr.trim().split('\n').at(-1)) / 1024, seconds };
}

const MINISEARCH = `
  const { readFileSync } = require('node:fs');
  const { gunzipSync } = require('node:zlib');
  const MiniSearch = require('minisearch');
  const docs = JSON.parse(gunzipSync(readFileSync(process.argv[1])).toString('utf8'));
  const index = new MiniSearch({ fields: ['title', 'keywords', 'body'], storeFields: ['title', 'url'] });
  index.addAll(docs);
  const json = JSON.stringify(index);
  if (!json.length) process.exit(1);`;

const names = process.argv.slice(2).length ? process.argv.slice(2) : ['10k', 'all'];
const out = mkdtempSync(join(tmpdir(), 'hzd-cli-bench-'));
try {
  for (const name of names) {
    const input = join(corpus, `gesetze-${name}.json.gz`);
    if (!existsSync(input)) {
      console.log(`skipped ${name}: ${input} is missing`);
      continue;
    }
    const baseline = measure(['-e', MINISEARCH, input]);
    const single = measure([cli, input, '--out', join(out, `${name}.json`), '--quiet']);
    const sharded = measure([cli, input, '--out', join(out, `${name}/`), '--quiet']);
    const row = (label: string, m: { rssMb: number; seconds: number }) =>
      `  ${label.padEnd(26)} ${m.rssMb.toFixed(0).padStart(6)} MB max RSS (${(m.rssMb / baseline.rssMb).toFixed(2)}× MiniSearch) ${m.seconds.toFixed(1).padStart(7)} s (${(m.seconds / baseline.seconds).toFixed(2)}×)`;
    console.log(`gesetze-${name}:`);
    console.log(row('MiniSearch addAll+JSON', baseline));
    console.log(row('CLI single file', single));
    console.log(row('CLI sharded folder', sharded));
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

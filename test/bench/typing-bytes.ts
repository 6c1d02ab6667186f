/**
 * Offline replay of typing against a sharded index folder: every prefix of every query is
 * searched (limit 10, prefix on) and suggested, as the widget does per keystroke (the first
 * letter only prefetched), and every shard
 * fetched is tallied (gzip bytes per kind). For tuning the layout without a browser.
 *
 *   tsx test/bench/typing-bytes.ts <folder> "query one" "query two" …
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkManifest, ShardedIndex } from '../../src/core/sharded/sharded-index.js';

const [folder, ...queries] = process.argv.slice(2);
if (!folder) throw new Error('usage: typing-bytes.ts <folder> queries…');
const tally = new Map<string, { requests: number; bytes: number }>();
const fetched: string[] = [];
const index = new ShardedIndex(
  checkManifest(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'))),
  async (path) => {
    const text = readFileSync(join(folder, path), 'utf8');
    const kind = path.split('/')[0]!;
    const entry = tally.get(kind) ?? { requests: 0, bytes: 0 };
    entry.requests++;
    entry.bytes += gzipSync(text, { level: 6 }).length;
    tally.set(kind, entry);
    fetched.push(path);
    return JSON.parse(text);
  },
);
const verbose = process.env['VERBOSE'];
const manifestBytes = gzipSync(readFileSync(join(folder, 'manifest.json'))).length;
// The first query is entered at once (as pasted), the others typed letter by letter.
const [first, ...typed] = queries;
if (first) {
  await Promise.all([index.search(first, { limit: 10, prefix: true }), index.suggest(first)]);
  let firstBytes = manifestBytes;
  for (const { bytes } of tally.values()) firstBytes += bytes;
  console.log(
    `before first results: ${(firstBytes / 1000).toFixed(1)} kB (manifest ${(manifestBytes / 1000).toFixed(1)} kB)`,
  );
  tally.clear();
}
for (const query of typed) {
  for (let n = 1; n <= query.length; n++) {
    const text = query.slice(0, n);
    // Below the widget's two letters it only prefetches (SearchSource.prefetch).
    if (text.trim().length < 2) {
      await index.prefetch(text);
      continue;
    }
    const before = fetched.length;
    await Promise.all([index.search(text, { limit: 10, prefix: true }), index.suggest(text)]);
    if (verbose)
      process.stderr.write(
        `${text}: ${fetched
          .slice(before)
          .filter((p) => !p.startsWith('doc'))
          .join(' ')} +${fetched.slice(before).filter((p) => p.startsWith('doc')).length} docs\n`,
      );
  }
}
let total = 0;
for (const [kind, { requests, bytes }] of tally) {
  total += bytes;
  console.log(`${kind}: ${requests} requests, ${(bytes / 1000).toFixed(1)} kB`);
}
console.log(`total: ${(total / 1000).toFixed(1)} kB`);

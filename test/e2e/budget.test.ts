/**
 * The size budget (see budget.ts), measured on the built files: the script-tag module and the
 * files it imports statically. The test also checks what is not in them (the index, the engine),
 * or the number would measure the wrong thing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { SCRIPT_BEFORE_INTERACTION_BYTES } from './budget.js';
import { BUILT, distFile } from './helpers/paths.js';

interface IndexFile {
  builtAt: string;
  documents: { title: string }[];
}

function gzipSize(content: Buffer | string): number {
  return gzipSync(content, { level: 9 }).length;
}

function kB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

/** `file` and every file it imports statically (not `import()`), each once. */
function staticGraph(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const code = readFileSync(distFile(file), 'utf8');
  const imports = [...code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+)["']/g)].map(
    (match) => match[1]!,
  );
  return [
    file,
    ...imports.flatMap((next) => staticGraph(posix.join(posix.dirname(file), next), seen)),
  ];
}

const beforeInteraction = staticGraph(BUILT.esm);

test(`the script before interaction is at most ${kB(SCRIPT_BEFORE_INTERACTION_BYTES)} gzipped`, (t) => {
  const sizes = beforeInteraction.map((file) => gzipSize(readFileSync(distFile(file))));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  t.diagnostic(
    `${beforeInteraction.join(' + ')}: ${sizes.join(' + ')} = ${total} B (${kB(total)})`,
  );
  assert.ok(
    total <= SCRIPT_BEFORE_INTERACTION_BYTES,
    `${total} bytes gzipped, over the budget of ${SCRIPT_BEFORE_INTERACTION_BYTES}`,
  );
});

test('the script before interaction holds neither the index nor the engine nor the session', () => {
  assert.ok(!beforeInteraction.includes(BUILT.session), 'the session is loaded, not imported');
  // SolrSource (solr-url) is a file of its own, loaded only by pages that use Solr.
  const solrMarker = 'SolrSource needs the collection URL';
  assert.ok(readFileSync(distFile('widget/hzd-search.solr.js'), 'utf8').includes(solrMarker));
  for (const file of [...beforeInteraction, BUILT.session]) {
    assert.ok(!readFileSync(distFile(file), 'utf8').includes(solrMarker), `${file} has SolrSource`);
  }
  const index = JSON.parse(readFileSync(distFile(BUILT.index), 'utf8')) as IndexFile;
  assert.ok(index.documents.length > 0, 'the default index has documents');
  // Strings only the index has, and only the engine (an error of the sharded loader).
  const markers = [index.builtAt, ...index.documents.map((doc) => doc.title)];
  const engineMarker = 'its shards do not hold the keys they list';
  assert.ok(readFileSync(distFile(BUILT.worker), 'utf8').includes(engineMarker));
  for (const file of [...beforeInteraction, BUILT.session, BUILT.iife]) {
    const text = readFileSync(distFile(file), 'utf8');
    for (const marker of markers) assert.ok(!text.includes(marker), `${file} has "${marker}"`);
    assert.ok(!text.includes(engineMarker), `${file} holds the engine`);
  }
});

test('sizes of the built files (raw / gzip -9)', (t) => {
  for (const file of [...beforeInteraction, BUILT.session, BUILT.worker, BUILT.iife, BUILT.index]) {
    const content = readFileSync(distFile(file));
    t.diagnostic(`${file}: ${content.length} B raw, ${gzipSize(content)} B gzip`);
  }
});

/**
 * The size budget of the script-tag bundle (see budget.ts), measured on
 * dist/budget/hzd-search.noindex.js: the same bundle as dist/hzd-search.js without the index.
 * The test also checks that this file really is that bundle minus the index, or the number would
 * measure the wrong thing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { SCRIPT_TAG_BUDGET_BYTES } from './budget.js';
import { BUILT, distFile } from './helpers/paths.js';

interface IndexFile {
  builtAt: string;
  documents: { title: string }[];
}

function gzipSize(content: Buffer): number {
  return gzipSync(content, { level: 9 }).length;
}

function kB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

function describeSize(bytes: number): string {
  return `${bytes} B (${kB(bytes)})`;
}

test(`the script-tag bundle without index is at most ${kB(SCRIPT_TAG_BUDGET_BYTES)} gzipped`, (t) => {
  const size = gzipSize(readFileSync(distFile(BUILT.noIndex)));
  t.diagnostic(`${describeSize(size)} of ${describeSize(SCRIPT_TAG_BUDGET_BYTES)}`);
  assert.ok(
    size <= SCRIPT_TAG_BUDGET_BYTES,
    `${BUILT.noIndex} is ${size} bytes gzipped, over the budget of ${SCRIPT_TAG_BUDGET_BYTES}`,
  );
});

test('the budget build lacks the index, the script-tag builds contain it', () => {
  const index = JSON.parse(readFileSync(distFile(BUILT.index), 'utf8')) as IndexFile;
  // Strings only the index has: every document title and the build time stamp.
  const markers = [index.builtAt, ...index.documents.map((doc) => doc.title)];
  assert.ok(index.documents.length > 0, 'the default index has documents');

  const noIndex = readFileSync(distFile(BUILT.noIndex), 'utf8');
  for (const marker of markers)
    assert.ok(!noIndex.includes(marker), `budget build has "${marker}"`);
  for (const bundle of [BUILT.esm, BUILT.iife]) {
    const text = readFileSync(distFile(bundle), 'utf8');
    for (const marker of markers) assert.ok(text.includes(marker), `${bundle} lacks "${marker}"`);
  }
});

test('sizes of the built files (raw / gzip -9)', (t) => {
  for (const file of [BUILT.noIndex, BUILT.esm, BUILT.iife, BUILT.index]) {
    const content = readFileSync(distFile(file));
    const sizes = `${describeSize(content.length)} raw, ${describeSize(gzipSize(content))} gzip`;
    t.diagnostic(`${file}: ${sizes}`);
  }
});

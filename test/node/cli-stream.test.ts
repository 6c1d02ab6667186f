/**
 * The streamed CLI build: gzipped and plain JSON inputs read one document at a time give the
 * same index as buildIndex() of the same documents, also when the text arrives in tiny chunks.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/main.js';
import { readJsonArrayStream } from '../../src/cli/sources/json-stream.js';
import { buildIndex } from '../../src/core/index.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hzd-cli-stream-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const docs = Array.from({ length: 60 }, (_, i) => ({
  id: `d${i}`,
  title: `§ ${i} Wohngeldberechtigung – Gesetz ${i % 7}`,
  url: `/d/${i}`,
  keywords: i % 3 ? ['WoGG'] : undefined,
  body: `(1) Der Antrag auf Mietzuschuss [${i}] ist "schriftlich" zu stellen.\n\nÄnderungen ${i}.`,
}));

const withoutBuiltAt = (text: string) => text.replace(/"builtAt":"[^"]*"/, '');

async function cli(...args: string[]) {
  let stderr = '';
  const code = await run(args, {
    cwd: dir,
    stdout: { write: () => true },
    stderr: { write: (text: string) => (stderr += text) },
  });
  assert.equal(code, 0, stderr);
}

describe('streamed build', () => {
  test('.json.gz, .jsonl.gz and .json inputs give buildIndex() of the same documents', async () => {
    const expected = withoutBuiltAt(JSON.stringify(buildIndex(docs)));
    const array = JSON.stringify(docs, null, 1);
    const lines = docs.map((doc) => JSON.stringify(doc)).join('\n');
    await writeFile(join(dir, 'a.json.gz'), gzipSync(array));
    await writeFile(join(dir, 'b.jsonl.gz'), gzipSync(lines));
    await writeFile(join(dir, 'c.json'), array);
    for (const input of ['a.json.gz', 'b.jsonl.gz', 'c.json']) {
      await cli(input, '--out', `${input}.index.json`, '--quiet');
      const written = await readFile(join(dir, `${input}.index.json`), 'utf8');
      assert.equal(withoutBuiltAt(written), expected, input);
    }
  });

  test('a broken gzip file is a clear error', async () => {
    await writeFile(join(dir, 'bad.json.gz'), 'not gzip');
    let stderr = '';
    const code = await run(['bad.json.gz', '-q'], {
      cwd: dir,
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
    });
    assert.equal(code, 1);
    assert.match(stderr, /^error: cannot read bad\.json\.gz: it is not valid gzip data/m);
  });

  test('an array cut into one-character chunks gives the same documents and lines', async () => {
    const text = '[\n' + docs.map((doc) => JSON.stringify(doc)).join(',\n') + '\n]';
    async function* chars() {
      for (const c of text) yield c;
    }
    const read = [];
    for await (const raw of readJsonArrayStream(chars(), 'x.json')) read.push(raw);
    assert.deepEqual(
      read.map((raw) => raw.data),
      JSON.parse(text),
    );
    assert.deepEqual(
      read.map((raw) => raw.line),
      docs.map((_, i) => i + 2),
    );
  });
});

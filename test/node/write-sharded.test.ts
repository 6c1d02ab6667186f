/**
 * The CLI's streaming sharded writer: the files it writes as shards are made are exactly those of
 * shardIndex (names and bytes), shard names keep the hash-of-the-whole-kind scheme, and a build
 * that fails half way leaves the index that was there untouched.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildIndex, type SerializedIndex } from '../../src/core/index.js';
import {
  contentHash,
  filesOfKind,
  shardIndex,
  shardPieces,
  type ShardOptions,
} from '../../src/core/sharded/write.js';
import { writeSharded } from '../../src/cli/write-sharded.js';

const SHAPE: ShardOptions = { termShardCharacters: 2000, documentsPerShard: 2 };
const WORDS =
  'Antrag Miete Zuschuss Kündigung Frist Bescheid Widerspruch Wohngeld Kindergeld Rente Steuer Gebühr Ausweis Meldung Gewerbe Erlaubnis Prüfung Zeugnis Schule Hochschule'.split(
    ' ',
  );
/** Documents enough for many shards of each kind (more than one batch of parallel writes). */
function documents(count: number, from = 0) {
  return Array.from({ length: count }, (_, i) => ({
    id: `d${from + i}`,
    title: `${WORDS[(from + i) % WORDS.length]} Nummer ${from + i}`,
    url: `/d${from + i}`,
    body: Array.from(
      { length: 30 },
      (_, w) => `${WORDS[(i * 7 + w) % WORDS.length]}${(i + w) % 97}`,
    ).join(' '),
  }));
}
const INDEX = buildIndex(documents(150), { now: () => new Date(0) });
const copy = (index: SerializedIndex): SerializedIndex => JSON.parse(JSON.stringify(index));

const folders: string[] = [];
after(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));
async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'write-sharded-'));
  folders.push(dir);
  return dir;
}

/** Every file under `dir` by its path relative to it, with its content. */
async function filesIn(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path, 'utf8'));
  }
  return files;
}

describe('streaming sharded writer', () => {
  it('writes the files of shardIndex, byte for byte, and lets go of the index', async () => {
    const expected = shardIndex(copy(INDEX), SHAPE);
    assert.ok(expected.files.length > 80, 'enough shards for several write batches');
    const dir = await folder();
    const index = copy(INDEX);
    const count = await writeSharded(dir, shardPieces(index, { ...SHAPE, release: true }));
    assert.equal(count, expected.files.length);
    const written = await filesIn(dir);
    assert.deepEqual(
      [...written.keys()].sort(),
      expected.files.map((file) => file.name).sort(),
      'no other file (no temporary folder) is left',
    );
    for (const file of expected.files)
      assert.equal(written.get(file.name), file.content, file.name);
    assert.equal(index.postings.length, 0);
    assert.equal(index.documents.length, 0);
    assert.equal(index.keys.length, 0);
  });

  it('names the shards of a kind after the hash of all of them joined by newlines', () => {
    const { manifest, files } = shardIndex(copy(INDEX), SHAPE);
    for (const kind of ['terms', 'vocabulary', 'documents', 'packs'] as const) {
      const { files: prefix, count } = filesOfKind(manifest, kind);
      assert.ok(count > 0, `${kind}: some shards`);
      const contents = Array.from({ length: count }, (_, n) => {
        const file = files.find((f) => f.name === `${prefix}-${n}.json`);
        assert.ok(file, `${kind} shard ${n}`);
        return file.content;
      });
      assert.equal(prefix, `${kind}/${contentHash(contents.join('\n'))}`);
    }
  });

  it('a build that fails half way leaves the existing index untouched', async () => {
    const dir = await folder();
    await writeSharded(dir, shardPieces(copy(INDEX), SHAPE));
    await mkdir(join(dir, 'other'));
    await writeFile(join(dir, 'other', 'keep.txt'), 'x');
    const before = await filesIn(dir);
    const changed = buildIndex(documents(150, 1));
    function* failing() {
      let n = 0;
      for (const piece of shardPieces(changed, SHAPE)) {
        if (++n === 50) throw new Error('disk full');
        yield piece;
      }
    }
    await assert.rejects(writeSharded(dir, failing()), /disk full/);
    assert.deepEqual(await filesIn(dir), before);
  });
});

/**
 * Writes a sharded index into a folder: the shard files first (content-named, so they never
 * overwrite a file a visitor's browser may still read), then the manifest, atomically. Shards of
 * builds before the previous one are removed afterwards; the previous build's stay, so a visitor
 * who loaded its manifest a moment ago can finish searching.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MANIFEST_FILE } from '../core/sharded/layout.js';
import type { ShardFile } from '../core/sharded/write.js';
import { writeFileAtomic } from './write-atomic.js';

const SHARD_FOLDERS = ['terms', 'vocabulary', 'documents'];
/** Files written at once: thousands of small files, without running out of file handles. */
const PARALLEL_WRITES = 32;

/** The shard name prefixes a manifest refers to ("terms/3f9a…"), if it can be read. */
async function prefixesOf(manifestPath: string): Promise<Set<string>> {
  try {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<
      string,
      { files?: unknown }
    >;
    return new Set(
      SHARD_FOLDERS.map((kind) => manifest[kind]?.files).filter(
        (prefix): prefix is string => typeof prefix === 'string',
      ),
    );
  } catch {
    return new Set();
  }
}

export async function writeSharded(
  folder: string,
  files: readonly ShardFile[],
  /** Called with each file's content once written, in the order of `files`. */
  onContent?: (content: string) => Promise<void>,
): Promise<void> {
  const manifestPath = join(folder, MANIFEST_FILE);
  const previous = await prefixesOf(manifestPath);
  const shards = files.filter((file) => file.name !== MANIFEST_FILE);
  const manifest = files.find((file) => file.name === MANIFEST_FILE);
  if (!manifest) throw new Error('a sharded index without a manifest');
  for (const kind of SHARD_FOLDERS) await mkdir(join(folder, kind), { recursive: true });
  for (let start = 0; start < shards.length; start += PARALLEL_WRITES) {
    await Promise.all(
      shards.slice(start, start + PARALLEL_WRITES).map(async (file) => {
        const path = join(folder, file.name);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.content, 'utf8');
      }),
    );
    for (const file of shards.slice(start, start + PARALLEL_WRITES))
      await onContent?.(file.content);
  }
  await writeFileAtomic(manifestPath, manifest.content);
  await onContent?.(manifest.content);
  const current = await prefixesOf(manifestPath);
  const keep = new Set([...previous, ...current]);
  for (const kind of SHARD_FOLDERS) {
    for (const name of await readdir(join(folder, kind))) {
      const prefix = `${kind}/${name.replace(/-\d+\.json$/, '')}`;
      if (!keep.has(prefix)) await rm(join(folder, kind, name), { force: true });
    }
  }
}

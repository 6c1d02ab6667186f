/**
 * Writes a sharded index into a folder as its shards are made (see shardPieces), so a large index
 * and all its shards are never in memory at once. Shards go to a temporary folder first (their
 * names depend on a hash of every shard of their kind, known only at the end), are then renamed
 * to their content names (which never overwrite a file a visitor's browser may still read), and
 * the manifest comes last, atomically: a failed build leaves the index that was there untouched.
 * Shards of builds before the previous one are removed afterwards; the previous build's stay, so
 * a visitor who loaded its manifest a moment ago can finish searching.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, type ShardedManifest } from '../core/sharded/layout.js';
import {
  filesOfKind,
  shardFileName,
  type ManifestPiece,
  type ShardKind,
  type ShardPiece,
} from '../core/sharded/write.js';
import { writeFileAtomic } from './write-atomic.js';

const SHARD_FOLDERS: readonly ShardKind[] = ['terms', 'vocabulary', 'documents', 'packs'];
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

/** What a writer reports of each file once written (for sizes and progress). */
export interface WrittenFile {
  kind: ShardKind | 'manifest';
  content: string;
}

async function writeNew(path: string, content: string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
}

/** Runs `work` on each item, `PARALLEL_WRITES` at a time. */
async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += PARALLEL_WRITES)
    await Promise.all(items.slice(start, start + PARALLEL_WRITES).map(work));
}

/**
 * Writes the pieces of `shardPieces` into `folder`; returns how many files it holds now for this
 * build (shards and manifest). `onFile` is called with each file once written, in order.
 */
export async function writeSharded(
  folder: string,
  pieces: Iterable<ShardPiece | ManifestPiece>,
  onFile?: (file: WrittenFile) => Promise<void> | void,
): Promise<number> {
  const manifestPath = join(folder, MANIFEST_FILE);
  const previous = await prefixesOf(manifestPath);
  await mkdir(folder, { recursive: true });
  // Inside the target folder, so the renames stay on its file system (it may be a mount point).
  const temp = join(folder, `.building-${process.pid}-${randomBytes(6).toString('hex')}`);
  await mkdir(temp);
  const tempName = (piece: ShardPiece) => join(temp, `${piece.kind}-${piece.number}.json`);
  let manifest: ManifestPiece | undefined;
  try {
    let batch: ShardPiece[] = [];
    const writeBatch = async () => {
      await inBatches(batch, (piece) => writeNew(tempName(piece), piece.content));
      for (const piece of batch) await onFile?.(piece);
      batch = [];
    };
    for (const piece of pieces) {
      if (piece.kind === 'manifest') {
        manifest = piece;
        break;
      }
      batch.push(piece);
      if (batch.length >= PARALLEL_WRITES) await writeBatch();
    }
    await writeBatch();
    if (!manifest) throw new Error('a sharded index without a manifest');
    const { manifest: names } = manifest;
    for (const kind of SHARD_FOLDERS) {
      await mkdir(join(folder, kind), { recursive: true });
      const numbers = Array.from({ length: filesOfKind(names, kind).count }, (_, n) => n);
      await inBatches(numbers, (number) => {
        const piece = { kind, number, content: '' };
        return rename(tempName(piece), join(folder, shardFileName(piece, names)));
      });
    }
    await writeFileAtomic(manifestPath, manifest.content);
    await onFile?.(manifest);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  await removeOlderBuilds(folder, previous, manifest.manifest);
  return shardCount(manifest.manifest) + 1;
}

function shardCount(manifest: ShardedManifest): number {
  return SHARD_FOLDERS.reduce((sum, kind) => sum + filesOfKind(manifest, kind).count, 0);
}

/** Removes shards that neither this build nor the previous one refers to. */
async function removeOlderBuilds(
  folder: string,
  previous: Set<string>,
  current: ShardedManifest,
): Promise<void> {
  const keep = new Set([
    ...previous,
    ...SHARD_FOLDERS.map((kind) => filesOfKind(current, kind).files),
  ]);
  for (const kind of SHARD_FOLDERS) {
    for (const name of await readdir(join(folder, kind))) {
      const prefix = `${kind}/${name.replace(/-\d+\.json$/, '')}`;
      if (!keep.has(prefix)) await rm(join(folder, kind, name), { force: true });
    }
  }
}

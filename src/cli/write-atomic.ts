/**
 * Writes the index so that readers (a web server, a deploy step) never see half a file and a
 * failed run never damages the previous index: temp file in the same folder, then rename.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(
  path: string,
  content: string | Iterable<string>,
  /** Called with each piece once written (for sizes and progress). */
  onPiece?: (piece: string) => Promise<void> | void,
): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  // Same folder, so the rename stays on one file system and is atomic.
  const temp = join(
    folder,
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx');
    try {
      // Pieces, so a large index is never one string (see index-json.ts).
      for (const piece of typeof content === 'string' ? [content] : content) {
        await handle.writeFile(piece, 'utf8');
        await onPiece?.(piece);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

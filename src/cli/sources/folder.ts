/**
 * Finds the content files of a folder: Markdown and HTML, recursively, sorted by path so the
 * index (and any duplicate-id error) does not depend on the file system's order.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export type ContentKind = 'markdown' | 'html';

export interface ContentFile {
  path: string;
  /** Relative to the folder, with / on every platform. */
  relativePath: string;
  kind: ContentKind;
}

function kindOf(name: string): ContentKind | undefined {
  if (/\.md$/i.test(name)) return 'markdown';
  if (/\.html?$/i.test(name)) return 'html';
  return undefined;
}

async function walk(folder: string, prefix: string, out: ContentFile[]): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    // Hidden folders and files (.git, editor backups) and dependencies are never content.
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    const relativePath = prefix + entry.name;
    // Symbolic links count only when they point at files, so a link cannot loop the walk.
    const isFile =
      entry.isFile() ||
      (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile() === true);
    if (entry.isDirectory()) {
      await walk(path, `${relativePath}/`, out);
    } else if (isFile) {
      const kind = kindOf(entry.name);
      if (kind) out.push({ path, relativePath, kind });
    }
  }
}

export async function listContentFiles(folder: string): Promise<ContentFile[]> {
  const files: ContentFile[] = [];
  await walk(folder, '', files);
  // Code-unit order, not locale order: the same on every machine.
  return files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : 1));
}

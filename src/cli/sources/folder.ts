/**
 * Finds the content files of a folder: Markdown, HTML and PDF, recursively, sorted by path so the
 * index (and any duplicate-id error) does not depend on the file system's order. A folder that
 * cannot be read is a problem for the report, and the walk goes on without it.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, describeFsError } from '../cli-error.js';
import type { PathFilter } from '../path-filter.js';
import type { BuildReport } from '../report.js';

export type ContentKind = 'markdown' | 'html' | 'pdf';

export interface ContentFile {
  path: string;
  /** Relative to the folder, with / on every platform. */
  relativePath: string;
  kind: ContentKind;
}

function kindOf(name: string): ContentKind | undefined {
  if (/\.(?:md|mdx|markdown)$/i.test(name)) return 'markdown';
  if (/\.html?$/i.test(name)) return 'html';
  if (/\.pdf$/i.test(name)) return 'pdf';
  return undefined;
}

/** The entries of a folder; a folder that cannot be read is an error naming it (as `shown`). */
async function entriesOf(folder: string, shown: string): Promise<Dirent[]> {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const denied = code === 'EACCES' || code === 'EPERM';
    throw new CliError(
      `cannot read this folder: ${describeFsError(error)}.`,
      { file: shown },
      denied
        ? 'Give the user running hzd-search-index read permission for the folder, or move it out of the input folder.'
        : undefined,
    );
  }
}

/** `shown` is how the folder is named in errors: the input as typed, joined with `prefix`. */
interface Walk {
  out: ContentFile[];
  filter: PathFilter;
  report: BuildReport;
  /** The input folder itself: if it cannot be read, nothing can, and that is an error. */
  root: string;
}

async function walk(folder: string, prefix: string, shown: string, state: Walk): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await entriesOf(folder, shown);
  } catch (error) {
    if (folder === state.root || !(error instanceof CliError)) throw error;
    state.report.problem(error);
    return;
  }
  for (const entry of entries) {
    // Hidden folders and files (.git, editor backups) and dependencies are never content.
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    const relativePath = prefix + entry.name;
    // Symbolic links count only when they point at files, so a link cannot loop the walk.
    const isFile =
      entry.isFile() ||
      (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile() === true);
    if (entry.isDirectory()) {
      await walk(path, `${relativePath}/`, join(shown, entry.name), state);
    } else if (isFile) {
      const kind = kindOf(entry.name);
      if (kind && state.filter.accepts(relativePath)) state.out.push({ path, relativePath, kind });
    }
  }
}

/** `display` is the folder as the user typed it, for error messages. */
export async function listContentFiles(
  folder: string,
  display: string,
  filter: PathFilter,
  report: BuildReport,
): Promise<ContentFile[]> {
  const files: ContentFile[] = [];
  await walk(folder, '', display, { out: files, filter, report, root: folder });
  // Code-unit order, not locale order: the same on every machine.
  return files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : 1));
}

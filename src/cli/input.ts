/** Reads the CLI's <input>: a folder of Markdown/HTML files, a JSON array or JSON Lines. */
import { stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { CliError, describeFsError, UsageError } from './cli-error.js';
import { readText } from './read-text.js';
import { listContentFiles } from './sources/folder.js';
import { readHtml } from './sources/html.js';
import { readJsonArray, readJsonLines } from './sources/json.js';
import { readMarkdown } from './sources/markdown.js';
import type { RawDocument } from './sources/raw-document.js';

async function readFolder(folder: string, display: string): Promise<RawDocument[]> {
  const files = await listContentFiles(folder, display);
  if (files.length === 0) {
    throw new CliError(
      'no documents found: the folder contains no .md, .html or .htm files.',
      { file: display },
      'Markdown and HTML files are searched in all subfolders; for JSON pass the .json file itself.',
    );
  }
  const documents: RawDocument[] = [];
  for (const file of files) {
    const shown = join(display, file.relativePath);
    const text = await readText(file.path, shown);
    documents.push(
      file.kind === 'markdown'
        ? readMarkdown(text, shown, basename(file.relativePath, extname(file.relativePath)))
        : readHtml(text, shown, file.relativePath),
    );
  }
  return documents;
}

/** `path` is absolute; `display` is the input as the user typed it. */
export async function readInput(path: string, display: string): Promise<RawDocument[]> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new CliError(
      `cannot read the input ${display}: ${describeFsError(error)}.`,
      {},
      'Pass a folder of .md/.html files, a .json file or a .jsonl file.',
    );
  }
  if (info.isDirectory()) return readFolder(path, display);
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return readJsonArray(await readText(path, display), display);
  if (extension === '.jsonl' || extension === '.ndjson')
    return readJsonLines(await readText(path, display), display);
  throw new UsageError(
    `cannot index ${display}: the input must be a folder, a .json file or a .jsonl/.ndjson file.`,
  );
}

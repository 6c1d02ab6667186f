/**
 * Reads the CLI's <input>: a folder of Markdown, HTML and PDF files, a JSON array or JSON Lines.
 * In a folder, a file that cannot be read is a problem for the report and the others go on.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { join } from 'node:path';
import { CliError, describeFsError, UsageError } from './cli-error.js';
import type { PathFilter } from './path-filter.js';
import { readText } from './read-text.js';
import type { BuildReport } from './report.js';
import { listContentFiles, type ContentFile } from './sources/folder.js';
import type { HeadingIdStyle } from './sources/heading-ids.js';
import { readHtml, type HtmlPage } from './sources/html.js';
import { decodeUtf8, readJsonArrayStream, readJsonLinesStream } from './sources/json-stream.js';
import { readMarkdown } from './sources/markdown.js';
import type { UrlStyle } from './sources/page-paths.js';
import { readPdf } from './sources/pdf.js';
import type { RawDocument } from './sources/raw-document.js';
import { finishSitePages } from './sources/site-pages.js';
import { withDerivedIds } from './validate.js';

export interface InputOptions {
  filter: PathFilter;
  urlStyle?: UrlStyle;
  headingIds?: HeadingIdStyle;
}

async function readBytes(path: string, shown: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new CliError(`cannot read ${shown}: ${describeFsError(error)}.`);
  }
}

async function readContentFile(
  file: ContentFile,
  shown: string,
  options: InputOptions,
  report: BuildReport,
): Promise<RawDocument | HtmlPage | undefined> {
  if (file.kind === 'pdf') {
    return readPdf(await readBytes(file.path, shown), {
      file: shown,
      relativePath: file.relativePath,
    });
  }
  const text = await readText(file.path, shown);
  if (file.kind === 'html') {
    return readHtml(text, {
      file: shown,
      relativePath: file.relativePath,
      urlStyle: options.urlStyle,
    });
  }
  const result = readMarkdown(text, shown, file.relativePath, options);
  if ('skipped' in result) {
    report.skip(result.skipped, shown);
    return undefined;
  }
  return result.document;
}

async function readFolder(
  folder: string,
  display: string,
  options: InputOptions,
  report: BuildReport,
): Promise<RawDocument[]> {
  const files = await listContentFiles(folder, display, options.filter, report);
  if (files.length === 0) {
    throw new CliError(
      'no documents found: the folder contains no .md, .html or .pdf files (that --include and --exclude let through).',
      { file: display },
      'Markdown, HTML and PDF files are searched in all subfolders; for JSON pass the .json file itself.',
    );
  }
  // In file order; HTML pages wait for the decisions that need the whole site.
  const read: (RawDocument | HtmlPage)[] = [];
  const pages: HtmlPage[] = [];
  for (const file of files) {
    const shown = join(display, file.relativePath);
    try {
      const item = await readContentFile(file, shown, options, report);
      if (!item) continue;
      read.push(item);
      if ('links' in item) pages.push(item);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      report.problem(error);
    }
  }
  const keptPages = new Set(finishSitePages(pages, report));
  return read.flatMap((item) => {
    if (!('links' in item)) return [item];
    return keptPages.has(item.document) ? [item.document] : [];
  });
}

/** JSON inputs, read as streams; `.gz` ones are unzipped on the way. */
const JSON_INPUT = /\.(json|jsonl|ndjson)(\.gz)?$/i;

/** The bytes of `path`, unzipped if `gzipped`; read and unzip errors name the file. */
async function* fileBytes(path: string, display: string, gzipped: boolean) {
  const file = createReadStream(path);
  const stream = gzipped ? file.pipe(createGunzip()) : file;
  if (gzipped) file.on('error', (error) => stream.destroy(error));
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (gzipped && typeof code === 'string' && code.startsWith('Z_')) {
      throw new CliError(
        `cannot read ${display}: it is not valid gzip data (${(error as Error).message}).`,
        {},
        'Pass the file unzipped, or zip it again with gzip.',
      );
    }
    throw new CliError(`cannot read ${display}: ${describeFsError(error)}.`);
  } finally {
    file.destroy();
  }
}

/**
 * The documents of <input>, one at a time: JSON arrays and JSON Lines (also gzipped) are read
 * as streams, folders whole (their pages need decisions over the whole site).
 * `path` is absolute; `display` is the input as the user typed it.
 */
export async function* readInputStream(
  path: string,
  display: string,
  options: InputOptions,
  report: BuildReport,
): AsyncGenerator<RawDocument> {
  const info = await inputInfo(path, display);
  if (info.isDirectory()) {
    // Ids made from paths are made unique over the whole folder first.
    yield* withDerivedIds(await readFolder(path, display, options, report));
    return;
  }
  const match = JSON_INPUT.exec(path);
  if (!match) {
    throw new UsageError(
      `cannot index ${display}: the input must be a folder, a .json file or a .jsonl/.ndjson file (optionally gzipped: .json.gz, .jsonl.gz, .ndjson.gz).`,
    );
  }
  const text = decodeUtf8(fileBytes(path, display, !!match[2]), display);
  yield* match[1]!.toLowerCase() === 'json'
    ? readJsonArrayStream(text, display)
    : readJsonLinesStream(text, display);
}

async function inputInfo(path: string, display: string) {
  try {
    return await stat(path);
  } catch (error) {
    throw new CliError(
      `cannot read the input ${display}: ${describeFsError(error)}.`,
      {},
      'Pass a folder of .md/.html/.pdf files, a .json file or a .jsonl file, or crawl a site with: hzd-search-index crawl <url>.',
    );
  }
}

/** All documents of <input> at once (see readInputStream). */
export async function readInput(
  path: string,
  display: string,
  options: InputOptions,
  report: BuildReport,
): Promise<RawDocument[]> {
  const documents: RawDocument[] = [];
  for await (const raw of readInputStream(path, display, options, report)) documents.push(raw);
  return documents;
}

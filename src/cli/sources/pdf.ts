/**
 * PDF files (Merkblätter, Formulare, Broschüren): their text layer becomes the body, read with
 * PDF.js through unpdf (its build for servers, without a canvas). The title is the document's
 * own metadata title when it is a real one, else the largest text on page 1 (the heading), else
 * the file name. A PDF without text (a scan) is a problem for the report, never an empty entry.
 */
import { CliError } from '../cli-error.js';
import { dayOf } from './page-dates.js';
import { idFromPath } from './page-paths.js';
import type { RawDocument } from './raw-document.js';

export interface PdfSource {
  /** Shown in messages: the file as typed, or the URL. */
  file: string;
  /** Path in the input folder (or of the URL, without the leading slash). */
  relativePath: string;
  /** The document's address: its URL when crawled, its path otherwise. */
  url?: string;
  outsideDates?: readonly (string | undefined)[];
}

export const PDF_TYPE = 'PDF';

/** Fewer visible characters than this: no text layer worth indexing. */
const MIN_TEXT = 20;
/** Large brochures: the first part is indexed, the rest would only grow the index. */
const MAX_TEXT = 1_000_000;

/** Titles that office programs and converters put in the metadata instead of a real one. */
const GENERATED_TITLE =
  /^(?:microsoft (?:word|powerpoint|excel) - |untitled\b|unbenannt\b|ohne titel\b|dokument\d*$|document\d*$|titel$|title$)|\.(?:docx?|odt|pdf|pptx?|xlsx?|rtf|indd|qxp)$/i;

interface TextItem {
  str: string;
  fontSize: number;
  hasEOL: boolean;
}

function plainTitle(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const title = value.replace(/\s+/g, ' ').trim();
  return title && !GENERATED_TITLE.test(title) ? title : undefined;
}

/** The largest text on the first page, if it stands out from the rest: the heading. */
function headingOf(items: readonly TextItem[]): string | undefined {
  const visible = items.filter((item) => item.str.trim());
  if (!visible.length) return undefined;
  const sizes = visible.map((item) => item.fontSize).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)]!;
  const largest = sizes.at(-1)!;
  if (largest < median * 1.15) return undefined;
  // The run of items in that size: a heading may span a few items or lines.
  const start = items.findIndex((item) => item.str.trim() && item.fontSize >= largest - 0.5);
  let title = '';
  for (let i = start; i < items.length; i++) {
    const item = items[i]!;
    if (item.str.trim() && item.fontSize < largest - 0.5) break;
    title += item.str + (item.hasEOL ? ' ' : '');
  }
  title = title.replace(/\s+/g, ' ').trim();
  return title.length <= 200 ? title : undefined;
}

function pageText(items: readonly TextItem[]): string {
  return items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join('');
}

/** Lines broken with a hyphen inside a word ("Antrags-\nstellung") are joined again. */
function joinedLines(text: string): string {
  return text
    .replace(/(\p{Ll})-\n(\p{Ll})/gu, '$1$2')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n\s*/g, '\n')
    .trim();
}

function fileTitle(relativePath: string): string {
  const name = relativePath
    .split('/')
    .at(-1)!
    .replace(/\.pdf$/i, '');
  return decodeURIComponent(name).replace(/[_-]+/g, ' ').trim();
}

/** Reads one PDF; a file that cannot be indexed throws a CliError naming it. */
export async function readPdf(bytes: Uint8Array, source: PdfSource): Promise<RawDocument> {
  // Loaded only when a site has PDFs: PDF.js is large.
  const { getDocumentProxy, extractTextItems, getMeta } = await import('unpdf');
  let proxy;
  try {
    // A copy: PDF.js takes over (detaches) the buffer it is given.
    proxy = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    const name = (error as { name?: string } | undefined)?.name;
    if (name === 'PasswordException') {
      throw new CliError('the PDF is protected by a password and cannot be read.', {
        file: source.file,
      });
    }
    throw new CliError(
      `not a readable PDF: ${error instanceof Error ? error.message : String(error)}.`,
      { file: source.file },
      'Open the file in a PDF viewer; if it is damaged, export it again.',
    );
  }
  try {
    const { items } = (await extractTextItems(proxy)) as { items: TextItem[][] };
    const { info, metadata } = await getMeta(proxy, { parseDates: true });
    let body = '';
    for (const page of items) {
      if (body.length > MAX_TEXT) break;
      body += `${pageText(page)}\n`;
    }
    body = joinedLines(body).slice(0, MAX_TEXT);
    if (body.replace(/\s/g, '').length < MIN_TEXT) {
      throw new CliError(
        `the PDF has no text layer (${items.length} ${items.length === 1 ? 'page' : 'pages'} without text, probably scanned images), so it was not indexed.`,
        { file: source.file },
        'Run text recognition (OCR) on the file, e.g. with ocrmypdf, or offer the text as a web page.',
      );
    }
    const xmpTitle = (metadata as { get?(name: string): unknown } | null)?.get?.('dc:title');
    const title =
      plainTitle(info['Title']) ??
      plainTitle(xmpTitle) ??
      headingOf(items[0] ?? []) ??
      fileTitle(source.relativePath);
    const data: Record<string, unknown> = {
      id: idFromPath(source.relativePath),
      title,
      url: source.url ?? `/${source.relativePath.split('/').map(encodeURIComponent).join('/')}`,
      body,
      type: PDF_TYPE,
    };
    const lang = typeof info['Language'] === 'string' ? info['Language'].trim() : '';
    if (lang) data['lang'] = lang;
    const updated = [info['ModDate'], info['CreationDate'], ...(source.outsideDates ?? [])]
      .map(dayOf)
      .find(Boolean);
    if (updated) data['updated'] = updated;
    return { data, file: source.file, derivedId: true };
  } finally {
    await proxy.destroy();
  }
}

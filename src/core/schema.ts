/**
 * Runtime validation of documents. Every problem becomes a ContentError that names the document
 * and field, so the CLI can point the webmaster at the line to fix.
 */
import { ContentError } from './errors.js';
import type { SearchDocument } from './types.js';
import { dateProblem } from './calendar-date.js';
import { cleanText } from './text.js';
import { isSafeUrl } from './url.js';

const ID = /^[\p{L}\p{N}_.~/-]{1,200}$/u;
/** Far more than any page; larger input is almost always a mistake (binary file, dump). */
export const MAX_DOCUMENT_CHARACTERS = 2_000_000;

type Where = { file?: string; line?: number };

function fail(message: string, where: Where, id?: string, field?: string): never {
  throw new ContentError(message, { ...where, ...(id ? { id } : {}), ...(field ? { field } : {}) });
}

function optionalString(raw: Record<string, unknown>, field: string, where: Where, id: string) {
  const value = raw[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(`Field "${field}" must be text.`, where, id, field);
  return value;
}

/**
 * A text field for display and search, without control characters and the like (see
 * clean-text.ts). Not for the URL: it is checked as given, and refused if it has controls.
 */
function optionalText(raw: Record<string, unknown>, field: string, where: Where, id: string) {
  const value = optionalString(raw, field, where, id);
  return value === undefined ? undefined : cleanText(value);
}

function optionalList(raw: Record<string, unknown>, field: string, where: Where, id: string) {
  const value = raw[field];
  if (value === undefined || value === null) return undefined;
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
    fail(
      `Field "${field}" must be a list of texts (or one comma-separated text).`,
      where,
      id,
      field,
    );
  }
  return (list as string[]).map((item) => cleanText(item).trim()).filter(Boolean);
}

/** A `YYYY-MM-DD` date that exists; a Date object (from a JS caller) counts by its UTC day. */
function optionalDate(raw: Record<string, unknown>, field: string, where: Where, id: string) {
  let value = raw[field];
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      fail(`Document "${id}": field "${field}" is an invalid Date.`, where, id, field);
    value = value.toISOString().slice(0, 10);
  }
  const problem = dateProblem(value);
  if (problem) fail(`Document "${id}": field "${field}" ${problem}.`, where, id, field);
  return value as string;
}

/**
 * Checks one raw document (from JSON, front matter or HTML) and returns a clean SearchDocument.
 * Unknown fields are ignored.
 */
export function validateDocument(input: unknown, where: Where = {}): SearchDocument {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    fail('Each document must be an object with the fields id, title and url.', where);
  }
  const raw = input as Record<string, unknown>;
  // Numeric ids (JSON exports often have them) become text; the caller's object is not changed.
  const id = typeof raw['id'] === 'number' ? String(raw['id']) : raw['id'];
  if (typeof id !== 'string' || !id.trim())
    fail('Field "id" is missing or empty.', where, undefined, 'id');
  if (!ID.test(id)) {
    fail(
      'Field "id" may only contain letters, digits and - _ . / ~ (at most 200 characters).',
      where,
      undefined,
      'id',
    );
  }
  const title = optionalText(raw, 'title', where, id)?.trim();
  if (!title) fail(`Document "${id}": field "title" is missing or empty.`, where, id, 'title');
  const url = optionalString(raw, 'url', where, id)?.trim();
  if (!url) fail(`Document "${id}": field "url" is missing or empty.`, where, id, 'url');
  if (!isSafeUrl(url)) {
    fail(
      `Document "${id}": field "url" must start with http:// or https:// or be relative (like /page); other schemes such as javascript: are not allowed.`,
      where,
      id,
      'url',
    );
  }
  const body = optionalText(raw, 'body', where, id) ?? '';
  const summary = optionalText(raw, 'summary', where, id)?.trim();
  const size = body.length + (summary?.length ?? 0) + title.length;
  if (size > MAX_DOCUMENT_CHARACTERS) {
    fail(
      `Document "${id}" is too large: ${size} characters (at most ${MAX_DOCUMENT_CHARACTERS}). Split it into several documents.`,
      where,
      id,
      'body',
    );
  }
  const updated = optionalDate(raw, 'updated', where, id);
  const doc: SearchDocument = { id, title, url, body };
  if (summary) doc.summary = summary;
  const keywords = optionalList(raw, 'keywords', where, id);
  if (keywords?.length) doc.keywords = keywords;
  const headings = optionalList(raw, 'headings', where, id);
  if (headings?.length) doc.headings = headings;
  const partners = optionalList(raw, 'partners', where, id);
  if (partners?.length) doc.partners = partners;
  const levels = optionalList(raw, 'levels', where, id);
  if (levels?.length) doc.levels = levels;
  const category = optionalText(raw, 'category', where, id)?.trim();
  if (category) doc.category = category;
  if (updated) doc.updated = updated;
  const lang = optionalText(raw, 'lang', where, id)?.trim();
  if (lang) doc.lang = lang;
  return doc;
}

/** Checks the "Datenstand" option of a build, which is shown to visitors like `updated`. */
export function validateDataDate(value: string | undefined): string | undefined {
  const problem = value === undefined ? undefined : dateProblem(value);
  if (problem) fail(`Option "dataDate" ${problem}.`, {}, undefined, 'dataDate');
  return value;
}

/** Validates a whole collection: at least one document, ids unique. */
export function validateDocuments(inputs: readonly unknown[], where: Where = {}): SearchDocument[] {
  if (inputs.length === 0) fail('No documents found: the input is empty.', where);
  const seen = new Set<string>();
  return inputs.map((input) => {
    const doc = validateDocument(input, where);
    if (seen.has(doc.id))
      fail(`Duplicate id "${doc.id}": every document needs a unique id.`, where, doc.id, 'id');
    seen.add(doc.id);
    return doc;
  });
}

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

/** A list of texts that may contain commas (headings): an array, never split. */
function optionalTextArray(raw: Record<string, unknown>, field: string, where: Where, id: string) {
  const value = raw[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    fail(`Document "${id}": field "${field}" must be a list of texts.`, where, id, field);
  }
  return (value as string[])
    .map((item) => cleanText(item).replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** A fragment id as it follows `#` in a URL: no spaces, controls or `#`. */
const ANCHOR = /^[^\s#\u0000-\u001f\u007f-\u009f]{1,200}$/u;

function optionalSections(raw: Record<string, unknown>, where: Where, id: string) {
  const value = raw['sections'];
  if (value === undefined || value === null) return undefined;
  const problem = (detail: string): never =>
    fail(`Document "${id}": field "sections" ${detail}.`, where, id, 'sections');
  if (!Array.isArray(value)) problem('must be a list of { anchor, title, text }');
  let characters = 0;
  const sections = (value as unknown[]).map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      problem(`[${index}] must be an object { anchor, title, text }`);
    const { anchor, title, text } = item as Record<string, unknown>;
    if (typeof anchor !== 'string' || !ANCHOR.test(anchor))
      problem(
        `[${index}]: "anchor" must be the id of a heading without # or spaces (at most 200 characters)`,
      );
    if (typeof title !== 'string' || !cleanText(title).trim())
      problem(`[${index}]: "title" must be a non-empty text`);
    if (text !== undefined && typeof text !== 'string') problem(`[${index}]: "text" must be text`);
    const cleanBody = cleanText((text as string | undefined) ?? '');
    characters += cleanBody.length;
    return {
      anchor: anchor as string,
      title: cleanText(title as string)
        .replace(/\s+/g, ' ')
        .trim(),
      text: cleanBody,
    };
  });
  if (characters > MAX_DOCUMENT_CHARACTERS) {
    problem(`holds ${characters} characters of text (at most ${MAX_DOCUMENT_CHARACTERS})`);
  }
  return sections;
}

/** Names of filter fields: they appear in URLs (sync-url) and in the core's `filters` option. */
const FILTER_NAME = /^\p{L}[\p{L}\p{N}_-]{0,49}$/u;

function optionalFilters(raw: Record<string, unknown>, where: Where, id: string) {
  const value = raw['filters'];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
    fail(
      `Document "${id}": field "filters" must map filter names to lists of values, e.g. { "zielgruppe": ["Bürger"] }.`,
      where,
      id,
      'filters',
    );
  }
  const entries: [string, string[]][] = [];
  for (const [name, values] of Object.entries(value as Record<string, unknown>)) {
    if (!FILTER_NAME.test(name)) {
      fail(
        `Document "${id}": filter name "${name.slice(0, 60)}" must start with a letter and contain only letters, digits, - and _ (at most 50 characters).`,
        where,
        id,
        'filters',
      );
    }
    const list = typeof values === 'string' ? [values] : values;
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
      fail(
        `Document "${id}": filter "${name}" must be a text or a list of texts.`,
        where,
        id,
        'filters',
      );
    }
    const cleaned = [
      ...new Set((list as string[]).map((item) => cleanText(item).replace(/\s+/g, ' ').trim())),
    ].filter(Boolean);
    if (cleaned.length) entries.push([name, cleaned]);
  }
  // fromEntries defines own properties, so no name can reach the prototype.
  return entries.length ? Object.fromEntries(entries) : undefined;
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
  const partners = optionalList(raw, 'partners', where, id);
  if (partners?.length) doc.partners = partners;
  const levels = optionalList(raw, 'levels', where, id);
  if (levels?.length) doc.levels = levels;
  const category = optionalText(raw, 'category', where, id)?.trim();
  if (category) doc.category = category;
  if (updated) doc.updated = updated;
  const lang = optionalText(raw, 'lang', where, id)?.trim();
  if (lang) doc.lang = lang;
  const headings = optionalTextArray(raw, 'headings', where, id);
  if (headings?.length) doc.headings = headings;
  const sections = optionalSections(raw, where, id);
  if (sections?.length) doc.sections = sections;
  const type = optionalText(raw, 'type', where, id)?.trim();
  if (type) doc.type = type;
  const filters = optionalFilters(raw, where, id);
  if (filters) doc.filters = filters;
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
